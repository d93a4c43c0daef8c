"""Users and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEADER = "leader", _("Leader")  # everything; approves and publishes reports
    SPECIALIST = "specialist", _("Specialist")  # enters and edits records, drafts reports
    ENTERPRISE = "enterprise", _("Enterprise")  # sees and reports only its own projects
    VIEWER = "viewer", _("Viewer")  # reads only


# Roles that see the whole board's data; an enterprise user sees only its own projects.
BOARD_ROLES = (Role.LEADER, Role.SPECIALIST, Role.VIEWER)


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    # The enterprise a user of role "enterprise" reports for.
    investor = models.ForeignKey(
        "investors.Investor",
        verbose_name=_("investor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="user_role_known"
            ),
        ]

    @property
    def is_board_member(self) -> bool:
        """Leaders, specialists and viewers see the board's figures and registers."""
        return self.role in BOARD_ROLES

    @property
    def is_enterprise(self) -> bool:
        return self.role == Role.ENTERPRISE

    @property
    def can_manage_users(self) -> bool:
        return self.role == Role.LEADER

    @property
    def can_edit_records(self) -> bool:
        return self.role in (Role.LEADER, Role.SPECIALIST)

    @property
    def can_publish_reports(self) -> bool:
        return self.role == Role.LEADER

    @property
    def can_void_records(self) -> bool:
        """A leader voids a wrong record (docs/decisions/0014-trust-in-every-record.md)."""
        return self.role == Role.LEADER
