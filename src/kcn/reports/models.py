"""What staff write for a report: section narratives and the next period's priorities."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kcn.reports.sections import Section


class Narrative(models.Model):
    period = models.CharField(_("period"), max_length=32)  # a period code: "2022-Q1"
    section = models.CharField(_("section"), max_length=16, choices=Section.choices)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        ordering = ["period", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "section"], name="narrative_once_per_section"
            ),
            models.CheckConstraint(
                condition=Q(section__in=Section.values), name="narrative_section_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.section}"


class Priority(models.Model):
    period = models.CharField(_("period"), max_length=32)  # the period the task is for
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("priority task")
        verbose_name_plural = _("priority tasks")
        ordering = ["period", "order"]
        constraints = [
            models.UniqueConstraint(fields=["period", "order"], name="priority_once_per_order"),
            models.CheckConstraint(condition=Q(order__gt=0), name="priority_order_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.period} #{self.order}"


class BoardProfile(models.Model):
    """Who issues the report: the letterhead, the place, the signer (one row, ``pk=1``).

    Decree 30/2020/NĐ-CP, Appendix I: the issuing body under its parent body
    at the top left, the document symbol, the place and date, and the signature
    block with the signing authority ("KT." when a deputy signs for the head).
    """

    province = models.CharField(_("province"), max_length=100, blank=True)
    parent_body = models.CharField(
        _("parent body"), max_length=255, blank=True, help_text=_("e.g. UBND TỈNH HƯNG YÊN")
    )
    name = models.CharField(
        _("name in the letterhead"),
        max_length=255,
        default="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
    )
    name_in_text = models.CharField(
        _("name in sentences"),
        max_length=255,
        default="Ban Quản lý các khu công nghiệp tỉnh",
    )
    abbreviation = models.CharField(
        _("abbreviation in document symbols"), max_length=32, default="BQL"
    )
    place = models.CharField(
        _("place in the date line"), max_length=100, blank=True, help_text=_("e.g. Hưng Yên")
    )
    signer_authority = models.CharField(
        _("signing authority"), max_length=16, blank=True, help_text=_("KT., TL., Q. or empty")
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, default="TRƯỞNG BAN")
    signer_deputy_title = models.CharField(
        _("deputy's title"),
        max_length=100,
        blank=True,
        help_text=_("when a deputy signs for the head: PHÓ TRƯỞNG BAN"),
    )
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("one per line"))
    # The province's outline for the map, as the province supplies it (GeoJSON).
    outline = models.JSONField(_("province outline (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("board profile")
        verbose_name_plural = _("board profile")

    def __str__(self) -> str:
        return self.name_in_text


class PublishedReport(models.Model):
    """A report as it was published: its dataset frozen, so later edits of records never
    change what the board sent. Publishing again makes a new version."""

    period = models.CharField(_("period"), max_length=32)
    version = models.PositiveSmallIntegerField(_("version"))
    number = models.CharField(_("document number"), max_length=16, blank=True)
    issued_on = models.DateField(_("date of the report"))
    dataset = models.JSONField(_("dataset"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("published report")
        verbose_name_plural = _("published reports")
        ordering = ["period", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["period", "version"], name="published_report_version"),
            models.CheckConstraint(condition=Q(version__gt=0), name="published_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.period} v{self.version}"


class ReportState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for approval")
    APPROVED = "approved", _("approved")
    PUBLISHED = "published", _("published")


class ReportWorkflow(models.Model):
    """Where the report of a period stands: drafted by specialists, submitted, approved by a
    leader, then published (its frozen versions are ``PublishedReport``). Changing its texts
    sends it back to draft."""

    period = models.CharField(_("period"), max_length=32, unique=True)
    state = models.CharField(
        _("state"), max_length=16, choices=ReportState.choices, default=ReportState.DRAFT
    )
    note = models.TextField(_("note"), blank=True)  # why a leader returned it
    changed_at = models.DateTimeField(_("changed at"))
    changed_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("report workflow")
        verbose_name_plural = _("report workflows")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=ReportState.values), name="report_state_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.state}"
