"""The indicator engine: every indicator of a period, with year to date and targets.

It reads nothing but the definitions of ``registry.py``. The measures are
grouped by source: one aggregate query per source computes every measure of
that source, its splits, the period and its year to date together (a flow's
rows dated from 1 January to the period's end; a stock's rows as of the
period's last day, where ``ytd`` = ``value``). Percent of target is ``ytd``
over the year's target (the low end of a range).

Percentages — a percentage indicator's value and every percent of target —
are rounded half up to two places from the exact quotient of the counts,
never from another rounded figure (docs/reference/indicators.md).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kcn.core.periods import Period
from kcn.indicators.measures import Measure, Measured, Source, run_pass
from kcn.indicators.models import Target
from kcn.indicators.registry import COUNT_UNITS, INDICATORS, Indicator, Kind, Unit

Number = int | Decimal
PERCENT_PLACES = Decimal("0.01")
Window = tuple[dt.date, dt.date]


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
    # A percentage's counts, (numerator, denominator), for the period and the year to date:
    # writers state "72 of 79" from them, never from a rounded percentage.
    parts: tuple[int, int] | None = None
    ytd_parts: tuple[int, int] | None = None

    def as_json(self) -> dict[str, Any]:
        """The figure as ``kcn report --format json`` gives it (docs/reference/indicators.md)."""
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
    windows = _windows(period)
    raw: dict[str, Any] = {}
    for one_pass in passes(period, wanted):
        raw.update(run_pass(*one_pass))
    targets = {
        target.indicator: target
        for target in Target.objects.filter(
            year=period.year, indicator__in=[indicator.code for indicator in wanted]
        )
    }
    value_window, ytd_window = windows[Kind.FLOW][0], windows[Kind.FLOW][-1]
    result: dict[str, IndicatorValue] = {}
    for indicator in wanted:
        if indicator.kind is Kind.STOCK:
            current = to_date = _figure(indicator, raw, windows[Kind.STOCK][0])
        else:
            current = _figure(indicator, raw, value_window)
            to_date = _figure(indicator, raw, ytd_window)
        result[indicator.code] = _value(indicator, current, to_date, targets.get(indicator.code))
    return result


Pass = tuple[Source, list[Measured], dt.date, dt.date]


def passes(period: Period, wanted: list[Indicator]) -> list[Pass]:
    """The queries that compute ``wanted`` for ``period``: one per source, each with every
    measure of that source over every window it is needed for (``run_pass``'s arguments)."""
    windows = _windows(period)
    plan: dict[Source, dict[str, Measured]] = defaultdict(dict)
    for indicator in wanted:
        for measure in indicator.measures:
            for window in windows[indicator.kind]:
                item = _measured(measure, indicator.origin, window)
                plan[measure.source][item.name] = item
    return [
        (source, list(items.values()), min(item.start for item in items.values()), period.end)
        for source, items in plan.items()
    ]


def _windows(period: Period) -> dict[Kind, list[Window]]:
    """The date windows each kind is computed over: a flow over the period and, unless the
    period starts on 1 January, over the year to date; a stock as of the period's end."""
    flow = [(period.start, period.end)]
    if not period.is_year_to_date:
        flow.append((period.year_start, period.end))
    return {Kind.FLOW: flow, Kind.STOCK: [(period.end, period.end)]}


def _measured(measure: Measure, origin: str, window: Window) -> Measured:
    name = f"m{id(measure)}_{origin or 'all'}_{window[0]:%Y%m%d}_{window[1]:%Y%m%d}"
    return Measured(name, measure, origin, window[0], window[1])


@dataclass(frozen=True)
class _Figure:
    """A figure before rounding: exact, with a percentage's counts."""

    exact: Fraction | None
    parts: tuple[int, int] | None = None


def _figure(indicator: Indicator, raw: dict[str, Any], window: Window) -> _Figure:
    numerator = raw[_measured(indicator.numerator, indicator.origin, window).name]
    if indicator.denominator is None:
        return _Figure(_exact(numerator))
    denominator = raw[_measured(indicator.denominator, indicator.origin, window).name]
    parts = (int(numerator), int(denominator))
    if not denominator:  # a percentage over zero items is null, not 0 and not 100
        return _Figure(None, parts)
    return _Figure(Fraction(int(numerator) * 100, int(denominator)), parts)


def _exact(raw: Any) -> Fraction:
    """A database aggregate as an exact number (a float USD equivalent as it prints)."""
    if isinstance(raw, float):
        return Fraction(Decimal(repr(raw)))
    return Fraction(Decimal(raw)) if not isinstance(raw, int) else Fraction(raw)


def _value(
    indicator: Indicator, current: _Figure, to_date: _Figure, target: Target | None
) -> IndicatorValue:
    low = high = percent = met = None
    if target is not None:
        low = _plain(target.target)
        high = _plain(target.target_max) if target.target_max is not None else None
        if to_date.exact is not None:
            met = to_date.exact >= Fraction(low)
            if low:
                percent = round_half_up(to_date.exact * 100 / Fraction(low))
    return IndicatorValue(
        indicator.code,
        _rounded(indicator, current.exact),
        _rounded(indicator, to_date.exact),
        indicator.unit,
        low,
        high,
        percent,
        met,
        current.parts,
        to_date.parts,
    )


def round_half_up(number: Fraction, places: Decimal = PERCENT_PLACES) -> Decimal:
    """``number`` rounded half up (away from zero) to ``places``, from its exact value."""
    scale = 1 / Fraction(places)
    scaled = abs(number) * scale
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    rounded = Decimal(whole if number >= 0 else -whole) * places
    return rounded.quantize(places)


def _rounded(indicator: Indicator, raw: Any) -> Number | None:
    """Counts as int; money to its currency's unit; percentages to 2 places; areas as stored."""
    if raw is None:
        return None
    exact = raw if isinstance(raw, Fraction) else _exact(raw)
    if indicator.unit in COUNT_UNITS:
        return int(exact)
    if indicator.unit is Unit.PERCENT:
        return round_half_up(exact)
    if indicator.unit is Unit.USD:
        return _plain(round_half_up(exact, Decimal("0.01")))
    if indicator.unit is Unit.VND:
        return round_half_up(exact, Decimal(1))
    return _plain(Decimal(exact.numerator) / Decimal(exact.denominator))


def _plain(number: Decimal) -> Decimal:
    """``98000000.00`` → ``98000000``, ``180.5000`` → ``180.5``; never exponent notation."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()
