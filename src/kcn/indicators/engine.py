"""The indicator engine: every indicator of a period, with year to date and targets.

Flows are computed for the period and, when it does not start on 1 January,
again from 1 January of its end's year (``ytd``); stocks once, as of the
period's last day (``ytd`` = ``value``). Percent of target is ``ytd`` over the
year's target (the low end of a range).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kcn.core.periods import Period
from kcn.indicators import queries
from kcn.indicators.models import Target
from kcn.indicators.registry import INDICATORS, Family, Indicator, Kind, Unit

FLOW_FAMILIES: dict[Family, Callable[[dt.date, dt.date], queries.Values]] = {
    Family.ZONE_EVENTS: queries.zone_events,
    Family.PROJECT_EVENTS: queries.project_events,
    Family.LABOR: queries.labor,
    Family.INSPECTIONS: queries.inspections,
    Family.DOSSIER_FLOWS: queries.dossier_flows,
    Family.DOCUMENTS: queries.documents,
}
STOCK_FAMILIES: dict[Family, Callable[[dt.date], queries.Values]] = {
    Family.PROJECT_STOCKS: queries.project_stocks,
    Family.DOSSIER_STOCKS: queries.dossier_stocks,
}

Number = int | Decimal
PERCENT_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class IndicatorValue:
    code: str
    value: Number | None
    ytd: Number | None
    unit: Unit
    target: Decimal | None
    target_max: Decimal | None
    percent_of_target: Decimal | None
    met: bool | None

    def as_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "ytd": self.ytd,
            "unit": self.unit.value,
            "target": self.target,
            "target_max": self.target_max,
            "percent_of_target": self.percent_of_target,
            "met": self.met,
        }


def compute_indicators(period: Period, codes: list[str] | None = None) -> dict[str, IndicatorValue]:
    """Every indicator (or those of ``codes``) for ``period``, in registry order."""
    wanted = [INDICATORS[code] for code in codes] if codes else list(INDICATORS.values())
    families = {indicator.family for indicator in wanted}
    value: dict[str, Any] = {}
    ytd: dict[str, Any] = {}
    for family in families:
        if family in STOCK_FAMILIES:
            value.update(STOCK_FAMILIES[family](period.end))
        else:
            flow = FLOW_FAMILIES[family]
            value.update(flow(period.start, period.end))
            ytd.update(value if period.is_year_to_date else flow(period.year_start, period.end))
    targets = {
        target.indicator: target
        for target in Target.objects.filter(
            year=period.year, indicator__in=[indicator.code for indicator in wanted]
        )
    }
    result: dict[str, IndicatorValue] = {}
    for indicator in wanted:
        current = _rounded(indicator, value[indicator.code])
        to_date = (
            current if indicator.kind is Kind.STOCK else _rounded(indicator, ytd[indicator.code])
        )
        result[indicator.code] = _with_target(
            indicator, current, to_date, targets.get(indicator.code)
        )
    return result


def _with_target(
    indicator: Indicator, value: Number | None, ytd: Number | None, target: Target | None
) -> IndicatorValue:
    low = high = percent = met = None
    if target is not None:
        low = _plain(target.target)
        high = _plain(target.target_max) if target.target_max is not None else None
        if ytd is not None:
            met = ytd >= low
            if low:
                percent = (Decimal(ytd) * 100 / low).quantize(PERCENT_PLACES, ROUND_HALF_UP)
    return IndicatorValue(indicator.code, value, ytd, indicator.unit, low, high, percent, met)


def _rounded(indicator: Indicator, raw: Any) -> Number | None:
    """Counts as int; money to its currency's unit; percentages to 2 places; areas as stored."""
    if raw is None:
        return None
    if indicator.unit in (Unit.PROJECT, Unit.ZONE, Unit.PERSON, Unit.INSPECTION, Unit.DOSSIER):
        return int(raw)
    number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    if indicator.unit is Unit.PERCENT:
        return number.quantize(PERCENT_PLACES, ROUND_HALF_UP)
    if indicator.unit is Unit.USD:
        return _plain(number.quantize(Decimal("0.01"), ROUND_HALF_UP))
    if indicator.unit is Unit.VND:
        return number.quantize(Decimal(1), ROUND_HALF_UP)
    return _plain(number)


def _plain(number: Decimal) -> Decimal:
    """``98000000.00`` → ``98000000``, ``180.5000`` → ``180.5``; never exponent notation."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()
