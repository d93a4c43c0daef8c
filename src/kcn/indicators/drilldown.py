"""The records behind each indicator's figure: the drill-down and audit trail of a number.

For every indicator, ``drilldown(period, code)`` gives the records it is
computed from, as a queryset of plain rows, and how the figure follows from
them (a count, a sum of one column, a count of distinct projects, or the
share of rows with a flag). ``kcn explain`` prints it; the web app lists it.
Tests check that each drill-down gives back the engine's figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Sum, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.core.periods import Period
from kcn.documents.models import Direction
from kcn.dossiers.models import Dossier
from kcn.indicators import queries
from kcn.indicators.registry import INDICATORS, Indicator, Kind
from kcn.projects import ledger
from kcn.projects.models import (
    Inspection,
    InspectionKind,
    LaborReport,
    ProjectEventKind,
    ProjectKind,
)
from kcn.zones.models import ZoneEvent, ZoneEventKind

Column = tuple[str, Promise]


@dataclass
class Drilldown:
    indicator: Indicator
    start: dt.date
    end: dt.date
    rows: QuerySet[Any]  # of dicts (``.values()``)
    columns: list[Column]
    measure: str | None = None  # the figure is the sum of this column …
    distinct: str | None = None  # … or the number of distinct values of this one …
    flag: str | None = None  # … or the percentage of rows where this is true;
    negate: bool = False  # otherwise the number of rows.

    def figure(self) -> Any:
        """The indicator's figure, recomputed from these records (unrounded)."""
        if self.flag:
            counts = self.rows.aggregate(
                n=Count("pk"), yes=Count("pk", filter=Q(**{self.flag: True}))
            )
            return queries.percent(counts["yes"], counts["n"])
        if self.distinct:
            return self.rows.aggregate(n=Count(self.distinct, distinct=True))["n"]
        if self.measure:
            total = self.rows.aggregate(total=Sum(self.measure))["total"] or 0
            return -total if self.negate else total
        return self.rows.count()


PROJECT_EVENT_COLUMNS: list[Column] = [
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
]
PROJECT_COLUMNS: list[Column] = [
    ("code", gettext_lazy("project code")),
    ("name", gettext_lazy("project")),
    ("origin", gettext_lazy("origin")),
    ("zone__code", gettext_lazy("zone")),
]
DOSSIER_COLUMNS: list[Column] = [
    ("code", gettext_lazy("receipt number")),
    ("procedure__code", gettext_lazy("procedure")),
    ("received_on", gettext_lazy("received on")),
    ("due_on", gettext_lazy("due on")),
    ("resolved_on", gettext_lazy("resolved on")),
]
INSPECTION_COLUMNS: list[Column] = [
    ("project__code", gettext_lazy("project code")),
    ("date", gettext_lazy("date")),
    ("kind", gettext_lazy("kind")),
    ("violation", gettext_lazy("violation found")),
    ("note", gettext_lazy("note")),
]
DOCUMENT_COLUMNS: list[Column] = [
    ("symbol", gettext_lazy("number and symbol")),
    ("date", gettext_lazy("date")),
    ("direction", gettext_lazy("direction")),
    ("title", gettext_lazy("title")),
]


def _origin_q(prefix: str, origin: str) -> Q:
    return Q(**{f"{prefix}origin": origin}) if origin else Q()


def _zone_events(kind: str, area: bool) -> Callable[[Indicator, dt.date, dt.date], Drilldown]:
    def build(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
        rows = (
            ZoneEvent.objects.filter(date__range=(start, end), event=kind)
            .order_by("date", "id")
            .values("pk", "zone__code", "zone__name", "date", "area_ha", "document")
        )
        columns: list[Column] = [
            ("zone__code", gettext_lazy("zone code")),
            ("zone__name", gettext_lazy("zone")),
            ("date", gettext_lazy("date")),
            ("area_ha", gettext_lazy("area (ha)")),
            ("document", gettext_lazy("decision")),
        ]
        return Drilldown(indicator, start, end, rows, columns, measure="area_ha" if area else None)

    return build


def _project_events(
    condition: Q,
    *,
    kind: str = ProjectKind.SECONDARY,
    measure: str | None = None,
    distinct: str | None = None,
    negate: bool = False,
) -> Callable[[Indicator, dt.date, dt.date], Drilldown]:
    def build(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
        rows = (
            queries.events_with_rates(start, end)
            .annotate(usd=queries.usd_equivalent())
            .filter(condition, Q(project__kind=kind), _origin_q("project__", indicator.origin))
            .order_by("date", "project__code", "id")
            .values("pk", *(key for key, _label in PROJECT_EVENT_COLUMNS))
        )
        return Drilldown(
            indicator,
            start,
            end,
            rows,
            PROJECT_EVENT_COLUMNS,
            measure=measure,
            distinct=distinct,
            negate=negate,
        )

    return build


ISSUED = Q(event=ProjectEventKind.ISSUED)
INCREASE = Q(event=ProjectEventKind.ADJUSTED, capital__gt=0)
DECREASE = Q(event=ProjectEventKind.ADJUSTED, capital__lt=0)


def _projects(which: str) -> Callable[[Indicator, dt.date, dt.date], Drilldown]:
    def build(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
        base = (
            ledger.secondary_projects_as_of(end)
            .filter(ledger.VALID, _origin_q("", indicator.origin))
            .order_by("code")
        )
        columns = list(PROJECT_COLUMNS)
        if which == "operating":
            rows = base.filter(ledger.OPERATING).values("pk", *(k for k, _l2 in columns))
            return Drilldown(indicator, start, end, rows, columns)
        if which == "share":
            rows = base.annotate(
                operating=Case(
                    When(ledger.OPERATING, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            ).values("pk", *(k for k, _l2 in columns), "operating")
            columns.append(("operating", gettext_lazy("operating")))
            return Drilldown(indicator, start, end, rows, columns, flag="operating")
        if which == "workforce":
            rows = base.annotate(
                report_end=ledger.latest_labor_report(end, "period_end"),
                employees=ledger.latest_labor_report(end, "employees"),
            ).values("pk", *(k for k, _l2 in columns), "report_end", "employees")
            columns += [
                ("report_end", gettext_lazy("latest labor report")),
                ("employees", gettext_lazy("employees")),
            ]
            return Drilldown(indicator, start, end, rows, columns, measure="employees")
        rows = base.values("pk", *(k for k, _l2 in columns))
        return Drilldown(indicator, start, end, rows, columns)

    return build


def _jobs(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
    rows = (
        LaborReport.objects.filter(period_end__range=(start, end), new_jobs__isnull=False)
        .order_by("period_end", "project__code")
        .values("pk", "project__code", "project__name", "period_end", "employees", "new_jobs")
    )
    columns: list[Column] = [
        ("project__code", gettext_lazy("project code")),
        ("project__name", gettext_lazy("project")),
        ("period_end", gettext_lazy("period end")),
        ("employees", gettext_lazy("employees")),
        ("new_jobs", gettext_lazy("new jobs")),
    ]
    return Drilldown(indicator, start, end, rows, columns, measure="new_jobs")


def _inspections(condition: Q) -> Callable[[Indicator, dt.date, dt.date], Drilldown]:
    def build(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
        rows = (
            Inspection.objects.filter(condition, date__range=(start, end))
            .order_by("date", "id")
            .values("pk", *(k for k, _l2 in INSPECTION_COLUMNS))
        )
        return Drilldown(indicator, start, end, rows, INSPECTION_COLUMNS)

    return build


def _dossiers(which: str) -> Callable[[Indicator, dt.date, dt.date], Drilldown]:
    def build(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
        keys = [k for k, _l2 in DOSSIER_COLUMNS]
        if which == "received":
            rows = Dossier.objects.filter(received_on__range=(start, end))
        elif which == "pending":
            rows = queries.pending_dossiers(end)
        elif which == "overdue":
            rows = queries.pending_dossiers(end).filter(due_on__lt=end)
        else:
            rows = Dossier.objects.filter(resolved_on__range=(start, end))
        flag = None
        columns = list(DOSSIER_COLUMNS)
        if which in ("on_time", "early"):
            condition = (
                Q(resolved_on__lte=F("due_on"))
                if which == "on_time"
                else Q(resolved_on__lt=F("due_on"))
            )
            rows = rows.annotate(
                counted=Case(
                    When(condition, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
            keys.append("counted")
            columns.append(
                (
                    "counted",
                    gettext_lazy("on time") if which == "on_time" else gettext_lazy("early"),
                )
            )
            flag = "counted"
        return Drilldown(
            indicator,
            start,
            end,
            rows.order_by("received_on", "code").values("pk", *keys),
            columns,
            flag=flag,
        )

    return build


def _documents(which: str) -> Callable[[Indicator, dt.date, dt.date], Drilldown]:
    def build(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
        rows = queries.counted_documents(start, end)
        if which == "digitized":
            rows = rows.filter(direction__in=(Direction.IN, Direction.OUT))
        else:
            rows = rows.filter(direction=Direction.OUT)
        columns = [*DOCUMENT_COLUMNS, (which, DOCUMENT_FLAGS[which])]
        return Drilldown(
            indicator,
            start,
            end,
            rows.order_by("date", "symbol").values("pk", *(k for k, _l2 in columns)),
            columns,
            flag=which,
        )

    return build


DOCUMENT_FLAGS = {"digitized": gettext_lazy("digitized"), "electronic": gettext_lazy("electronic")}

BUILDERS: dict[str, Callable[[Indicator, dt.date, dt.date], Drilldown]] = {
    "zones_policy_approved": _zone_events(ZoneEventKind.POLICY_APPROVED, area=False),
    "land_cleared_ha": _zone_events(ZoneEventKind.LAND_CLEARED, area=True),
    "infrastructure_built_ha": _zone_events(ZoneEventKind.INFRASTRUCTURE_BUILT, area=True),
    "land_leased_ha": _zone_events(ZoneEventKind.LAND_LEASED, area=True),
    "infrastructure_projects_issued": _project_events(ISSUED, kind=ProjectKind.INFRASTRUCTURE),
    "infrastructure_capital_usd_equiv": _project_events(
        ISSUED, kind=ProjectKind.INFRASTRUCTURE, measure="usd"
    ),
    "new_projects": _project_events(ISSUED),
    "new_capital_usd": _project_events(ISSUED & Q(currency="USD"), measure="capital"),
    "new_capital_vnd": _project_events(ISSUED & Q(currency="VND"), measure="capital"),
    "increased_projects": _project_events(INCREASE, distinct="project__code"),
    "increased_capital_usd": _project_events(INCREASE & Q(currency="USD"), measure="capital"),
    "increased_capital_vnd": _project_events(INCREASE & Q(currency="VND"), measure="capital"),
    "decreased_capital_usd_equiv": _project_events(DECREASE, measure="usd", negate=True),
    "attracted_capital_usd_equiv": _project_events(ISSUED | INCREASE, measure="usd"),
    "projects_started_operation": _project_events(Q(event=ProjectEventKind.OPERATIONAL)),
    "projects_terminated": _project_events(Q(event=ProjectEventKind.TERMINATED)),
    "valid_projects": _projects("valid"),
    "operating_projects": _projects("operating"),
    "operating_share_pct": _projects("share"),
    "workforce": _projects("workforce"),
    "jobs_created": _jobs,
    "inspections_onsite": _inspections(Q(kind=InspectionKind.ONSITE)),
    "inspections_with_violation": _inspections(Q(violation=True)),
    "dossiers_received": _dossiers("received"),
    "dossiers_resolved": _dossiers("resolved"),
    "dossiers_resolved_on_time_pct": _dossiers("on_time"),
    "dossiers_resolved_early_pct": _dossiers("early"),
    "dossiers_pending": _dossiers("pending"),
    "dossiers_overdue": _dossiers("overdue"),
    "documents_digitized_pct": _documents("digitized"),
    "documents_electronic_pct": _documents("electronic"),
}


def drilldown(period: Period, code: str, *, ytd: bool = False) -> Drilldown:
    """The records behind ``code`` for ``period`` (or its year to date)."""
    from kcn.core.errors import KcnError

    indicator = INDICATORS.get(code)
    if indicator is None:
        raise KcnError(
            _("%(code)s is not an indicator code (kcn indicators lists them).") % {"code": code}
        )
    start = period.year_start if ytd and indicator.kind is Kind.FLOW else period.start
    if indicator.kind is Kind.STOCK:
        start = period.end
    return BUILDERS[indicator.base or indicator.code](indicator, start, period.end)


def explain_text(period: Period, code: str, *, ytd: bool = False, limit: int = 0) -> str:
    """A plain-text table of the records behind a figure, with the figure they give."""
    from kcn.indicators.engine import compute_indicators

    found = drilldown(period, code, ytd=ytd)
    value = compute_indicators(period, [code])[code]
    figure = value.ytd if ytd else value.value
    rows = list(found.rows[:limit] if limit else found.rows)
    headers = [str(label) for _key, label in found.columns]
    table = [[_show(row[key]) for key, _label in found.columns] for row in rows]
    widths = [max([len(h), *(len(line[i]) for line in table)]) for i, h in enumerate(headers)]
    indicator = found.indicator
    when = (
        _("as of %(date)s") % {"date": found.end.strftime("%d/%m/%Y")}
        if indicator.kind is Kind.STOCK
        else _("%(start)s to %(end)s")
        % {"start": found.start.strftime("%d/%m/%Y"), "end": found.end.strftime("%d/%m/%Y")}
    )
    lines = [
        f"{code}: {indicator.name}, {when}",
        _("Figure: %(figure)s") % {"figure": _show(figure)},
        "",
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
        "  ".join("-" * w for w in widths),
        *("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in table),
        "",
        _("%(shown)s of %(total)s records.") % {"shown": len(rows), "total": found.rows.count()},
    ]
    return "\n".join(lines) + "\n"


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, Decimal):
        return (
            format(value.normalize(), "f")
            if value == value.to_integral_value()
            else str(value.normalize())
        )
    if isinstance(value, bool):
        return "x" if value else ""
    return str(value)
