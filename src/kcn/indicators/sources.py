"""The tables the indicators read, each once: its rows, dates, origin, drill-down columns.

A flow source's rows are counted by a date column inside a period; a stock
source's rows are evaluated as of a day (``rows(as_of)``). Every indicator
in ``registry.py`` is a measure over one of these.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Exists, FloatField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.core.errors import KcnError
from kcn.core.style import number
from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.enterprise_reports.models import (
    SENT,
    Obligation,
    PeriodKind,
    ProjectReport,
    ReportStatus,
)
from kcn.indicators.measures import MissingCheck, Source
from kcn.projects import ledger
from kcn.projects.models import (
    ExchangeRate,
    Inspection,
    LaborReport,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.zones.models import ZoneEvent


def rate_in_force(date: str = "date") -> Subquery:
    """VND per USD in force on the row's ``date``: the latest rate valid from it or before."""
    return Subquery(
        ExchangeRate.objects.filter(currency="USD", valid_from__lte=OuterRef(date))
        .order_by("-valid_from")
        .values("vnd_per_unit")[:1]
    )


def usd_equivalent(amount: str = "capital", currency: str = "currency") -> Case:
    """``amount`` in USD: as it is in USD, converted at the row's ``rate`` in VND (NULL without
    a rate)."""
    return Case(
        When(**{currency: "USD"}, then=Cast(amount, FloatField())),
        When(**{currency: "VND"}, then=Cast(amount, FloatField()) / Cast("rate", FloatField())),
        output_field=FloatField(),
    )


# --- Zones ------------------------------------------------------------------------------

ZONE_EVENTS = Source(
    name="zone_events",
    rows=lambda _as_of: ZoneEvent.objects.filter(voided_at__isnull=True),
    date="date",
    origin=None,
    columns=(
        ("zone__code", gettext_lazy("zone code")),
        ("zone__name", gettext_lazy("zone")),
        ("date", gettext_lazy("date")),
        ("area_ha", gettext_lazy("area (ha)")),
        ("document", gettext_lazy("decision")),
    ),
    order=("date", "id"),
)

# --- Projects ---------------------------------------------------------------------------

CAPITAL_EVENTS = (ProjectEventKind.ISSUED, ProjectEventKind.ADJUSTED)
MISSING_RATE = Q(currency="VND", capital__isnull=False, rate__isnull=True, event__in=CAPITAL_EVENTS)


def _missing_rate(rows: QuerySet[Any]) -> KcnError:
    """A VND amount with no rate in force is an error naming the event, never a silent 0."""
    event = rows.select_related("project").order_by("date", "id").first()
    assert event is not None
    return KcnError(
        _(
            "Project %(code)s, '%(event)s' on %(date)s: %(amount)s VND has no USD exchange rate in "
            "force; add a row to fx_rates valid from that date or earlier."
        )
        % {
            "code": event.project.code,
            "event": event.get_event_display(),
            "date": event.date.strftime("%d/%m/%Y"),
            "amount": "–" if event.capital is None else number(event.capital, 0),
        }
    )


PROJECT_EVENTS = Source(
    name="project_events",
    rows=lambda _as_of: (
        ProjectEvent.objects.filter(voided_at__isnull=True)
        .annotate(rate=rate_in_force())
        .annotate(usd=usd_equivalent())
    ),
    date="date",
    origin="project__origin",
    columns=(
        ("project__code", gettext_lazy("project code")),
        ("project__name", gettext_lazy("project")),
        ("project__origin", gettext_lazy("origin")),
        ("date", gettext_lazy("date")),
        ("event", gettext_lazy("event")),
        ("capital", gettext_lazy("capital")),
        ("currency", gettext_lazy("currency")),
        ("rate", gettext_lazy("VND per USD")),
        ("usd", gettext_lazy("USD equivalent")),
        ("certificate_no", gettext_lazy("certificate number")),
    ),
    order=("date", "project__code", "id"),
    checks=(MissingCheck(MISSING_RATE, _missing_rate),),
)


def _projects_as_of(as_of: dt.date) -> QuerySet[Project]:
    """Secondary projects with a ledger event by the day, with their status counts and
    latest labor report as of it."""
    return (
        Project.objects.filter(
            kind=ProjectKind.SECONDARY, events__date__lte=as_of, events__voided_at__isnull=True
        )
        .annotate(**ledger.ledger_counts(as_of))
        .annotate(
            report_end=ledger.latest_labor_report(as_of, "period_end"),
            employees=ledger.latest_labor_report(as_of, "employees"),
        )
    )


PROJECTS = Source(
    name="projects",
    rows=_projects_as_of,
    date=None,
    origin="origin",
    columns=(
        ("code", gettext_lazy("project code")),
        ("name", gettext_lazy("project")),
        ("origin", gettext_lazy("origin")),
        ("zone__code", gettext_lazy("zone")),
    ),
    order=("code",),
)

LABOR_REPORTS = Source(
    name="labor_reports",
    rows=lambda _as_of: LaborReport.objects.filter(voided_at__isnull=True),
    date="period_end",
    origin="project__origin",
    columns=(
        ("project__code", gettext_lazy("project code")),
        ("project__name", gettext_lazy("project")),
        ("period_end", gettext_lazy("period end")),
        ("employees", gettext_lazy("employees")),
        ("new_jobs", gettext_lazy("new jobs")),
    ),
    order=("period_end", "project__code"),
)

INSPECTIONS = Source(
    name="inspections",
    rows=lambda _as_of: Inspection.objects.all(),
    date="date",
    origin="project__origin",
    columns=(
        ("project__code", gettext_lazy("project code")),
        ("date", gettext_lazy("date")),
        ("kind", gettext_lazy("kind")),
        ("violation", gettext_lazy("violation found")),
        ("note", gettext_lazy("note")),
    ),
    order=("date", "id"),
)

# --- Dossiers ---------------------------------------------------------------------------

DOSSIER_COLUMNS = (
    ("code", gettext_lazy("receipt number")),
    ("procedure__code", gettext_lazy("procedure")),
    ("received_on", gettext_lazy("received on")),
    ("due_on", gettext_lazy("due on")),
    ("resolved_on", gettext_lazy("resolved on")),
)
DOSSIER_ORDER = ("received_on", "code")

DOSSIERS_RECEIVED = Source(
    name="dossiers_received",
    rows=lambda _as_of: Dossier.objects.filter(voided_at__isnull=True),
    date="received_on",
    origin=None,
    columns=DOSSIER_COLUMNS,
    order=DOSSIER_ORDER,
)
DOSSIERS_RESOLVED = Source(
    name="dossiers_resolved",
    rows=lambda _as_of: Dossier.objects.filter(voided_at__isnull=True),
    date="resolved_on",
    origin=None,
    columns=DOSSIER_COLUMNS,
    order=DOSSIER_ORDER,
)


def pending_dossiers(as_of: dt.date) -> QuerySet[Dossier]:
    """Received on or before the day and not resolved on or before it."""
    return Dossier.objects.filter(received_on__lte=as_of, voided_at__isnull=True).exclude(
        resolved_on__lte=as_of
    )


DOSSIERS_PENDING = Source(
    name="dossiers_pending",
    rows=pending_dossiers,
    date=None,
    origin=None,
    columns=DOSSIER_COLUMNS,
    order=DOSSIER_ORDER,
)

# --- Documents --------------------------------------------------------------------------

DOCUMENTS = Source(
    name="documents",
    # Secret documents are never digitized nor sent electronically, by rule: left out.
    rows=lambda _as_of: Document.objects.filter(secret=False, voided_at__isnull=True),
    date="date",
    origin=None,
    columns=(
        ("symbol", gettext_lazy("number and symbol")),
        ("date", gettext_lazy("date")),
        ("direction", gettext_lazy("direction")),
        ("title", gettext_lazy("title")),
    ),
    order=("date", "symbol"),
)

# --- Enterprises' reports ---------------------------------------------------------------


def _accepted_reports(_as_of: dt.date) -> QuerySet[ProjectReport]:
    """Accepted quarterly reports, with the currency of their project's certificate and the
    USD equivalents of its amounts at the rate in force on the quarter's last day."""
    certificate_currency = Subquery(
        ProjectEvent.objects.filter(
            project=OuterRef("project"), event=ProjectEventKind.ISSUED, voided_at__isnull=True
        ).values("currency")[:1]
    )
    return (
        ProjectReport.objects.filter(status=ReportStatus.ACCEPTED)
        .annotate(currency=certificate_currency, rate=rate_in_force("period_end"))
        .annotate(
            capital_usd=usd_equivalent("capital_realized"),
            revenue_usd=usd_equivalent("revenue"),
        )
    )


def _missing_report_rate(rows: QuerySet[Any]) -> KcnError:
    report = rows.select_related("project").order_by("period_end", "project__code").first()
    assert report is not None
    return KcnError(
        _(
            "The report of project %(code)s for %(period)s is in VND, and no USD exchange rate "
            "is in force on %(date)s; add a row to fx_rates valid from that date or earlier."
        )
        % {
            "code": report.project.code,
            "period": report.period,
            "date": report.period_end.strftime("%d/%m/%Y"),
        }
    )


PROJECT_REPORTS = Source(
    name="project_reports",
    rows=_accepted_reports,
    date="period_end",
    origin="project__origin",
    columns=(
        ("project__code", gettext_lazy("project code")),
        ("project__name", gettext_lazy("project")),
        ("project__origin", gettext_lazy("origin")),
        ("period", gettext_lazy("quarter")),
        ("submitted_on", gettext_lazy("submitted on")),
        ("currency", gettext_lazy("currency")),
        ("capital_realized", gettext_lazy("capital realized")),
        ("revenue", gettext_lazy("net revenue")),
        ("rate", gettext_lazy("VND per USD")),
        ("capital_usd", gettext_lazy("capital realized (USD equivalent)")),
        ("revenue_usd", gettext_lazy("net revenue (USD equivalent)")),
        ("exports_usd", gettext_lazy("exports (USD)")),
        ("imports_usd", gettext_lazy("imports (USD)")),
        ("budget_paid_vnd", gettext_lazy("paid to the state budget (VND)")),
    ),
    order=("period_end", "project__code"),
    checks=(
        MissingCheck(
            Q(currency="VND", rate__isnull=True)
            & (Q(capital_realized__isnull=False) | Q(revenue__isnull=False)),
            _missing_report_rate,
        ),
    ),
)


def _sent_report(by: Any) -> Exists:
    """Whether the obligation's quarterly report was sent (submitted or accepted; a returned
    one does not count) on or before ``by``."""
    return Exists(
        ProjectReport.objects.filter(
            project=OuterRef("project"),
            period=OuterRef("period__code"),
            status__in=SENT,
            submitted_on__lte=by,
        )
    )


def _report_field(field: str) -> Subquery:
    return Subquery(
        ProjectReport.objects.filter(
            project=OuterRef("project"), period=OuterRef("period__code")
        ).values(field)[:1]
    )


OBLIGATION_COLUMNS = (
    ("project__code", gettext_lazy("project code")),
    ("project__name", gettext_lazy("project")),
    ("project__origin", gettext_lazy("origin")),
    ("period__code", gettext_lazy("quarter")),
    ("period__due_on", gettext_lazy("due on")),
    ("report_status", gettext_lazy("status")),
    ("submitted_on", gettext_lazy("submitted on")),
)


def _obligations_due(_as_of: dt.date) -> QuerySet[Obligation]:
    """Quarterly reports owed, each with whether it was sent by its due date."""
    return Obligation.objects.filter(period__kind=PeriodKind.QUARTER).annotate(
        on_time=_sent_report(OuterRef("period__due_on")),
        report_status=_report_field("status"),
        submitted_on=_report_field("submitted_on"),
    )


REPORTS_DUE = Source(
    name="reports_due",
    rows=_obligations_due,
    date="period__due_on",
    origin="project__origin",
    columns=OBLIGATION_COLUMNS,
    order=("period__due_on", "project__code"),
)


def _obligations_past_due(as_of: dt.date) -> QuerySet[Obligation]:
    """Quarterly reports due on or before the day, each with whether it was sent by then."""
    return Obligation.objects.filter(
        period__kind=PeriodKind.QUARTER, period__due_on__lte=as_of
    ).annotate(
        sent=_sent_report(as_of),
        report_status=_report_field("status"),
        submitted_on=_report_field("submitted_on"),
    )


REPORTS_PAST_DUE = Source(
    name="reports_past_due",
    rows=_obligations_past_due,
    date=None,
    origin="project__origin",
    columns=OBLIGATION_COLUMNS,
    order=("period__due_on", "project__code"),
)
