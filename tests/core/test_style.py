"""The report's number, money, date and period style (docs/reference/indicators.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.core import style
from kcn.core.periods import parse_period


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "03"), (8, "08"), (9, "09"), (12, "12"), (420, "420"), (3000, "3.000"), (0, "0")],
)
def test_counts_under_ten_take_two_digits_in_vietnamese(value, text):
    assert style.count(value, "vi") == text


def test_counts_in_english_are_plain_with_comma_thousands():
    assert style.count(3, "en") == "3"
    assert style.count(73755, "en") == "73,755"


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("74000"), 0, "74.000"),
        (Decimal("86.42"), 1, "86,4"),
        (Decimal("180.5"), 1, "180,5"),
        (Decimal("29.00"), 1, "29"),
        (Decimal("0.05"), 1, "0,1"),  # half up, never half even
        (Decimal("0.25"), 1, "0,3"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
    ],
)
def test_numbers_group_thousands_with_dots_and_decimals_with_a_comma(value, places, text):
    assert style.number(value, places, "vi") == text


def test_percent_keeps_one_decimal_and_drops_a_zero_one():
    assert style.percent(Decimal("86.4198"), "vi") == "86,4%"
    assert style.percent(Decimal("100.00"), "vi") == "100%"
    assert style.percent(Decimal("86.4198"), "en") == "86.4%"


def test_percent_takes_the_decimals_it_needs_not_to_read_a_false_0_or_100():
    assert style.percent(Decimal("99.96"), "vi") == "99,96%"
    assert style.percent(Decimal("0.04"), "vi") == "0,04%"
    assert style.percent(Decimal("99.94"), "en") == "99.9%"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("24.1666"), "24%"),
        (Decimal("32.24"), "32%"),
        (Decimal("91.139"), "91%"),
        (Decimal("100"), "100%"),
        (Decimal("112.5"), "113%"),
        (Decimal("99.6"), "99,6%"),  # never claims everything on time when one was late
        (Decimal(1999) * 100 / 2000, "99,95%"),  # 99.95: one decimal would still read 100
        (Decimal("99.9997"), "99,9997%"),
        (Decimal("100.2"), "100,2%"),  # a target exceeded is not "100%" either
        (Decimal("0.3"), "0,3%"),  # nor nothing when something was
        (Decimal("0.04"), "0,04%"),
        (Decimal("0"), "0%"),
        (Decimal("100.00"), "100%"),
    ],
)
def test_whole_percent_rounds_but_never_to_a_false_0_or_100(value, text):
    assert style.whole_percent(value, "vi") == text


@pytest.mark.parametrize(
    ("amount", "text", "approximate"),
    [
        (Decimal("112000000"), "112 triệu USD", False),
        (Decimal("98000000.00"), "98 triệu USD", False),
        (Decimal("145060666.86"), "145 triệu USD", True),
        (Decimal("2500000"), "2,5 triệu USD", False),
        (Decimal("350000"), "0,35 triệu USD", False),
    ],
)
def test_dollars_are_written_in_millions(amount, text, approximate):
    figure = style.usd(amount, "vi")
    assert (figure.text, figure.approximate) == (text, approximate)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("345000000000"), "345 tỷ đồng"),
        (Decimal("410000000000"), "410 tỷ đồng"),
        (Decimal("4500000000"), "4,5 tỷ đồng"),
        (Decimal("850000000"), "850 triệu đồng"),
    ],
)
def test_dong_are_written_in_billions_or_below_a_billion_in_millions(amount, text):
    assert style.vnd(amount, "vi").text == text


def test_money_in_english_puts_the_currency_first():
    assert style.usd(Decimal("112000000"), "en").text == "USD 112 million"
    assert style.vnd(Decimal("345000000000"), "en").text == "VND 345 billion"


def test_a_large_workforce_is_rounded_to_the_thousand_and_says_so():
    assert style.people(73755, "vi") == style.Figure("74.000", approximate=True)
    assert style.people(3000, "vi") == style.Figure("3.000", approximate=False)
    assert style.people(4699, "vi") == style.Figure("4.699", approximate=False)


def test_hectares_keep_one_decimal():
    assert style.hectares(Decimal("180.5"), "vi").text == "180,5"
    assert style.hectares(Decimal("29.04"), "vi") == style.Figure("29", approximate=True)


def test_dates_follow_decree_30():
    assert style.short_date(dt.date(2022, 1, 20)) == "20/01/2022"
    assert style.long_date(dt.date(2022, 3, 28), "vi") == "ngày 28 tháng 3 năm 2022"
    assert style.long_date(dt.date(2023, 2, 5), "vi") == "ngày 05 tháng 02 năm 2023"
    assert style.long_date(dt.date(2022, 11, 29), "vi") == "ngày 29 tháng 11 năm 2022"
    assert style.long_date(dt.date(2022, 3, 28), "en") == "28 March 2022"


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("2022", "năm 2022", "2022"),
        ("2022-Q1", "quý I năm 2022", "Q1 2022"),
        ("2022-Q4", "quý IV năm 2022", "Q4 2022"),
        ("2022-H1", "6 tháng đầu năm 2022", "the first half of 2022"),
        ("2022-H2", "6 tháng cuối năm 2022", "the second half of 2022"),
        ("2022-11", "tháng 11 năm 2022", "November 2022"),
        ("2022-02", "tháng 02 năm 2022", "February 2022"),
        ("2022-9M", "9 tháng năm 2022", "the first 9 months of 2022"),
        ("2022-6M", "6 tháng đầu năm 2022", "the first 6 months of 2022"),
        ("2022-12M", "năm 2022", "2022"),
        (
            "2022-01-10..2022-02-20",
            "từ ngày 10/01/2022 đến ngày 20/02/2022",
            "10/01/2022 to 20/02/2022",
        ),
    ],
)
def test_periods_are_named_the_way_reports_name_them(code, vi, en):
    period = parse_period(code)
    assert style.period_name(period, "vi") == vi
    assert style.period_name(period, "en") == en


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("2022-11", "11 tháng năm 2022"),
        ("2022-Q2", "6 tháng đầu năm 2022"),
        ("2022-Q1", "3 tháng năm 2022"),
        ("2022-01", "tháng 01 năm 2022"),
        ("2022-H2", "năm 2022"),
        ("2022-01-10..2022-02-20", "từ đầu năm 2022 đến ngày 20/02/2022"),
    ],
)
def test_the_year_to_date_is_named_for_lũy_kế(code, name):
    assert style.year_to_date_name(parse_period(code), "vi") == name


def test_priority_tasks_are_counted_in_words():
    assert [style.enumeration_lead(n, "vi") for n in (1, 2, 7, 8, 11)] == [
        "Một là,",
        "Hai là,",
        "Bảy là,",
        "Tám là,",
        "Mười một là,",
    ]
    assert style.enumeration_lead(3, "en") == "Third,"


@pytest.mark.parametrize(
    ("text", "continued"),
    [
        ("Tiếp tục đôn đốc, hướng dẫn", "tiếp tục đôn đốc, hướng dẫn"),
        ("Đẩy mạnh công tác", "đẩy mạnh công tác"),
        ("Ban Quản lý các khu công nghiệp", "Ban Quản lý các khu công nghiệp"),
        ("UBND tỉnh chỉ đạo", "UBND tỉnh chỉ đạo"),
        ("tiếp tục", "tiếp tục"),
    ],
)
def test_a_task_continues_the_lead_in_lower_case_unless_it_starts_with_a_name(text, continued):
    assert style.continuing(text) == continued


def test_the_active_language_is_the_default():
    from django.utils import translation

    with translation.override("vi"):
        assert style.count(3) == "03"
    with translation.override("en"):
        assert style.count(3) == "3"
