"""Properties of report periods (Hypothesis): every code form, every year kcn accepts."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from kcn.core.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodKind,
    month_period,
    months_of_year,
    parse_period,
    year_period,
)

ONE_DAY = dt.timedelta(days=1)
years = st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR - 1)  # room for the next period
days = st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31))


@st.composite
def calendar_codes(draw: st.DrawFn) -> str:
    """A code of every form but the explicit range: 2022, 2022-H1, 2022-Q3, 2022-03, 2022-9M."""
    year = draw(years)
    return draw(
        st.sampled_from(
            [
                f"{year}",
                *(f"{year}-H{n}" for n in (1, 2)),
                *(f"{year}-Q{n}" for n in range(1, 5)),
                *(f"{year}-{n:02d}" for n in range(1, 13)),
                *(f"{year}-{n}M" for n in range(1, 13)),
            ]
        )
    )


@st.composite
def range_codes(draw: st.DrawFn) -> str:
    start, end = sorted((draw(days), draw(days)))
    return f"{start.isoformat()}..{end.isoformat()}"


codes = st.one_of(calendar_codes(), range_codes())


def messy(code: str, data: st.DataObject) -> str:
    """``code`` as a person might type it: any case, spaces around."""
    typed = "".join(data.draw(st.sampled_from([c.lower(), c.upper()])) for c in code)
    return (
        data.draw(st.sampled_from(["", " ", "  "])) + typed + data.draw(st.sampled_from(["", " "]))
    )


@given(codes, st.data())
def test_a_code_reads_back_to_itself_and_its_period(code, data):
    period = parse_period(code)
    assert period.code == code
    assert str(period) == code
    assert parse_period(str(period)) == period
    assert parse_period(messy(code, data)) == period


@given(codes)
def test_a_period_starts_no_later_than_it_ends_and_contains_its_days(code):
    period = parse_period(code)
    assert period.start <= period.end
    assert period.days == (period.end - period.start).days + 1
    assert period.contains(period.start)
    assert period.contains(period.end)
    assert not period.contains(period.start - ONE_DAY)
    assert not period.contains(period.end + ONE_DAY)
    assert period.year == period.end.year


@given(codes)
def test_the_year_to_date_contains_the_period_unless_a_range_crosses_the_new_year(code):
    period = parse_period(code)
    year_to_date = Period(period.year_start, period.end, "ytd", PeriodKind.RANGE)
    within_a_year = period.start.year == period.end.year
    assert within_a_year or period.kind is PeriodKind.RANGE
    assert (year_to_date.contains(period.start) and year_to_date.end == period.end) == (
        within_a_year
    )
    assert period.is_year_to_date == (period.start == dt.date(period.end.year, 1, 1))


@given(calendar_codes())
def test_the_next_period_starts_the_day_after_and_is_a_calendar_period(code):
    period = parse_period(code)
    following = period.next_period()
    assert following is not None
    assert following.start == period.end + ONE_DAY
    assert following.kind is not PeriodKind.RANGE
    assert parse_period(following.code) == following
    if period.kind in (PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH):
        assert following.kind is period.kind  # a quarter's priorities are for a quarter
        assert following.days in range(period.days - 3, period.days + 4)


@given(range_codes())
def test_an_explicit_range_has_no_next_period(code):
    assert parse_period(code).next_period() is None


@given(codes)
def test_the_same_period_of_the_previous_year_is_one_year_earlier_in_the_same_form(code):
    period = parse_period(code)
    if period.start.year == MIN_YEAR:
        return  # no year before kcn's first
    previous = period.same_period_previous_year()
    assert previous.kind is period.kind
    assert previous.start.year == period.start.year - 1
    assert previous.end.year == period.end.year - 1
    assert (previous.start.month, previous.end.month) == (period.start.month, period.end.month)
    if period.kind is PeriodKind.RANGE:
        # Day for day, but 29 February becomes the 28th.
        assert previous.start.day == min(period.start.day, 28 if period.start.month == 2 else 31)
        assert previous.end.day == min(period.end.day, 28 if period.end.month == 2 else 31)
    else:
        assert previous.code == f"{period.end.year - 1}{code[4:]}"
        assert previous.start.day == 1
        assert (previous.end + ONE_DAY).day == 1  # a month's last day, 28 or 29 February too


@given(years)
def test_the_quarters_halves_and_months_of_a_year_tile_it(year):
    whole = year_period(year)
    for parts in (
        [parse_period(f"{year}-Q{n}") for n in range(1, 5)],
        [parse_period(f"{year}-H{n}") for n in (1, 2)],
        months_of_year(year),
    ):
        assert parts[0].start == whole.start
        assert parts[-1].end == whole.end
        for before, after in itertools.pairwise(parts):
            assert after.start == before.end + ONE_DAY
        assert sum(part.days for part in parts) == whole.days


@given(years, st.integers(min_value=1, max_value=12))
def test_the_first_n_months_run_from_january_to_the_end_of_month_n(year, n):
    months = parse_period(f"{year}-{n}M")
    assert months.start == dt.date(year, 1, 1)
    assert months.end == month_period(year, n).end
    assert months.is_year_to_date
