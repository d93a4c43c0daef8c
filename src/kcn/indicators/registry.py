"""Every indicator of the periodic report, defined once, as data
(docs/reference/indicators.md).

An indicator is a measure — count, sum or count of distinct values — over
some rows of a source (``sources.py``); a percentage is a numerator and a
denominator measure over the same rows. Whether it is a flow or a stock
follows from its source. The engine, the drill-down, the monthly series and
the charts derive from these definitions; nothing else names an
indicator's rows.

To add an indicator: one entry in ``BASE_INDICATORS`` (and a source in
``sources.py`` if it reads a new table), a test on a small ledger in
``tests/indicators/``; ``tests/indicators/test_drilldown.py`` checks by
itself that its records give its figure back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from django.db.models import F, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kcn.documents.models import Direction
from kcn.indicators import sources as src
from kcn.indicators.measures import Aggregate, Column, Measure, Source
from kcn.projects import ledger
from kcn.projects.models import InspectionKind, ProjectEventKind, ProjectKind
from kcn.zones.models import ZoneEventKind


class Kind(StrEnum):
    FLOW = "flow"  # events dated inside the period
    STOCK = "stock"  # as of the period's last day


class Unit(StrEnum):
    ZONE = "zone"
    HA = "ha"
    PROJECT = "project"
    USD = "USD"
    VND = "VND"
    PERSON = "person"
    INSPECTION = "inspection"
    DOSSIER = "dossier"
    PERCENT = "percent"
    REPORT = "report"


COUNT_UNITS = (Unit.ZONE, Unit.PROJECT, Unit.PERSON, Unit.INSPECTION, Unit.DOSSIER, Unit.REPORT)
ORIGINS = ("foreign", "domestic")


@dataclass(frozen=True)
class Indicator:
    code: str
    name: Promise
    unit: Unit
    numerator: Measure
    denominator: Measure | None = None  # a percentage: numerator × 100 ÷ denominator
    split: bool = False  # has .foreign / .domestic
    columns: tuple[Column, ...] = ()  # drill-down columns beyond the source's own
    counted: Promise | None = None  # a percentage's drill-down: heading of the "counted" column
    base: str = ""  # for a split: the indicator it splits
    origin: str = ""  # for a split: "foreign" or "domestic"

    @property
    def source(self) -> Source:
        return self.numerator.source

    @property
    def kind(self) -> Kind:
        return Kind.STOCK if self.source.is_stock else Kind.FLOW

    @property
    def is_percent(self) -> bool:
        return self.denominator is not None

    @property
    def is_money(self) -> bool:
        return self.unit in (Unit.USD, Unit.VND)

    @property
    def measures(self) -> tuple[Measure, ...]:
        return (self.numerator,) if self.denominator is None else (self.numerator, self.denominator)


def count(source: Source, where: Q | None = None) -> Measure:
    return Measure(source, Aggregate.COUNT, where if where is not None else Q())


def total(source: Source, column: str, where: Q | None = None, *, negate: bool = False) -> Measure:
    return Measure(source, Aggregate.SUM, where if where is not None else Q(), column, negate)


def distinct(source: Source, column: str, where: Q | None = None) -> Measure:
    return Measure(source, Aggregate.DISTINCT, where if where is not None else Q(), column)


def share(part: Q, of: Q, source: Source) -> tuple[Measure, Measure]:
    """A percentage's two measures: rows matching ``of`` and, among them, ``part``."""
    return count(source, of & part), count(source, of)


# --- Conditions, each written once ---------------------------------------------------

ZE = src.ZONE_EVENTS
PE = src.PROJECT_EVENTS
SECONDARY = Q(project__kind=ProjectKind.SECONDARY)
INFRASTRUCTURE = Q(project__kind=ProjectKind.INFRASTRUCTURE)
ISSUED = Q(event=ProjectEventKind.ISSUED)
INCREASE = Q(event=ProjectEventKind.ADJUSTED, capital__gt=0)
DECREASE = Q(event=ProjectEventKind.ADJUSTED, capital__lt=0)
USD = Q(currency="USD")
VND = Q(currency="VND")
IN_OUT = Q(direction__in=(Direction.IN, Direction.OUT))
OUT = Q(direction=Direction.OUT)
RESOLVED_ON_TIME = Q(resolved_on__lte=F("due_on"))
RESOLVED_EARLY = Q(resolved_on__lt=F("due_on"))

_operating, _valid = share(ledger.OPERATING, ledger.VALID, src.PROJECTS)
_on_time, _resolved = share(RESOLVED_ON_TIME, Q(), src.DOSSIERS_RESOLVED)
_early = count(src.DOSSIERS_RESOLVED, RESOLVED_EARLY)
_digitized, _in_out = share(Q(digitized=True), IN_OUT, src.DOCUMENTS)
# Obligations are of secondary projects only (the view says so).
_reports_on_time, _reports_due = share(Q(on_time=True), Q(), src.REPORTS_DUE)
_electronic, _out = share(Q(electronic=True), OUT, src.DOCUMENTS)


def _area(kind: str) -> Measure:
    return total(ZE, "area_ha", Q(event=kind))


def _reported(column: str) -> Measure:
    """A sum over the accepted quarterly reports of secondary projects."""
    return total(src.PROJECT_REPORTS, column, SECONDARY)


BASE_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "zones_policy_approved",
        _("New or expanded zones with investment policy approved"),
        Unit.ZONE,
        count(ZE, Q(event=ZoneEventKind.POLICY_APPROVED)),
    ),
    Indicator("land_cleared_ha", _("Land cleared"), Unit.HA, _area(ZoneEventKind.LAND_CLEARED)),
    Indicator(
        "infrastructure_built_ha",
        _("Zone infrastructure built"),
        Unit.HA,
        _area(ZoneEventKind.INFRASTRUCTURE_BUILT),
    ),
    Indicator(
        "land_leased_ha", _("Industrial land leased"), Unit.HA, _area(ZoneEventKind.LAND_LEASED)
    ),
    Indicator(
        "infrastructure_projects_issued",
        _("Zone infrastructure projects certified"),
        Unit.PROJECT,
        count(PE, INFRASTRUCTURE & ISSUED),
        split=True,
    ),
    Indicator(
        "infrastructure_capital_usd_equiv",
        _("Capital of certified zone infrastructure projects (USD equivalent)"),
        Unit.USD,
        total(PE, "usd", INFRASTRUCTURE & ISSUED),
        split=True,
    ),
    Indicator(
        "new_projects",
        _("New projects"),
        Unit.PROJECT,
        count(PE, SECONDARY & ISSUED),
        split=True,
    ),
    Indicator(
        "new_capital_usd",
        _("Capital of new projects in USD"),
        Unit.USD,
        total(PE, "capital", SECONDARY & ISSUED & USD),
        split=True,
    ),
    Indicator(
        "new_capital_vnd",
        _("Capital of new projects in VND"),
        Unit.VND,
        total(PE, "capital", SECONDARY & ISSUED & VND),
        split=True,
    ),
    Indicator(
        "increased_projects",
        _("Projects that increased their capital"),
        Unit.PROJECT,
        distinct(PE, "project__code", SECONDARY & INCREASE),
        split=True,
    ),
    Indicator(
        "increased_capital_usd",
        _("Capital increase in USD"),
        Unit.USD,
        total(PE, "capital", SECONDARY & INCREASE & USD),
        split=True,
    ),
    Indicator(
        "increased_capital_vnd",
        _("Capital increase in VND"),
        Unit.VND,
        total(PE, "capital", SECONDARY & INCREASE & VND),
        split=True,
    ),
    Indicator(
        "decreased_capital_usd_equiv",
        _("Capital decrease (USD equivalent)"),
        Unit.USD,
        total(PE, "usd", SECONDARY & DECREASE, negate=True),
        split=True,
    ),
    Indicator(
        "attracted_capital_usd_equiv",
        _("New and additional capital attracted (USD equivalent)"),
        Unit.USD,
        total(PE, "usd", SECONDARY & (ISSUED | INCREASE)),
        split=True,
    ),
    Indicator(
        "projects_started_operation",
        _("Projects that entered operation"),
        Unit.PROJECT,
        count(PE, SECONDARY & Q(event=ProjectEventKind.OPERATIONAL)),
        split=True,
    ),
    Indicator(
        "projects_terminated",
        _("Projects terminated"),
        Unit.PROJECT,
        count(PE, SECONDARY & Q(event=ProjectEventKind.TERMINATED)),
        split=True,
    ),
    Indicator("valid_projects", _("Valid projects"), Unit.PROJECT, _valid, split=True),
    Indicator("operating_projects", _("Operating projects"), Unit.PROJECT, _operating, split=True),
    Indicator(
        "operating_share_pct",
        _("Share of valid projects that operate"),
        Unit.PERCENT,
        _operating,
        _valid,
        split=True,
        counted=_("operating"),
    ),
    Indicator(
        "workforce",
        _("Workforce"),
        Unit.PERSON,
        total(src.PROJECTS, "employees", ledger.VALID),
        columns=(
            ("report_end", _("latest labor report")),
            ("employees", _("employees")),
        ),
    ),
    Indicator(
        "jobs_created",
        _("New jobs"),
        Unit.PERSON,
        total(src.LABOR_REPORTS, "new_jobs", Q(new_jobs__isnull=False)),
    ),
    Indicator(
        "inspections_onsite",
        _("On-site supervisions"),
        Unit.INSPECTION,
        count(src.INSPECTIONS, Q(kind=InspectionKind.ONSITE)),
    ),
    Indicator(
        "inspections_with_violation",
        _("Inspections that found a violation"),
        Unit.INSPECTION,
        count(src.INSPECTIONS, Q(violation=True)),
    ),
    Indicator(
        "dossiers_received", _("Dossiers received"), Unit.DOSSIER, count(src.DOSSIERS_RECEIVED)
    ),
    Indicator("dossiers_resolved", _("Dossiers resolved"), Unit.DOSSIER, _resolved),
    Indicator(
        "dossiers_resolved_on_time_pct",
        _("Dossiers resolved on time or early"),
        Unit.PERCENT,
        _on_time,
        _resolved,
        counted=_("on time"),
    ),
    Indicator(
        "dossiers_resolved_early_pct",
        _("Dossiers resolved early"),
        Unit.PERCENT,
        _early,
        _resolved,
        counted=_("early"),
    ),
    Indicator("dossiers_pending", _("Dossiers pending"), Unit.DOSSIER, count(src.DOSSIERS_PENDING)),
    Indicator(
        "dossiers_overdue",
        _("Dossiers pending past their due date"),
        Unit.DOSSIER,
        Measure(src.DOSSIERS_PENDING, Aggregate.COUNT, lambda as_of: Q(due_on__lt=as_of)),
    ),
    Indicator(
        "documents_digitized_pct",
        _("Incoming and outgoing documents digitized"),
        Unit.PERCENT,
        _digitized,
        _in_out,
        counted=_("digitized"),
    ),
    Indicator(
        "documents_electronic_pct",
        _("Outgoing documents sent electronically"),
        Unit.PERCENT,
        _electronic,
        _out,
        counted=_("electronic"),
    ),
    # Enterprises' quarterly reports (form A.III.1): only accepted reports count, each in the
    # period that holds its quarter's last day; obligations from the first reported quarter.
    Indicator(
        "capital_realized_usd_equiv",
        _("Capital realized (USD equivalent)"),
        Unit.USD,
        _reported("capital_usd"),
        split=True,
    ),
    Indicator(
        "revenue_usd_equiv",
        _("Net revenue (USD equivalent)"),
        Unit.USD,
        _reported("revenue_usd"),
        split=True,
    ),
    Indicator("exports_usd", _("Exports"), Unit.USD, _reported("exports_usd"), split=True),
    Indicator("imports_usd", _("Imports"), Unit.USD, _reported("imports_usd"), split=True),
    Indicator(
        "budget_paid_vnd",
        _("Paid to the state budget"),
        Unit.VND,
        _reported("budget_paid_vnd"),
        split=True,
    ),
    Indicator(
        "reports_due",
        _("Enterprise reports due"),
        Unit.REPORT,
        _reports_due,
        split=True,
    ),
    Indicator(
        "reports_on_time_pct",
        _("Enterprise reports sent on time"),
        Unit.PERCENT,
        _reports_on_time,
        _reports_due,
        split=True,
        counted=_("sent on time"),
    ),
    Indicator(
        "reports_missing",
        _("Enterprise reports missing"),
        Unit.REPORT,
        count(src.REPORTS_PAST_DUE, Q(sent=False)),
        split=True,
    ),
)


def _with_splits(indicators: tuple[Indicator, ...]) -> dict[str, Indicator]:
    registry: dict[str, Indicator] = {}
    for indicator in indicators:
        registry[indicator.code] = indicator
        if indicator.split:
            for origin in ORIGINS:
                code = f"{indicator.code}.{origin}"
                registry[code] = replace(
                    indicator, code=code, split=False, base=indicator.code, origin=origin
                )
    return registry


INDICATORS: dict[str, Indicator] = _with_splits(BASE_INDICATORS)


def split_code(code: str) -> tuple[str, str]:
    """``"new_projects.foreign"`` → ``("new_projects", "foreign")``; no split → ``(code, "")``."""
    base, _dot, origin = code.partition(".")
    return base, origin
