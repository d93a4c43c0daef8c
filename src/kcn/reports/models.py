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
    text_en = models.TextField(_("text in English"), blank=True)  # for the English report

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
    text_en = models.TextField(_("text in English"), blank=True)  # for the English report

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
    # The report's figures as the leader approved them: the reports page lists what differs
    # from the records before anyone publishes. Cleared when the report leaves "approved".
    approved_dataset = models.JSONField(_("figures as approved"), null=True, blank=True)

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


class ReportFraming(models.Model):
    """What staff choose for the framing paragraph of a period's report: how many groups of
    tasks the board's yearly plan sets ("20 nhóm nhiệm vụ, giải pháp"), and which of its
    thematic plans the paragraph names, in their order ("như các kế hoạch: …")."""

    period = models.CharField(_("period"), max_length=32, unique=True)
    task_groups = models.PositiveSmallIntegerField(
        _("groups of tasks in the yearly plan"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("framing of a report")
        verbose_name_plural = _("framings of reports")

    def __str__(self) -> str:
        return self.period


class ListedPlan(models.Model):
    """A thematic plan the framing paragraph names, in its place in the list."""

    framing = models.ForeignKey(
        ReportFraming, verbose_name=_("framing"), on_delete=models.CASCADE, related_name="listed"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("thematic plan"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    title_en = models.TextField(_("title in English"), blank=True)  # for the English report

    class Meta:
        verbose_name = _("thematic plan listed")
        verbose_name_plural = _("thematic plans listed")
        ordering = ["framing", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framing", "document"], name="listed_plan_once"),
            models.CheckConstraint(condition=Q(order__gt=0), name="listed_plan_order_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.framing.period} #{self.order}"
