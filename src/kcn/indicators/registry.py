"""Every indicator of the periodic report (docs/reference/indicators.md, "Indicators").

The registry holds what an indicator is — code, names, unit, flow or stock,
which family of aggregates computes it, whether it splits by origin. How it
is computed lives in ``queries.py``; the records behind it in
``drilldown.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


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


class Family(StrEnum):
    """Indicators computed together, by one aggregate query."""

    ZONE_EVENTS = "zone_events"
    PROJECT_EVENTS = "project_events"
    PROJECT_STOCKS = "project_stocks"
    LABOR = "labor"
    INSPECTIONS = "inspections"
    DOSSIER_FLOWS = "dossier_flows"
    DOSSIER_STOCKS = "dossier_stocks"
    DOCUMENTS = "documents"


ORIGINS = ("foreign", "domestic")


@dataclass(frozen=True)
class Indicator:
    code: str
    name: Promise
    unit: Unit
    kind: Kind
    family: Family
    split: bool = False  # has .foreign / .domestic
    base: str = ""  # for a split: the indicator it splits
    origin: str = ""  # for a split: "foreign" or "domestic"

    @property
    def is_percent(self) -> bool:
        return self.unit is Unit.PERCENT

    @property
    def is_money(self) -> bool:
        return self.unit in (Unit.USD, Unit.VND)


F, S = Kind.FLOW, Kind.STOCK
BASE_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "zones_policy_approved",
        _("New or expanded zones with investment policy approved"),
        Unit.ZONE,
        F,
        Family.ZONE_EVENTS,
    ),
    Indicator("land_cleared_ha", _("Land cleared"), Unit.HA, F, Family.ZONE_EVENTS),
    Indicator(
        "infrastructure_built_ha", _("Zone infrastructure built"), Unit.HA, F, Family.ZONE_EVENTS
    ),
    Indicator("land_leased_ha", _("Industrial land leased"), Unit.HA, F, Family.ZONE_EVENTS),
    Indicator(
        "infrastructure_projects_issued",
        _("Zone infrastructure projects certified"),
        Unit.PROJECT,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "infrastructure_capital_usd_equiv",
        _("Capital of certified zone infrastructure projects (USD equivalent)"),
        Unit.USD,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "new_projects", _("New projects"), Unit.PROJECT, F, Family.PROJECT_EVENTS, split=True
    ),
    Indicator(
        "new_capital_usd",
        _("Capital of new projects in USD"),
        Unit.USD,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "new_capital_vnd",
        _("Capital of new projects in VND"),
        Unit.VND,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "increased_projects",
        _("Projects that increased their capital"),
        Unit.PROJECT,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "increased_capital_usd",
        _("Capital increase in USD"),
        Unit.USD,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "increased_capital_vnd",
        _("Capital increase in VND"),
        Unit.VND,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "decreased_capital_usd_equiv",
        _("Capital decrease (USD equivalent)"),
        Unit.USD,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "attracted_capital_usd_equiv",
        _("New and additional capital attracted (USD equivalent)"),
        Unit.USD,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "projects_started_operation",
        _("Projects that entered operation"),
        Unit.PROJECT,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "projects_terminated",
        _("Projects terminated"),
        Unit.PROJECT,
        F,
        Family.PROJECT_EVENTS,
        split=True,
    ),
    Indicator(
        "valid_projects", _("Valid projects"), Unit.PROJECT, S, Family.PROJECT_STOCKS, split=True
    ),
    Indicator(
        "operating_projects",
        _("Operating projects"),
        Unit.PROJECT,
        S,
        Family.PROJECT_STOCKS,
        split=True,
    ),
    Indicator(
        "operating_share_pct",
        _("Share of valid projects that operate"),
        Unit.PERCENT,
        S,
        Family.PROJECT_STOCKS,
        split=True,
    ),
    Indicator("workforce", _("Workforce"), Unit.PERSON, S, Family.PROJECT_STOCKS),
    Indicator("jobs_created", _("New jobs"), Unit.PERSON, F, Family.LABOR),
    Indicator(
        "inspections_onsite", _("On-site supervisions"), Unit.INSPECTION, F, Family.INSPECTIONS
    ),
    Indicator(
        "inspections_with_violation",
        _("Inspections that found a violation"),
        Unit.INSPECTION,
        F,
        Family.INSPECTIONS,
    ),
    Indicator("dossiers_received", _("Dossiers received"), Unit.DOSSIER, F, Family.DOSSIER_FLOWS),
    Indicator("dossiers_resolved", _("Dossiers resolved"), Unit.DOSSIER, F, Family.DOSSIER_FLOWS),
    Indicator(
        "dossiers_resolved_on_time_pct",
        _("Dossiers resolved on time or early"),
        Unit.PERCENT,
        F,
        Family.DOSSIER_FLOWS,
    ),
    Indicator(
        "dossiers_resolved_early_pct",
        _("Dossiers resolved early"),
        Unit.PERCENT,
        F,
        Family.DOSSIER_FLOWS,
    ),
    Indicator("dossiers_pending", _("Dossiers pending"), Unit.DOSSIER, S, Family.DOSSIER_STOCKS),
    Indicator(
        "dossiers_overdue",
        _("Dossiers pending past their due date"),
        Unit.DOSSIER,
        S,
        Family.DOSSIER_STOCKS,
    ),
    Indicator(
        "documents_digitized_pct",
        _("Incoming and outgoing documents digitized"),
        Unit.PERCENT,
        F,
        Family.DOCUMENTS,
    ),
    Indicator(
        "documents_electronic_pct",
        _("Outgoing documents sent electronically"),
        Unit.PERCENT,
        F,
        Family.DOCUMENTS,
    ),
)


def _with_splits(indicators: tuple[Indicator, ...]) -> dict[str, Indicator]:
    registry: dict[str, Indicator] = {}
    for indicator in indicators:
        registry[indicator.code] = indicator
        if indicator.split:
            for origin in ORIGINS:
                code = f"{indicator.code}.{origin}"
                registry[code] = Indicator(
                    code,
                    indicator.name,
                    indicator.unit,
                    indicator.kind,
                    indicator.family,
                    base=indicator.code,
                    origin=origin,
                )
    return registry


INDICATORS: dict[str, Indicator] = _with_splits(BASE_INDICATORS)


def split_code(code: str) -> tuple[str, str]:
    """``"new_projects.foreign"`` → ``("new_projects", "foreign")``; no split → ``(code, "")``."""
    base, _dot, origin = code.partition(".")
    return base, origin
