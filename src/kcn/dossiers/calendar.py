"""The board's working-day calendar: the national one with its overrides."""

from __future__ import annotations

from kcn.core.workdays import WorkingCalendar
from kcn.dossiers.models import CalendarDay, CalendarDayKind


def board_calendar() -> WorkingCalendar:
    """The working-day calendar with every ``calendar`` override in the database."""
    overrides = {
        day: kind == CalendarDayKind.WORKING_DAY
        for day, kind in CalendarDay.objects.values_list("date", "kind")
    }
    return WorkingCalendar(overrides)
