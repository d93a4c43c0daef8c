"""Properties of the working-day calendar (Hypothesis): any day, any count, any overrides."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from kcn.core.workdays import WorkingCalendar

ONE_DAY = dt.timedelta(days=1)
FIRST, LAST = dt.date(2015, 1, 1), dt.date(2030, 12, 31)
starts = st.dates(min_value=FIRST, max_value=LAST)
counts = st.integers(min_value=0, max_value=300)
# The board's declarations: days off and make-up working days, near the start dates.
overrides = st.dictionaries(
    st.dates(min_value=FIRST, max_value=LAST + dt.timedelta(days=500)), st.booleans(), max_size=30
)


def stepped(calendar: WorkingCalendar, start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start``, one day at a time: the definition."""
    day = start
    while count:
        day += ONE_DAY
        count -= calendar.is_working_day(day)
    return day


@given(starts, counts, overrides)
@example(dt.date(2022, 1, 28), 3, {})  # across Tết 2022
@example(dt.date(2022, 12, 28), 5, {})  # across the new year
@example(dt.date(2022, 1, 28), 1, {dt.date(2022, 1, 29): True})
def test_the_nth_working_day_after_a_date_is_a_working_day_strictly_after_it(start, count, days):
    calendar = WorkingCalendar(days)
    due = calendar.add_working_days(start, count)
    if count == 0:
        assert due == start
        return
    assert due > start
    assert calendar.is_working_day(due)
    assert calendar.working_days_between(start, due) == count
    assert calendar.working_days_between(start, due - ONE_DAY) == count - 1
    assert due == stepped(calendar, start, count)


@given(starts, counts, overrides)
def test_one_more_working_day_is_a_later_day(start, count, days):
    calendar = WorkingCalendar(days)
    assert calendar.add_working_days(start, count + 1) > calendar.add_working_days(start, count)


@given(overrides)
def test_the_boards_declarations_win_over_the_national_calendar(days):
    calendar = WorkingCalendar(days)
    for day, working in days.items():
        assert calendar.is_working_day(day) is working


@given(starts, st.integers(min_value=1, max_value=60), st.data())
def test_a_declared_day_off_moves_a_due_date_by_one_working_day(start, count, data):
    national = WorkingCalendar()
    due = national.add_working_days(start, count)
    # Declare one of the counted working days off: the due date moves to the next working day.
    counted = [day for day in _days(start + ONE_DAY, due) if national.is_working_day(day)]
    day_off = data.draw(st.sampled_from(counted))
    declared = WorkingCalendar({day_off: False})
    assert declared.add_working_days(start, count) == national.add_working_days(due, 1)
    # Declaring a day off in between worked: the due date is that day or the (count - 1)-th.
    idle = [day for day in _days(start + ONE_DAY, due) if not national.is_working_day(day)]
    if idle:
        make_up = data.draw(st.sampled_from(idle))
        worked = WorkingCalendar({make_up: True})
        expected = max(make_up, stepped(national, start, count - 1))
        assert worked.add_working_days(start, count) == expected


@given(starts, starts, overrides)
def test_working_days_between_counts_the_working_days_after_the_start_up_to_the_end(a, b, days):
    calendar = WorkingCalendar(days)
    start, end = sorted((a, b))
    if (end - start).days > 400:
        end = start + dt.timedelta(days=400)
    expected = sum(calendar.is_working_day(day) for day in _days(start + ONE_DAY, end))
    assert calendar.working_days_between(start, end) == expected
    assert calendar.working_days_between(end, start) == 0


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
