"""Properties of the number style (Hypothesis): what holds for every figure, not just the seed's.

The percentage rule under test (``core/style.py``, "Percentages"): rounded half up
from the exact value, but "100%" only for exactly 100 and "0%" only for exactly 0;
a figure that rounding would take there gets the decimals it needs not to be.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import parse_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from kcn.core import style

LANGS = st.sampled_from(style.LANGUAGES)

# Exact values as a report meets them: up to six decimals, well inside Decimal's precision.
values = st.decimals(
    min_value=Decimal(-10_000_000),
    max_value=Decimal(10_000_000),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)
# Percentages, with many near 0 and 100, where rounding is tempted to lie.
near_edges = st.one_of(
    st.decimals(min_value=Decimal(-1), max_value=Decimal(1), places=6),
    st.decimals(min_value=Decimal(99), max_value=Decimal(101), places=6),
    st.decimals(min_value=Decimal(-200), max_value=Decimal(200), places=4),
)


@st.composite
def shares(draw: st.DrawFn) -> tuple[int, int]:
    """``(part, whole)``: a count of items and how many of them qualify."""
    whole = draw(st.integers(min_value=1, max_value=10_000_000))
    part = draw(st.one_of(st.integers(0, whole), st.sampled_from([0, 1, whole - 1, whole])))
    return part, whole


def read_back(text: str, lang: str) -> Decimal:
    """The number a reader sees in ``text`` ("1.234,5%" in Vietnamese, "1,234.5%" in English).

    ``strict`` makes Babel refuse a misplaced thousands separator.
    """
    return parse_decimal(text.removesuffix("%"), locale=lang, strict=True)


def places_of(text: str, lang: str) -> int:
    decimal_mark = "," if lang == "vi" else "."
    digits = text.removesuffix("%")
    return len(digits.split(decimal_mark)[1]) if decimal_mark in digits else 0


@given(shares(), LANGS)
@example((1999, 2000), "vi")  # the false "100%" of issue 13: 99.95 read as 100
@example((1, 2000), "vi")
@example((19_999, 20_000), "en")
def test_a_share_of_items_reads_100_percent_only_when_all_and_0_only_when_none(share, lang):
    part, whole = share
    exact = Decimal(part) * 100 / Decimal(whole)
    for text in (style.whole_percent(exact, lang), style.percent(exact, lang)):
        assert (text == "100%") == (part == whole), (part, whole, text)
        assert (text == "0%") == (part == 0), (part, whole, text)


@given(near_edges, LANGS)
@example(Decimal("99.95"), "vi")
@example(Decimal("99.5"), "vi")
@example(Decimal("100.2"), "vi")
@example(Decimal("0.04"), "vi")
@example(Decimal("-0.3"), "en")
def test_a_percentage_reads_100_or_0_only_when_it_is_exactly_that(value, lang):
    for text in (style.whole_percent(value, lang), style.percent(value, lang)):
        shown = read_back(text, lang)
        assert (shown == 100) == (value == 100), (value, text)
        assert (shown == 0) == (value == 0), (value, text)
        # Never on the wrong side of 100 or 0 either.
        assert (shown > 100) == (value > 100)
        assert (shown < 0) == (value < 0)


@given(near_edges, LANGS)
def test_a_percentage_is_its_exact_value_rounded_half_up_to_the_places_it_shows(value, lang):
    for text, places in ((style.whole_percent(value, lang), 0), (style.percent(value, lang), 1)):
        assert read_back(text, lang) == style.rounded(value, places_of(text, lang))
        if style.rounded(value, places) not in (0, 100):
            # Away from 0 and 100 the style's own places are enough: "24%", "86,4%".
            assert read_back(text, lang) == style.rounded(value, places)


@given(near_edges, near_edges, LANGS)
@example(Decimal("99.949"), Decimal("99.95"), "vi")
@example(Decimal("99.96"), Decimal("100"), "vi")
@example(Decimal("100"), Decimal("100.04"), "vi")
@example(Decimal("100.4"), Decimal("100.5"), "vi")
def test_percentages_are_monotonic(a, b, lang):
    low, high = sorted((a, b))
    assert read_back(style.whole_percent(low, lang), lang) <= read_back(
        style.whole_percent(high, lang), lang
    )
    assert read_back(style.percent(low, lang), lang) <= read_back(style.percent(high, lang), lang)


@given(values, st.integers(min_value=0, max_value=4), LANGS)
def test_grouped_numbers_read_back_as_the_rounded_value(value, places, lang):
    text = style.number(value, places, lang)
    assert read_back(text, lang) == style.rounded(value, places)
    assert places_of(text, lang) <= places


@given(st.integers(min_value=0, max_value=10**12), LANGS)
def test_counts_read_back_and_take_two_digits_under_ten_in_vietnamese(value, lang):
    text = style.count(value, lang)
    assert read_back(text, lang) == value
    if lang == "vi" and 0 < value < 10:
        assert text == f"0{value}"


@given(values, LANGS)
def test_a_figure_is_approximate_exactly_when_rounding_changed_it(value, lang):
    figure = style.approximate(value, 1, lang)
    assert figure.approximate == (read_back(figure.text, lang) != value)
