"""The parts an indicator is defined with: a source of records, and measures over it.

DHIS2's idea: an indicator is a numerator and, for a percentage, a
denominator, each a measure — an aggregate (count, sum, count of distinct
values) of some rows of a source. A source is a table of records as the
indicators read it: which rows, the date a flow is counted by, the path to
the project's origin (for the FDI / domestic splits), extra columns computed
per row (a USD equivalent), the columns its drill-down shows.

From these definitions, and nothing else, ``engine`` computes the figures
(one aggregate query per source and date span, every indicator of that
source together), ``drilldown`` lists the records behind a figure, and
``selectors.monthly_figures`` gives the months of a year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.expressions import Combinable
from django.utils.functional import Promise

Column = tuple[str, Promise]  # (key of a drill-down row, its heading)
Condition = Q | Callable[[dt.date], Q]  # a fixed condition, or one that depends on the as-of day


class Aggregate(StrEnum):
    COUNT = "count"  # the number of rows
    SUM = "sum"  # the sum of a column
    DISTINCT = "distinct"  # the number of distinct values of a column


@dataclass(frozen=True)
class MissingCheck:
    """Rows that must not exist when a figure is computed (e.g. a VND amount with no
    exchange rate in force): their count is taken in the same pass, and the first such
    row is turned into an error that names it."""

    where: Q
    error: Callable[[QuerySet[Any]], Exception]


@dataclass(frozen=True)
class Source:
    """A table of records as the indicators read it.

    ``rows(as_of)`` gives the rows (a stock source evaluates them as of a day;
    a flow source ignores the day), ``date`` is the column a flow counts
    rows by (None for a stock), ``origin`` the path to the project's origin
    for the splits (None when the source does not split), ``columns`` what
    the drill-down shows, ``order`` how it sorts them.
    """

    name: str
    rows: Callable[[dt.date], QuerySet[Any]]
    date: str | None
    origin: str | None
    columns: tuple[Column, ...]
    order: tuple[str, ...]
    checks: tuple[MissingCheck, ...] = ()
    # Obligations and other sources whose rows are not one table override the pass.
    compute: Callable[[Source, Sequence[Measured], dt.date, dt.date], dict[str, Any]] | None = None

    @property
    def is_stock(self) -> bool:
        return self.date is None


@dataclass(frozen=True)
class Measure:
    """An aggregate over the rows of ``source`` that satisfy ``where``."""

    source: Source
    aggregate: Aggregate
    where: Condition = field(default_factory=Q)
    column: str | None = None  # summed, or counted distinct
    negate: bool = False  # a sum of negative amounts, stated as a positive figure

    def condition(self, as_of: dt.date) -> Q:
        return self.where(as_of) if callable(self.where) else self.where

    def expression(self, condition: Q) -> Combinable:
        """The conditional aggregate of this measure over the rows matching ``condition``."""
        if self.aggregate is Aggregate.COUNT:
            return Count("pk", filter=condition)
        if self.aggregate is Aggregate.DISTINCT:
            return Count(self.column, filter=condition, distinct=True)
        return Sum(self.column, filter=condition)


@dataclass(frozen=True)
class Measured:
    """A measure to compute in a pass, under a name, over one split and one date window."""

    name: str
    measure: Measure
    origin: str  # "", "foreign" or "domestic"
    start: dt.date  # the window a flow counts (a stock: the as-of day for both)
    end: dt.date


def origin_condition(source: Source, origin: str) -> Q:
    if not origin or source.origin is None:
        return Q()
    return Q(**{source.origin: origin})


def window_condition(source: Source, start: dt.date, end: dt.date) -> Q:
    if source.date is None:
        return Q()
    return Q(**{f"{source.date}__range": (start, end)})


def run_pass(
    source: Source, wanted: Sequence[Measured], start: dt.date, end: dt.date
) -> dict[str, Any]:
    """Every measure of ``wanted`` in one aggregate query over the rows of ``source``
    dated from ``start`` to ``end`` (for a stock: as of ``end``)."""
    if source.compute is not None:
        return source.compute(source, wanted, start, end)
    rows = source.rows(end)
    if source.date is not None:
        rows = rows.filter(**{f"{source.date}__range": (start, end)})
    aggregates: dict[str, Any] = {}
    for item in wanted:
        condition = (
            item.measure.condition(item.end)
            & origin_condition(source, item.origin)
            & window_condition(source, item.start, item.end)
        )
        aggregates[item.name] = item.measure.expression(condition)
    for index, check in enumerate(source.checks):
        aggregates[f"_check{index}"] = Count("pk", filter=check.where)
    values: Mapping[str, Any] = rows.order_by().aggregate(**aggregates)
    for index, check in enumerate(source.checks):
        if values[f"_check{index}"]:
            raise check.error(rows.filter(check.where))
    return {item.name: _signed(item.measure, values[item.name]) for item in wanted}


def _signed(measure: Measure, value: Any) -> Any:
    if measure.aggregate is not Aggregate.SUM:
        return value or 0
    if value is None:
        return 0
    return -value if measure.negate else value
