"""Reads for the dashboard and the records behind a figure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Max, Min, Q, QuerySet, TextField
from django.db.models.constants import LOOKUP_SEP

from kcn.core.periods import Period, month_period, parse_period
from kcn.dossiers.models import Dossier
from kcn.indicators.cache import cached
from kcn.indicators.drilldown import drilldown
from kcn.indicators.engine import IndicatorValue, compute_indicators
from kcn.indicators.models import Target
from kcn.indicators.registry import INDICATORS, Indicator
from kcn.projects.models import ProjectEvent

# The stock figures the dashboard always shows, by origin where they split.
STOCK_CODES = (
    "valid_projects",
    "operating_projects",
    "operating_share_pct",
    "workforce",
    "dossiers_pending",
    "dossiers_overdue",
)

# The flows charted month by month over the period's year. Each chart is one grouped query
# over the indicator's drill-down (``monthly_figures``), so a bar always agrees with the
# records it links to.
CHARTS: tuple[str, ...] = (
    "attracted_capital_usd_equiv",
    "new_projects",
    "jobs_created",
    "dossiers_received",
    "exports_usd",  # from enterprises' quarterly reports: bars in the quarters' last months
)
# What the enterprises report, and how well they report, for the period.
ENTERPRISE_CODES = (
    "revenue_usd_equiv",
    "exports_usd",
    "imports_usd",
    "budget_paid_vnd",
    "capital_realized_usd_equiv",
    "reports_on_time_pct",
    "reports_missing",
)


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    value: IndicatorValue

    @property
    def code(self) -> str:
        return self.indicator.code


@dataclass(frozen=True)
class Bar:
    period: Period
    value: Any
    in_period: bool


@dataclass
class Chart:
    indicator: Indicator
    bars: list[Bar] = field(default_factory=list)

    @property
    def highest(self) -> Decimal:
        return max((Decimal(bar.value or 0) for bar in self.bars), default=Decimal(0))


@dataclass
class Dashboard:
    period: Period
    targeted: list[Figure]
    stocks: dict[str, Figure]
    charts: list[Chart]


def dashboard(period: Period, today: dt.date) -> Dashboard:
    """The period's targeted indicators, stock figures and the year's monthly flows, kept
    under the data version (``indicators/cache.py``): a second view reads no records."""
    values = cached("indicators", (period.code,), lambda: compute_indicators(period))
    targeted = [
        Figure(INDICATORS[code], value)
        for code, value in values.items()
        if value.target is not None
    ]
    stocks = {
        code: Figure(INDICATORS[code], values[code])
        for base in (*STOCK_CODES, *ENTERPRISE_CODES)
        for code in (base, f"{base}.foreign", f"{base}.domestic")
        if code in values
    }
    return Dashboard(period, targeted, stocks, monthly_charts(period, today))


def monthly_charts(period: Period, today: dt.date) -> list[Chart]:
    """Each charted flow per month of the period's year, up to the month of ``today``.

    The months of the period are marked ``in_period``; months still to come
    are left out rather than drawn as zeros.
    """
    year = period.end.year
    last = 12 if year < today.year else today.month if year == today.year else 0
    charts = []
    for code in CHARTS:
        chart = Chart(INDICATORS[code])
        series = cached("months", (code, year, last), partial(monthly_figures, code, year, last))
        for span, value in series:
            inside = span.start <= period.end and span.end >= period.start
            chart.bars.append(Bar(span, value or 0, inside))
        charts.append(chart)
    return charts


def monthly_figures(code: str, year: int, last: int) -> list[tuple[Period, Any]]:
    """The flow ``code`` in each month of ``year`` from January to month ``last``.

    One pass over the indicator's drill-down rows with a conditional aggregate
    of its measure per month (no per-row date function), so each figure agrees
    with the records the drill-down lists.
    """
    if not last:
        return []
    indicator = INDICATORS[code]
    date = indicator.source.date
    assert date is not None, "a monthly series is of a flow"
    assert indicator.denominator is None, "a monthly series is of a count or a sum"
    found = drilldown(parse_period(f"{year}-{last}M"), code)
    months = [month_period(year, month) for month in range(1, last + 1)]
    measure = indicator.numerator
    figures = found.rows.order_by().aggregate(
        **{
            span.code: measure.expression(Q(**{f"{date}__range": (span.start, span.end)}))
            for span in months
        }
    )
    sign = -1 if measure.negate else 1
    return [
        (span, figures[span.code] * sign if figures[span.code] is not None else None)
        for span in months
    ]


def default_period(today: dt.date) -> Period:
    """The current quarter if anything is recorded in it, else the quarter of the latest record.

    Staff work on the quarter they are in; a database whose records stop
    earlier (an archive, the demo) opens on its last quarter with data
    rather than on an empty page.
    """
    current = _quarter_of(today)
    latest = max(
        (
            day
            for day in (
                ProjectEvent.objects.filter(date__lte=today).aggregate(d=Max("date"))["d"],
                Dossier.objects.filter(received_on__lte=today).aggregate(d=Max("received_on"))["d"],
            )
            if day is not None
        ),
        default=None,
    )
    if latest is None or latest >= current.start:
        return current
    return _quarter_of(latest)


def _quarter_of(day: dt.date) -> Period:
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def data_years(today: dt.date) -> list[int]:
    """Years offered by the period picker: from the first record to this year, newest first."""
    first = ProjectEvent.objects.aggregate(d=Min("date"))["d"]
    start = first.year if first is not None else today.year
    targets = Target.objects.aggregate(y=Max("year"))["y"]
    end = max(today.year, targets or today.year)
    return list(range(end, start - 1, -1))


def text_search(rows: QuerySet[Any], keys: list[str], search: str) -> QuerySet[Any]:
    """Rows where any text column among ``keys`` contains ``search`` (case-insensitive)."""
    search = search.strip()
    if not search:
        return rows
    condition = Q()
    for key in keys:
        if _is_text(rows.model, key):
            condition |= Q(**{f"{key}__icontains": search})
    return rows.filter(condition) if condition else rows.none()


def _is_text(model: Any, path: str) -> bool:
    parts = path.split(LOOKUP_SEP)
    for part in parts[:-1]:
        try:
            model = model._meta.get_field(part).related_model
        except FieldDoesNotExist:
            return False
        if model is None:
            return False
    try:
        found = model._meta.get_field(parts[-1])
    except FieldDoesNotExist:
        return False
    return isinstance(found, CharField | TextField)


TARGET_SORTS = {"year": "year", "indicator": "indicator", "target": "target"}


def target_list(
    *, year: int | None = None, search: str = "", order: list[str] | None = None
) -> QuerySet[Target]:
    """Targets with the document that assigned them; ``search`` matches code or description."""
    targets = Target.objects.select_related("assigned_by")
    if year:
        targets = targets.filter(year=year)
    if search:
        targets = targets.filter(Q(indicator__icontains=search) | Q(description__icontains=search))
    return targets.order_by(*(order or ["-year", "indicator"]))


def target_years() -> list[int]:
    return list(Target.objects.order_by("-year").values_list("year", flat=True).distinct())
