"""Numbers the way each language writes them (docs/reference/indicators.md, number style)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from kcn.web.templatetags.kcn import figure, format_number, pct


@pytest.mark.parametrize(
    ("value", "vietnamese", "english"),
    [
        (3000, "3.000", "3,000"),
        (73755, "73.755", "73,755"),
        (Decimal("86.40"), "86,4", "86.4"),
        (Decimal("180.5000"), "180,5", "180.5"),
        (Decimal("145060666.86"), "145.060.666,86", "145,060,666.86"),
        (0.125, "0,13", "0.13"),
        (None, "–", "–"),
    ],
)
def test_a_number_is_grouped_and_trimmed_in_each_language(
    value: object, vietnamese: str, english: str
) -> None:
    with translation.override("vi"):
        assert format_number(value) == vietnamese
    with translation.override("en"):
        assert format_number(value) == english


def test_a_percentage_has_one_decimal_at_most() -> None:
    with translation.override("vi"):
        assert pct(Decimal("86.36")) == "86,4%"
        assert pct(Decimal("100.00")) == "100%"
        assert pct(None) == "–"


def test_money_reads_in_millions_of_usd_and_billions_of_vnd() -> None:
    with translation.override("vi"):
        assert figure(Decimal("145060666.86"), "USD") == "145,06 triệu USD"
        assert figure(Decimal("345000000000"), "VND") == "345 tỷ đồng"
        assert figure(Decimal("29"), "ha") == "29 ha"
    with translation.override("en"):
        assert figure(Decimal("112000000"), "USD") == "112 million USD"
