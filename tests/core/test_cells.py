import datetime as dt
from decimal import Decimal

import pytest

from kcn.core.cells import (
    CellError,
    read_boolean,
    read_date,
    read_decimal,
    read_integer,
    read_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (Decimal("1234567.5"), Decimal("1234567.5")),
        ("1234567.5", Decimal("1234567.5")),
        ("1.234.567,5", Decimal("1234567.5")),
        ("1.234.567", Decimal("1234567")),
        ("86,4", Decimal("86.4")),
        ("345000000000", Decimal("345000000000")),
        ("-410.000.000.000", Decimal("-410000000000")),
        ("12.5", Decimal("12.5")),
        (" 180,5 ", Decimal("180.5")),
        ("1 234 567", Decimal("1234567")),
    ],
)
def test_it_reads_numbers_in_both_styles(raw, expected):
    assert read_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["1.234", "1,234", "12.500", "-3.000"])
def test_it_refuses_a_number_that_reads_two_ways(raw):
    with pytest.raises(CellError, match="ambiguous"):
        read_decimal(raw)


@pytest.mark.parametrize("raw", ["abc", "1,2,3", "12a", True, dt.date(2022, 1, 1)])
def test_it_refuses_what_is_not_a_number(raw):
    with pytest.raises(CellError, match="not a number"):
        read_decimal(raw)


def test_an_integer_column_refuses_a_fraction():
    assert read_integer("3.000.000") == 3_000_000
    with pytest.raises(CellError, match="whole number"):
        read_integer("2,5")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.date(2022, 1, 20), dt.date(2022, 1, 20)),
        (dt.datetime(2022, 1, 20, 0, 0), dt.date(2022, 1, 20)),
        ("2022-01-20", dt.date(2022, 1, 20)),
        ("20/01/2022", dt.date(2022, 1, 20)),
        ("5/2/2022", dt.date(2022, 2, 5)),
    ],
)
def test_it_reads_dates_as_cells_iso_or_day_first(raw, expected):
    assert read_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2022", "2022/01/20", "01-20-2022", "hôm qua", Decimal(5)])
def test_it_refuses_what_is_not_a_date(raw):
    with pytest.raises(CellError, match="not a date"):
        read_date(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("0", False),
        ("true", True),
        ("FALSE", False),
        ("x", True),
        ("X", True),
        ("có", True),
        ("Không", False),
        (True, True),
        (Decimal(0), False),
        ("", False),
    ],
)
def test_it_reads_booleans_in_every_accepted_form(raw, expected):
    assert read_boolean(raw) is expected


def test_it_refuses_an_unknown_boolean_word():
    with pytest.raises(CellError, match="yes or no"):
        read_boolean("maybe")


def test_text_is_normalized_to_nfc_and_numbers_keep_their_digits():
    decomposed = "Hu\u031bng Ye\u0302n"  # "Hưng Yên" typed with combining marks
    assert read_text(decomposed) == "Hưng Yên"
    assert read_text(Decimal("100109106")) == "100109106"
    with pytest.raises(CellError, match="Excel error"):
        read_text("#ERROR #N/A")
