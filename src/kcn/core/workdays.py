"""Working days of Vietnamese public administration.

A day is a working day when the ``holidays`` package says so for Vietnam
(weekends; the Labour Code's public holidays with their observed and
substituted days off; declared weekend make-up days), unless the board's
``calendar`` overrides it (docs/reference/workbook.md, sheet ``calendar``). Time
limits of administrative procedures run in working days (Decree
61/2018/NĐ-CP, art. 19, as amended by Decree 107/2021/NĐ-CP).

``add_working_days`` answers in O(log n) from a per-year table, because an
import may compute due dates for hundreds of thousands of dossiers.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cached_property

import holidays


class WorkingCalendar:
    """The working-day calendar with the board's overrides.

    ``overrides`` maps a date to ``True`` (a declared make-up working day)
    or ``False`` (a declared day off).
    """

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None) -> None:
        self.overrides: dict[dt.date, bool] = dict(overrides or {})
        self._years: dict[int, list[int]] = {}

    @cached_property
    def _vietnam(self) -> holidays.HolidayBase:
        return holidays.country_holidays("VN")

    def is_working_day(self, day: dt.date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override
        return bool(self._vietnam.is_working_day(day))

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted).

        ``count`` 0 gives ``start``. Used for the due date of a dossier received
        on ``start`` with a time limit of ``count`` working days.
        """
        if count < 0:
            raise ValueError("count must be >= 0")
        if count == 0:
            return start
        ordinal = start.toordinal()
        year = start.year
        # Working days strictly after `start` in its year, then whole years after.
        days = self._working_ordinals(year)
        position = bisect.bisect_right(days, ordinal)
        remaining = count
        while position + remaining > len(days):
            remaining -= len(days) - position
            year += 1
            days = self._working_ordinals(year)
            position = 0
        return dt.date.fromordinal(days[position + remaining - 1])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if ``end`` <= ``start``)."""
        if end <= start:
            return 0
        total = 0
        for year in range(start.year, end.year + 1):
            days = self._working_ordinals(year)
            low = bisect.bisect_right(days, start.toordinal())
            high = bisect.bisect_right(days, end.toordinal())
            total += high - low
        return total

    def working_days_in(self, days: Iterable[dt.date]) -> list[dt.date]:
        return [day for day in days if self.is_working_day(day)]

    def _working_ordinals(self, year: int) -> list[int]:
        cached = self._years.get(year)
        if cached is None:
            first = dt.date(year, 1, 1).toordinal()
            last = dt.date(year, 12, 31).toordinal()
            cached = [
                ordinal
                for ordinal in range(first, last + 1)
                if self.is_working_day(dt.date.fromordinal(ordinal))
            ]
            self._years[year] = cached
        return cached
