import datetime as dt

import pytest

from kcn.core.errors import KcnError
from kcn.core.periods import PeriodKind, parse_period

d = dt.date


@pytest.mark.parametrize(
    ("code", "start", "end", "kind"),
    [
        ("2022", d(2022, 1, 1), d(2022, 12, 31), PeriodKind.YEAR),
        ("2022-H1", d(2022, 1, 1), d(2022, 6, 30), PeriodKind.HALF),
        ("2022-H2", d(2022, 7, 1), d(2022, 12, 31), PeriodKind.HALF),
        ("2022-Q1", d(2022, 1, 1), d(2022, 3, 31), PeriodKind.QUARTER),
        ("2022-Q4", d(2022, 10, 1), d(2022, 12, 31), PeriodKind.QUARTER),
        ("2022-02", d(2022, 2, 1), d(2022, 2, 28), PeriodKind.MONTH),
        ("2024-02", d(2024, 2, 1), d(2024, 2, 29), PeriodKind.MONTH),
        ("2022-9M", d(2022, 1, 1), d(2022, 9, 30), PeriodKind.MONTHS_TO_DATE),
        ("2022-1M", d(2022, 1, 1), d(2022, 1, 31), PeriodKind.MONTHS_TO_DATE),
        ("2022-12M", d(2022, 1, 1), d(2022, 12, 31), PeriodKind.MONTHS_TO_DATE),
        ("2022-01-10..2022-02-20", d(2022, 1, 10), d(2022, 2, 20), PeriodKind.RANGE),
    ],
)
def test_it_reads_every_period_form(code, start, end, kind):
    period = parse_period(code)
    assert (period.start, period.end, period.kind, period.code) == (start, end, kind, code)


def test_it_accepts_lower_case_and_spaces():
    assert parse_period(" 2022-q1 ").code == "2022-Q1"
    assert parse_period("2022-9m").code == "2022-9M"


@pytest.mark.parametrize(
    "code",
    [
        "2022-Q5",
        "2022-13",
        "2022-0M",
        "2022-13M",
        "2022-H3",
        "22-Q1",
        "Q1-2022",
        "",
        "2022-02-30..2022-03-01",
        "2022-03-01..2022-02-01",
        "1800",
    ],
)
def test_it_refuses_what_is_not_a_period(code):
    with pytest.raises(KcnError, match="Period"):
        parse_period(code)


def test_year_to_date_starts_on_the_first_of_january_of_the_end_year():
    assert parse_period("2022-Q3").year_start == d(2022, 1, 1)
    assert parse_period("2021-12-15..2022-01-15").year_start == d(2022, 1, 1)
    assert parse_period("2022-9M").is_year_to_date
    assert parse_period("2022-Q1").is_year_to_date
    assert not parse_period("2022-Q2").is_year_to_date


def test_the_same_period_of_the_previous_year_keeps_its_form():
    assert parse_period("2022-Q1").same_period_previous_year().code == "2021-Q1"
    assert parse_period("2022-9M").same_period_previous_year().code == "2021-9M"
    assert parse_period("2024-02").same_period_previous_year().end == d(2023, 2, 28)
    ranged = parse_period("2024-02-29..2024-03-10").same_period_previous_year()
    assert (ranged.start, ranged.end) == (d(2023, 2, 28), d(2023, 3, 10))


@pytest.mark.parametrize(
    ("code", "following"),
    [
        ("2022-Q1", "2022-Q2"),
        ("2022-Q4", "2023-Q1"),
        ("2022-11", "2022-12"),
        ("2022-12", "2023-01"),
        ("2022-H1", "2022-H2"),
        ("2022-H2", "2023-H1"),
        ("2022", "2023"),
        ("2022-9M", "2022-Q4"),
        ("2022-6M", "2022-H2"),
        ("2022-3M", "2022-Q2"),
        ("2022-11M", "2022-12"),
        ("2022-12M", "2023"),
    ],
)
def test_the_priorities_of_a_report_are_for_the_period_that_follows(code, following):
    following_period = parse_period(code).next_period()
    assert following_period is not None
    assert following_period.code == following


def test_an_explicit_range_has_no_following_period():
    assert parse_period("2022-01-10..2022-02-20").next_period() is None
