"""The working-day calendar: Vietnam's holidays (holidays package) and the board's overrides."""

import datetime as dt

import holidays
import pytest

from kcn.core.workdays import WorkingCalendar

d = dt.date


def test_tet_2022_is_five_days_off_from_31_january_to_4_february():
    calendar = WorkingCalendar()
    days = [d(2022, 1, 31) + dt.timedelta(days=i) for i in range(5)]
    assert not any(calendar.is_working_day(day) for day in days)
    assert calendar.is_working_day(d(2022, 1, 28))
    assert calendar.is_working_day(d(2022, 2, 7))


def test_a_holiday_on_a_weekend_gives_an_observed_day_off():
    # 1 January 2022 was a Saturday: Monday 3 January was off.
    assert not WorkingCalendar().is_working_day(d(2022, 1, 3))
    # Hùng Kings' day 2022 fell on Sunday 10 April: Monday 11 April was off.
    assert not WorkingCalendar().is_working_day(d(2022, 4, 11))


def test_a_declared_weekend_make_up_day_is_a_working_day():
    # Saturday 5 January 2019 was worked to make up for Monday 31 December 2018.
    calendar = WorkingCalendar()
    assert calendar.is_working_day(d(2019, 1, 5))
    assert not calendar.is_working_day(d(2018, 12, 31))


def test_the_nth_working_day_after_receipt_skips_tet_and_not_the_receipt_day():
    calendar = WorkingCalendar()
    # Received Friday 28/01/2022, 3 working days: 7, 8, 9 February.
    assert calendar.add_working_days(d(2022, 1, 28), 3) == d(2022, 2, 9)
    # 15 working days: 7–11, 14–18, 21–25 February.
    assert calendar.add_working_days(d(2022, 1, 28), 15) == d(2022, 2, 25)
    assert calendar.add_working_days(d(2022, 1, 28), 0) == d(2022, 1, 28)


def test_the_count_crosses_the_new_year():
    # 29, 30 December; 1 and 2 January 2023 off (observed); 3, 4, 5 January.
    assert WorkingCalendar().add_working_days(d(2022, 12, 28), 5) == d(2023, 1, 5)


def test_overrides_win_over_the_national_calendar():
    calendar = WorkingCalendar({d(2022, 1, 29): True, d(2022, 2, 7): False})
    assert calendar.is_working_day(d(2022, 1, 29))  # a Saturday declared worked
    assert not calendar.is_working_day(d(2022, 2, 7))  # a Monday declared off
    # 29/01 (1), then 8, 9 February (2, 3).
    assert calendar.add_working_days(d(2022, 1, 28), 3) == d(2022, 2, 9)
    assert calendar.add_working_days(d(2022, 1, 28), 1) == d(2022, 1, 29)


def test_it_agrees_with_the_holidays_package_day_by_day_for_five_years():
    calendar = WorkingCalendar()
    vietnam = holidays.country_holidays("VN")
    day = d(2021, 1, 1)
    while day <= d(2025, 12, 31):
        assert calendar.is_working_day(day) == vietnam.is_working_day(day), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("count", [1, 5, 15, 30, 260])
def test_adding_working_days_agrees_with_stepping_one_day_at_a_time(count):
    calendar = WorkingCalendar({d(2022, 5, 6): False, d(2022, 5, 7): True})
    for start in (d(2022, 1, 28), d(2022, 4, 8), d(2022, 12, 30)):
        day, left = start, count
        while left:
            day += dt.timedelta(days=1)
            left -= calendar.is_working_day(day)
        assert calendar.add_working_days(start, count) == day


def test_working_days_between_counts_after_the_start_up_to_the_end():
    calendar = WorkingCalendar()
    assert calendar.working_days_between(d(2022, 1, 28), d(2022, 2, 9)) == 3
    assert calendar.working_days_between(d(2022, 2, 9), d(2022, 1, 28)) == 0
