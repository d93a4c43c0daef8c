"""The records behind each indicator's figure: the drill-down and audit trail of a number.

Derived from the indicator's definition (``registry.py``): the rows of its
source that its measure counts or sums, in the period (a flow) or as of its
last day (a stock), with the source's columns. A percentage lists the rows
of its denominator with a column saying which the numerator counts.
``kcn explain`` prints it; the web app lists it. Tests check that each
drill-down gives back the engine's figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Sum, Value, When
from django.utils.translation import gettext as _

from kcn.core.errors import KcnError
from kcn.core.periods import Period
from kcn.indicators.engine import compute_indicators
from kcn.indicators.measures import Aggregate, Column, origin_condition, window_condition
from kcn.indicators.registry import INDICATORS, Indicator, Kind

COUNTED = "counted"  # the flag column of a percentage's drill-down


@dataclass
class Drilldown:
    indicator: Indicator
    start: dt.date
    end: dt.date
    rows: QuerySet[Any]  # of dicts (``.values()``)
    columns: list[Column]

    def figure(self) -> Any:
        """The indicator's figure, recomputed from these records (unrounded)."""
        indicator = self.indicator
        if indicator.denominator is not None:
            counts = self.rows.aggregate(
                n=Count("pk"), yes=Count("pk", filter=Q(**{COUNTED: True}))
            )
            if not counts["n"]:
                return None
            return Fraction(counts["yes"] * 100, counts["n"])
        measure = indicator.numerator
        if measure.aggregate is Aggregate.DISTINCT:
            return self.rows.aggregate(n=Count(measure.column, distinct=True))["n"]
        if measure.aggregate is Aggregate.SUM:
            total = self.rows.aggregate(total=Sum(measure.column))["total"] or 0
            return -total if measure.negate else total
        return self.rows.count()


def drilldown(period: Period, code: str, *, ytd: bool = False) -> Drilldown:
    """The records behind ``code`` for ``period`` (or its year to date)."""
    indicator = INDICATORS.get(code)
    if indicator is None:
        raise KcnError(
            _("%(code)s is not an indicator code (kcn indicators lists them).") % {"code": code}
        )
    if indicator.kind is Kind.STOCK:
        start = period.end
    else:
        start = period.year_start if ytd else period.start
    return records(indicator, start, period.end)


def records(indicator: Indicator, start: dt.date, end: dt.date) -> Drilldown:
    """The rows of ``indicator``'s source that its figure is made of, from ``start`` to ``end``
    (a stock: as of ``end``)."""
    source = indicator.source
    counted = indicator.denominator or indicator.numerator
    rows = source.rows(end).filter(
        counted.condition(end),
        origin_condition(source, indicator.origin),
        window_condition(source, start, end),
    )
    columns = [*source.columns, *indicator.columns]
    keys = [key for key, _label in columns]
    if indicator.denominator is not None:
        rows = rows.annotate(
            **{
                COUNTED: Case(
                    When(indicator.numerator.condition(end), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            }
        )
        columns.append((COUNTED, indicator.counted or indicator.name))
        keys.append(COUNTED)
    extra = [indicator.numerator.column] if indicator.numerator.column not in keys else []
    values = rows.order_by(*source.order).values("pk", *keys, *[key for key in extra if key])
    return Drilldown(indicator, start, end, values, columns)


def explain_text(period: Period, code: str, *, ytd: bool = False, limit: int = 0) -> str:
    """A plain-text table of the records behind a figure, with the figure they give."""
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
