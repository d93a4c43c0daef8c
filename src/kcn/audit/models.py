"""The audit trail: who changed what, when, with the values before and after."""

from __future__ import annotations

from typing import TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditAction(models.TextChoices):
    """What an audit entry records (Zulip's ``AuditLogEventType``): every writer names one of
    these, and the database refuses any other value."""

    CREATE = "create", pgettext_lazy("audit action", "created")
    UPDATE = "update", pgettext_lazy("audit action", "changed")
    DELETE = "delete", pgettext_lazy("audit action", "deleted")
    IMPORT = "import", pgettext_lazy("audit action", "imported")
    # The report's workflow (reports/workflow.py).
    SUBMIT = "submit", pgettext_lazy("audit action", "submitted")
    APPROVE = "approve", pgettext_lazy("audit action", "approved")
    RETURN = "return", pgettext_lazy("audit action", "returned to draft")
    PUBLISH = "publish", pgettext_lazy("audit action", "published")
    # Moderation of the portal's reader comments (publishing/services.py).
    REJECT = "reject", pgettext_lazy("audit action", "rejected")
    # Accounts: a user name locked out after failed logins, unlocked (accounts/services.py).
    UNLOCK = "unlock", pgettext_lazy("audit action", "unlocked")
    # Corrections: a leader voids a wrong record, saying why (audit/records.py, record_void).
    VOID = "void", pgettext_lazy("audit action", "voided")


_M = TypeVar("_M", bound=models.Model)


class LiveManager(models.Manager[_M]):
    """The records in force: a voided record is left out of every figure and every register.

    The default manager of a ``Voidable`` model, so that every reader (the indicators, the
    report, the portal, the export) leaves voided records out without saying so; the pages
    that show a voided record with its reason read ``all_objects``. Django's base manager,
    which follows relations and makes backups, still sees every row.
    """

    def get_queryset(self) -> models.QuerySet[_M]:
        return super().get_queryset().filter(voided_at__isnull=True)


class Voidable(models.Model):
    """A record a leader may void: wrong, it stays visible with its reason but counts nowhere,
    and the right record can be entered (docs/decisions/0014-trust-in-every-record.md)."""

    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A database default too: the import writes rows in bulk, without the app's fields.
    void_reason = models.TextField(_("reason for voiding"), blank=True, default="", db_default="")

    objects = LiveManager()
    all_objects = models.Manager()  # noqa: DJ012 - a manager, after the default one

    class Meta:
        abstract = True

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None


# The fields of ``Voidable``: the app's own, not the exchange workbook's (``Sheet.app_only``).
VOID_FIELDS = ("voided_at", "voided_by", "void_reason")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices)
    model = models.CharField(_("record type"), max_length=64)  # "projects.project"
    object_pk = models.CharField(_("record"), max_length=64, blank=True)
    object_repr = models.CharField(_("description"), max_length=255, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    # A record created or changed by an import points to the import's own entry (the
    # workbook's name, its SHA-256, who imported it, the rows of each sheet).
    import_entry = models.ForeignKey(
        "self",
        verbose_name=_("import"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="records",
    )

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["model", "object_pk"])]
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=AuditAction.values), name="audit_action_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.model} {self.object_repr}"


class DataVersion(models.Model):
    """A number that grows with every write of records (one row, ``pk=1``).

    Every write is audited, and ``audit_record`` raises this number in the
    write's own transaction, under the row's lock: figures computed from the
    records can be kept (the indicators, a report's dataset, the dashboard)
    under the version they were computed at, and are never served after a
    write has changed them. A write that rolls back leaves it as it was.
    """

    value = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data version")

    def __str__(self) -> str:
        return str(self.value)
