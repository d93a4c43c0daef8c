"""Reads of enterprises' reports: obligations with their state, an enterprise's home, the
staff's inbox of a period, a project's reports.

An obligation's state, for the enterprise and for staff:

| state | meaning |
|---|---|
| ``not_yet_due`` | the period is not over: the report cannot be sent yet |
| ``open`` | the period is over, the due date not passed, nothing sent (a draft may exist) |
| ``overdue`` | the due date passed and nothing was sent (a draft may exist) |
| ``draft`` | for the enterprise: saved, not sent, the due date not passed |
| ``submitted`` | sent, waiting for the board's review |
| ``returned`` | sent back by the board with a reason, to correct and send again |
| ``accepted`` | accepted by the board; it counts in the figures |

A report sent after its due date is ``late`` whatever its state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy

from kcn.enterprise_reports.models import (
    LaborFiling,
    Obligation,
    PeriodKind,
    ProjectReport,
    ReportingPeriod,
    ReportStatus,
)
from kcn.projects.models import Project

STATE_LABELS = {
    "not_yet_due": gettext_lazy("not yet due"),
    "open": gettext_lazy("open"),
    "overdue": gettext_lazy("overdue"),
    "draft": gettext_lazy("draft"),
    "submitted": gettext_lazy("submitted, waiting for review"),
    "returned": gettext_lazy("returned for correction"),
    "accepted": gettext_lazy("accepted"),
}
# The states staff filter the inbox by (a draft is not sent: staff see it as open or overdue).
INBOX_STATES = ("open", "overdue", "submitted", "returned", "accepted")


def filing_model(kind: str) -> type[ProjectReport] | type[LaborFiling]:
    return ProjectReport if kind == PeriodKind.QUARTER else LaborFiling


def with_reports(
    obligations: QuerySet[Obligation], kind: str, today: dt.date
) -> QuerySet[Obligation]:
    """Obligations with their report's id, status, dates and reason, and their state as staff
    see it (``state``) and whether the report is or was late (``late``)."""
    reports = filing_model(kind).objects.filter(
        project=OuterRef("project"), period=OuterRef("period__code")
    )

    def report(field: str, output: object = None) -> Subquery:
        return Subquery(reports.values(field)[:1], output_field=output)  # type: ignore[arg-type]

    sent = Q(
        report_status__in=(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, ReportStatus.RETURNED)
    )
    # Written out rather than ~sent: with no report the status is NULL, and NOT (NULL IN …)
    # is not true in SQL.
    not_sent = Q(report_status__isnull=True) | Q(report_status=ReportStatus.DRAFT)
    return (
        obligations.select_related("project__zone", "period")
        .annotate(
            report_id=report("pk", IntegerField()),
            report_status=report("status", CharField()),
            submitted_on=report("submitted_on", DateField()),
            return_reason=report("return_reason", CharField()),
        )
        .annotate(
            state=Case(
                When(sent, then=F("report_status")),
                When(period__end_on__gte=today, then=Value("not_yet_due")),
                When(period__due_on__lt=today, then=Value("overdue")),
                default=Value("open"),
                output_field=CharField(),
            ),
            late=Case(
                When(sent & Q(submitted_on__gt=F("period__due_on")), then=Value(True)),
                When(not_sent & Q(period__due_on__lt=today), then=Value(True)),
                default=Value(False),
            ),
        )
    )


INBOX_SORTS = {
    "project": "project__code",
    "zone": "project__zone__code",
    "state": "state",
    "submitted": "submitted_on",
}


def inbox(
    *,
    period: ReportingPeriod,
    today: dt.date,
    zone: str = "",
    origin: str = "",
    state: str = "",
    late: bool = False,
    search: str = "",
    order: list[str] | None = None,
) -> QuerySet[Obligation]:
    """Every report owed for ``period``, with its state, filtered."""
    rows = with_reports(Obligation.objects.filter(period=period), period.kind, today)
    if zone:
        rows = rows.filter(project__zone__code=zone)
    if origin:
        rows = rows.filter(project__origin=origin)
    if state:
        rows = rows.filter(state=state)  # type: ignore[misc]
    if late:
        rows = rows.filter(late=True)  # type: ignore[misc]
    if search:
        rows = rows.filter(Q(project__code__icontains=search) | Q(project__name__icontains=search))
    return rows.order_by(*(order or ["project__code"]), "pk")


def inbox_counts(period: ReportingPeriod, today: dt.date) -> dict[str, int]:
    """How many obligations of ``period`` are in each state, and how many are late."""
    rows = with_reports(Obligation.objects.filter(period=period), period.kind, today)
    counts = dict.fromkeys(STATE_LABELS, 0)
    for state in rows.values_list("state", flat=True).order_by():  # type: ignore[misc]
        counts[state] += 1
    counts["total"] = sum(counts[state] for state in STATE_LABELS)
    counts["late"] = rows.filter(late=True).count()  # type: ignore[misc]
    return counts


def reporting_periods(kind: str, today: dt.date) -> QuerySet[ReportingPeriod]:
    """The periods of ``kind`` that have begun by ``today``, newest first."""
    return ReportingPeriod.objects.filter(kind=kind, start_on__lte=today).order_by("-end_on")


def last_due_period(kind: str, today: dt.date) -> ReportingPeriod:
    """The latest period of ``kind`` that is over by ``today``: the one being reported now."""
    found = ReportingPeriod.objects.filter(kind=kind, end_on__lt=today).order_by("-end_on").first()
    assert found is not None  # periods run from 1990
    return found


@dataclass(frozen=True)
class HomeRow:
    """One report an enterprise owes or has sent, on its home page."""

    project: Project
    period: ReportingPeriod
    state: str
    report_id: int | None
    return_reason: str
    submitted_on: dt.date | None
    late: bool
    days_left: int  # to the due date (negative: days late)

    @property
    def days_late(self) -> int:
        return -self.days_left

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


def enterprise_home(projects: QuerySet[Project], today: dt.date) -> list[HomeRow]:
    """Every report the enterprise's projects owe or have sent, newest period first.

    The obligations the board counts (``Obligation``), and also the period
    being reported now and the current one for each valid project, so that
    an enterprise can send its first report before the board has any.
    """
    rows: dict[tuple[int, int], HomeRow] = {}
    for kind in (PeriodKind.QUARTER, PeriodKind.HALF_YEAR):
        recent = [last_due_period(kind, today)]
        current = ReportingPeriod.objects.filter(
            kind=kind, start_on__lte=today, end_on__gte=today
        ).first()
        if current is not None:
            recent.append(current)
        owed = with_reports(
            Obligation.objects.filter(project__in=projects, period__kind=kind).filter(
                Q(period__start_on__lte=today)
            ),
            kind,
            today,
        )
        for item in owed:
            rows[(item.project_id, item.period_id)] = _home_row(
                item, item.project, item.period, today
            )
        for period in recent:
            for project in projects:
                if (project.pk, period.pk) not in rows:
                    rows[(project.pk, period.pk)] = _unlisted_row(project, period, kind, today)
    return sorted(
        (row for row in rows.values() if row is not None),
        key=lambda row: (-row.period.end_on.toordinal(), row.period.kind, row.project.code),
    )


def _home_row(
    item: Obligation, project: Project, period: ReportingPeriod, today: dt.date
) -> HomeRow:
    status = item.report_status  # type: ignore[attr-defined]
    state = item.state  # type: ignore[attr-defined]
    if status == ReportStatus.DRAFT and state == "open":
        state = "draft"
    return HomeRow(
        project=project,
        period=period,
        state=state,
        report_id=item.report_id,  # type: ignore[attr-defined]
        return_reason=item.return_reason or "",  # type: ignore[attr-defined]
        submitted_on=item.submitted_on,  # type: ignore[attr-defined]
        late=item.late,  # type: ignore[attr-defined]
        days_left=(period.due_on - today).days,
    )


def _unlisted_row(project: Project, period: ReportingPeriod, kind: str, today: dt.date) -> HomeRow:
    report = filing_model(kind).objects.filter(project=project, period=period.code).first()
    sent = report is not None and report.status != ReportStatus.DRAFT
    if sent:
        assert report is not None
        state = str(report.status)
    elif period.end_on >= today:
        state = "not_yet_due"
    elif period.due_on < today:
        state = "overdue"
    else:
        state = "draft" if report is not None else "open"
    submitted_on = report.submitted_on if report is not None else None
    late = (submitted_on is not None and submitted_on > period.due_on) or (
        not sent and period.due_on < today
    )
    return HomeRow(
        project=project,
        period=period,
        state=state,
        report_id=report.pk if report is not None else None,
        return_reason=report.return_reason if report is not None else "",
        submitted_on=submitted_on,
        late=late,
        days_left=(period.due_on - today).days,
    )


def project_reports_of(project: Project) -> QuerySet[ProjectReport]:
    """A project's quarterly reports that were sent (drafts are the enterprise's own)."""
    return ProjectReport.objects.filter(project=project).exclude(status=ReportStatus.DRAFT)


def labor_filings_of(project: Project) -> QuerySet[LaborFiling]:
    return LaborFiling.objects.filter(project=project).exclude(status=ReportStatus.DRAFT)
