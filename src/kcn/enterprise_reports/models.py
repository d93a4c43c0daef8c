"""What enterprises report to the board, and when they owe it.

- ``ProjectReport``: the quarterly investment-project implementation report
  (form A.III.1 of the investment reporting regime; the ``project_reports``
  sheet): capital realized, revenue, exports, imports, budget paid, workers,
  land used, difficulties and requests.
- ``LaborFiling``: the half-year labor report (Decree 145/2020/NĐ-CP Art. 4
  as amended by Decree 35/2022/NĐ-CP: changes of labor, before 5 June and
  5 December); accepted, it becomes a ``projects.LaborReport``.
- ``ReportingPeriod``: the quarters and half-years reports are owed for, with
  their due dates; ``Obligation``: a database view of every project × period
  a report is owed for (the project valid on the period's last day).

A report moves draft → submitted → accepted, or returned with a reason and
submitted again; only accepted reports count in figures.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from kcn.core.fields import money_field
from kcn.projects.models import Project


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("quarter (form A.III.1)")
    HALF_YEAR = "half_year", _("half-year (labor)")


class ReportingPeriod(models.Model):
    """A period an enterprise reports on, and the day its report is due.

    Quarters (``2022-Q1``) are due on the 10th of the month after the quarter.
    The half-year labor reports (``2022-H1``, ``2022-H2``) are due on 5 June
    and 5 December and report the labor as of the end of the month before
    (31 May, 30 November), so their periods run December–May and June–November.
    """

    # Year × 10 + 1–4 for the quarters, 5–6 for the labor half-years: the obligations view
    # builds its row ids from it, so they never depend on the order rows were written in.
    ordinal = models.PositiveIntegerField(_("ordinal"), unique=True)
    code = models.CharField(_("period"), max_length=8, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PeriodKind.choices)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("to"))
    due_on = models.DateField(_("due on"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["end_on", "kind"]
        indexes = [models.Index(fields=["kind", "due_on"]), models.Index(fields=["kind", "end_on"])]

    def __str__(self) -> str:
        return self.code


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted, waiting for review")
    ACCEPTED = "accepted", _("accepted")
    RETURNED = "returned", _("returned for correction")


# A report that counts as sent, for the on-time rate and the list of missing reports.
SENT = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


class Filing(models.Model):
    """What the quarterly and the labor reports share: for when, its state, its review.
    Each report names its project itself (its own reverse name)."""

    period = models.CharField(_("period"), max_length=8)  # "2022-Q1", "2022-H1"
    period_end = models.DateField(_("period end"), db_index=True)  # its last day, derived
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    note = models.TextField(_("difficulties and requests"), blank=True)
    # Defaults in the database too: the workbook import writes reports in bulk without them.
    return_reason = models.TextField(_("reason for return"), blank=True, default="", db_default="")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_default=Now())

    class Meta:
        abstract = True

    @property
    def is_editable_by_enterprise(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ProjectReport(Filing):
    """The quarterly report of a project (form A.III.1). Money is in the currency of the
    project's certificate, except exports and imports (USD) and budget payments (VND)."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="project_reports",
    )
    capital_realized = money_field(_("capital realized"), null=True, blank=True)
    # The optional detail of capital realized (form A.III.1, part A).
    capital_contributed = money_field(_("of which contributed by investors"), null=True, blank=True)
    capital_loans = money_field(_("of which loans"), null=True, blank=True)
    capital_reinvested = money_field(_("of which reinvested profit"), null=True, blank=True)
    revenue = money_field(_("net revenue"), null=True, blank=True)
    exports_usd = money_field(_("exports (USD)"), null=True, blank=True)
    imports_usd = money_field(_("imports (USD)"), null=True, blank=True)
    budget_paid_vnd = money_field(_("paid to the state budget (VND)"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    foreign_employees = models.PositiveIntegerField(_("of which foreign"), null=True, blank=True)
    land_used_m2 = models.DecimalField(
        _("land and water surface used (m²)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("project report")
        verbose_name_plural = _("project reports")
        ordering = ["-period_end", "project__code"]
        indexes = [models.Index(fields=["status", "period_end"])]
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="project_report_once"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="project_report_status_known"
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT) | Q(submitted_on__isnull=False),
                name="project_report_sent_has_date",
            ),
            models.CheckConstraint(
                condition=Q(foreign_employees__isnull=True)
                | Q(employees__isnull=False, foreign_employees__lte=models.F("employees")),
                name="project_report_foreign_within_employees",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 0}),
                    name=f"project_report_{name}_nonnegative",
                )
                for name in (
                    "capital_realized",
                    "capital_contributed",
                    "capital_loans",
                    "capital_reinvested",
                    "revenue",
                    "exports_usd",
                    "imports_usd",
                    "budget_paid_vnd",
                    "land_used_m2",
                )
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.period}"


class LaborFiling(Filing):
    """The half-year labor report of a project (Decree 145/2020 Art. 4): the headcount at
    the period's end and the jobs created in it. Accepted, it is written to the project's
    labor reports (``projects.LaborReport`` at ``period_end``)."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="labor_filings",
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    foreign_employees = models.PositiveIntegerField(_("of which foreign"), null=True, blank=True)
    new_jobs = models.PositiveIntegerField(_("new jobs in the period"), null=True, blank=True)

    class Meta:
        verbose_name = _("labor filing")
        verbose_name_plural = _("labor filings")
        ordering = ["-period_end", "project__code"]
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="labor_filing_once"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="labor_filing_status_known"
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT) | Q(submitted_on__isnull=False),
                name="labor_filing_sent_has_date",
            ),
            models.CheckConstraint(
                condition=Q(foreign_employees__isnull=True)
                | Q(employees__isnull=False, foreign_employees__lte=models.F("employees")),
                name="labor_filing_foreign_within_employees",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.period}"


class Obligation(models.Model):
    """A report a project owes for a period: a row of a database view (see the migration
    ``0002_obligation_view``), for each secondary project valid on the period's last day,
    from the first period of its kind that any report was sent for."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.DO_NOTHING, related_name="+"
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.DO_NOTHING,
        related_name="obligations",
    )

    class Meta:
        managed = False
        db_table = "enterprise_reports_obligation"
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")

    def __str__(self) -> str:
        return f"{self.project_id} {self.period_id}"


class ReminderKind(models.TextChoices):
    WEEK_BEFORE = "week_before", _("7 days before the due date")
    DAY_BEFORE = "day_before", _("1 day before the due date")
    OVERDUE = "overdue", _("overdue")
    MANUAL = "manual", _("sent by the board")


class Reminder(models.Model):
    """A reminder e-mail sent about one obligation: the log that keeps one a day at most."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"))  # one address per line
    subject = models.CharField(_("subject"), max_length=255)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period", "sent_on"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.period_id} {self.sent_on}"
