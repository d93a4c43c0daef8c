"""The reporting periods enterprises owe reports for, and their due dates (pure code).

- Quarterly implementation report (form A.III.1): due on the 10th of the
  month after the quarter ("before the 10th of the first month of the next
  quarter").
- Half-year labor report (Decree 145/2020/NĐ-CP Art. 4, as amended by Decree
  35/2022/NĐ-CP): due on 5 June and 5 December; it reports the labor as of
  the last day of the month before, so the periods run 1 December – 31 May
  (``H1``) and 1 June – 30 November (``H2``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

FIRST_YEAR, LAST_YEAR = 1990, 2100  # the years kcn accepts dates in


class ReportingSpan(NamedTuple):
    ordinal: int  # year × 10 + 1…4 for quarters, 5…6 for labor half-years: stable, unique
    code: str
    kind: str  # "quarter" or "half_year"
    start_on: dt.date
    end_on: dt.date
    due_on: dt.date


def quarter(year: int, number: int) -> ReportingSpan:
    first_month = 3 * (number - 1) + 1
    last_month = first_month + 2
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    due = dt.date(year + 1, 1, 10) if last_month == 12 else dt.date(year, last_month + 1, 10)
    return ReportingSpan(
        year * 10 + number, f"{year}-Q{number}", "quarter", dt.date(year, first_month, 1), end, due
    )


def labor_half(year: int, number: int) -> ReportingSpan:
    if number == 1:
        return ReportingSpan(
            year * 10 + 5,
            f"{year}-H1",
            "half_year",
            dt.date(year - 1, 12, 1),
            dt.date(year, 5, 31),
            dt.date(year, 6, 5),
        )
    return ReportingSpan(
        year * 10 + 6,
        f"{year}-H2",
        "half_year",
        dt.date(year, 6, 1),
        dt.date(year, 11, 30),
        dt.date(year, 12, 5),
    )


def all_spans() -> Iterator[ReportingSpan]:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for number in (1, 2, 3, 4):
            yield quarter(year, number)
        for number in (1, 2):
            yield labor_half(year, number)
