"""Report periods and their codes (docs/reference/indicators.md, "Periods").

| code | period |
|---|---|
| ``2022`` | the year |
| ``2022-H1``, ``2022-H2`` | half-year |
| ``2022-Q1`` … ``2022-Q4`` | quarter |
| ``2022-03`` | month |
| ``2022-9M`` (``2022-1M`` … ``2022-12M``) | the first N months, "lũy kế" |
| ``2022-01-10..2022-02-20`` | any explicit range |

A period is a closed range of local dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from kcn.core.errors import KcnError


class PeriodKind(StrEnum):
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    MONTHS_TO_DATE = "months_to_date"
    RANGE = "range"


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    code: str
    kind: PeriodKind

    @property
    def year(self) -> int:
        """The year of the period's end date: the year of its targets."""
        return self.end.year

    @property
    def year_start(self) -> dt.date:
        """1 January of the end date's year: where year-to-date figures start."""
        return dt.date(self.end.year, 1, 1)

    @property
    def is_year_to_date(self) -> bool:
        """True when the period starts on 1 January of its end's year (ytd = value)."""
        return self.start == self.year_start

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def same_period_previous_year(self) -> Period:
        """The same period one year earlier ("cùng kỳ"), with its own code."""
        if self.kind is PeriodKind.RANGE:
            return range_period(_shift_year(self.start, -1), _shift_year(self.end, -1))
        return parse_period(f"{self.end.year - 1}{self.code[4:]}")

    def next_period(self) -> Period | None:
        """The period a report's priority tasks are for ("nhiệm vụ trọng tâm quý II").

        After a quarter comes the next quarter, after a month the next month,
        after the first half the second; a year, a second half and a twelve-month
        report look to the next year (its first half for a half-year report);
        the first 3, 6 or 9 months look to the rest of their quarter or half.
        An explicit range has no next period.
        """
        year = self.end.year
        months = self.end.month - self.start.month + 1
        match self.kind:
            case PeriodKind.YEAR:
                return year_period(year + 1)
            case PeriodKind.HALF:
                return parse_period(f"{year}-H2" if self.end.month == 6 else f"{year + 1}-H1")
            case PeriodKind.QUARTER:
                quarter = self.end.month // 3
                return parse_period(f"{year}-Q{quarter + 1}" if quarter < 4 else f"{year + 1}-Q1")
            case PeriodKind.MONTH:
                return (
                    month_period(year + 1, 1)
                    if self.end.month == 12
                    else month_period(year, self.end.month + 1)
                )
            case PeriodKind.MONTHS_TO_DATE:
                if months == 12:
                    return year_period(year + 1)
                if months == 6:
                    return parse_period(f"{year}-H2")
                if months % 3 == 0:
                    return parse_period(f"{year}-Q{months // 3 + 1}")
                return month_period(year, months + 1)
        return None

    def __str__(self) -> str:
        return self.code


PERIOD_PATTERNS: list[tuple[re.Pattern[str], PeriodKind]] = [
    (re.compile(r"^(?P<year>\d{4})$"), PeriodKind.YEAR),
    (re.compile(r"^(?P<year>\d{4})-H(?P<n>[12])$"), PeriodKind.HALF),
    (re.compile(r"^(?P<year>\d{4})-Q(?P<n>[1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(?P<year>\d{4})-(?P<n>\d{2})$"), PeriodKind.MONTH),
    (re.compile(r"^(?P<year>\d{4})-(?P<n>\d{1,2})M$"), PeriodKind.MONTHS_TO_DATE),
    (
        re.compile(r"^(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2})$"),
        PeriodKind.RANGE,
    ),
]

MIN_YEAR, MAX_YEAR = 1990, 2100


def parse_period(code: str) -> Period:
    """The period a code names; ``KcnError`` for anything else."""
    text = code.strip().upper()
    for pattern, kind in PERIOD_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        if kind is PeriodKind.RANGE:
            start = _parse_iso(match["start"], code)
            end = _parse_iso(match["end"], code)
            if end < start:
                raise KcnError(_("Period %(code)s: the end is before the start.") % {"code": code})
            return range_period(start, end)
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise KcnError(
                _("Period %(code)s: the year must be between %(min)s and %(max)s.")
                % {"code": code, "min": MIN_YEAR, "max": MAX_YEAR}
            )
        return _calendar_period(
            year, kind, int(match["n"]) if kind is not PeriodKind.YEAR else 0, code
        )
    raise KcnError(
        _(
            "Period %(code)s is not a period code: use 2022, 2022-H1, 2022-Q1, 2022-03, "
            "2022-9M or 2022-01-10..2022-02-20."
        )
        % {"code": code}
    )


def range_period(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}", PeriodKind.RANGE)


def year_period(year: int) -> Period:
    return _calendar_period(year, PeriodKind.YEAR, 0, str(year))


def month_period(year: int, month: int) -> Period:
    return _calendar_period(year, PeriodKind.MONTH, month, f"{year}-{month:02d}")


def months_of_year(year: int) -> list[Period]:
    return [month_period(year, month) for month in range(1, 13)]


def _calendar_period(year: int, kind: PeriodKind, n: int, original: str) -> Period:
    if kind is PeriodKind.YEAR:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}", kind)
    if kind is PeriodKind.HALF:
        first, last = (1, 6) if n == 1 else (7, 12)
        return Period(dt.date(year, first, 1), _month_end(year, last), f"{year}-H{n}", kind)
    if kind is PeriodKind.QUARTER:
        first = 3 * (n - 1) + 1
        return Period(dt.date(year, first, 1), _month_end(year, first + 2), f"{year}-Q{n}", kind)
    if not 1 <= n <= 12:
        raise KcnError(_("Period %(code)s: the month must be 1 to 12.") % {"code": original})
    if kind is PeriodKind.MONTH:
        return Period(dt.date(year, n, 1), _month_end(year, n), f"{year}-{n:02d}", kind)
    return Period(dt.date(year, 1, 1), _month_end(year, n), f"{year}-{n}M", kind)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _parse_iso(text: str, code: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KcnError(
            _("Period %(code)s: %(date)s is not a date.") % {"code": code, "date": text}
        ) from None
