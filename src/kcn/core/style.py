"""How a report writes numbers, money, dates and periods (docs/reference/indicators.md).

One module for the number style of the seed report, so every renderer and
every sentence says "03 dự án", "3.000 lao động", "86,4%", "112 triệu USD",
"345 tỷ đồng", "ngày 20/01/2022" and "quý I năm 2022" the same way. The
English report gets the English conventions ("3,000", "86.4%",
"USD 112 million", "20/01/2022", "Q1 2022").

Every function takes ``lang`` ("vi" or "en"); the default is the active
translation language. Rounding is half up, as people round, never half even.
Functions that round return a :class:`Figure`, which says whether the text
is approximate so a sentence can say "khoảng" ("about").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from django.utils import translation

from kcn.core.periods import Period, PeriodKind

Number = int | Decimal

LANGUAGES = ("vi", "en")


def language(lang: str | None = None) -> str:
    """``lang``, or the active translation language when it is one we write reports in."""
    chosen = (lang or translation.get_language() or "vi")[:2]
    return chosen if chosen in LANGUAGES else "vi"


@dataclass(frozen=True)
class Figure:
    """A rounded figure as text, and whether rounding changed it."""

    text: str
    approximate: bool = False

    def __str__(self) -> str:
        return self.text


# --- Plain numbers ----------------------------------------------------------


def rounded(value: Number, places: int = 0) -> Decimal:
    """``value`` rounded half up to ``places`` decimals (negative: to tens, hundreds …)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value: Number, places: int = 1, lang: str | None = None) -> str:
    """Grouped thousands, at most ``places`` decimals, no trailing zeros: "74.000", "180,5"."""
    exact = rounded(value, places)
    pattern = "#,##0" + ("." + "#" * places if places > 0 else "")
    return format_decimal(exact, format=pattern, locale=language(lang))


def count(value: int, lang: str | None = None) -> str:
    """A count of things: under ten with two digits in Vietnamese ("03", "08"), else grouped.

    The seed writes "03 dự án", "08 dự án", "06 dự án", but "12 dự án" and
    "3.000 lao động". Zero is "0": sentences avoid stating a zero count.
    """
    if language(lang) == "vi" and 0 < value < 10:
        return f"{value:02d}"
    return number(value, 0, lang)


def approximate(value: Number, places: int, lang: str | None = None) -> Figure:
    """``value`` rounded to ``places`` decimals, flagged when rounding changed it."""
    exact = Decimal(value)
    result = rounded(exact, places)
    return Figure(number(result, max(places, 0), lang), result != exact)


# --- Percentages ------------------------------------------------------------
#
# The rule (issue 13, "honest percentages"): a percentage is rounded half up from
# its exact value to the places the style asks for (whole numbers in sentences, one
# decimal for a share), but it reads "100%" only when it is exactly 100 and "0%"
# only when it is exactly 0. A figure that rounding would take to 100 or 0 gets
# as many more decimals as it needs not to, still rounded half up: 1,999 of 2,000
# is 99.95 → "99,95%", never "100%"; 0.04 → "0,04%"; 100.2 → "100,2%" (a target
# exceeded is not "100%" either). Every digit shown is the exact value's; nothing
# is truncated, and the text stays monotonic in the value.


def honest_places(value: Number, places: int) -> int:
    """The decimals ``value`` is shown with: ``places``, or more when rounding to ``places``
    would make it read 0 or 100 and it is not exactly that (see the rule above)."""
    exact = Decimal(value)
    exponent = exact.as_tuple().exponent
    own = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    while places < own and rounded(exact, places) in (0, 100) and rounded(exact, places) != exact:
        places += 1
    return places


def percent(value: Number, lang: str | None = None) -> str:
    """A share with at most one decimal: "86,4%", "100%"; never a false 100% or 0%
    ("99,95%" for 1,999 of 2,000)."""
    return number(value, honest_places(value, 1), lang) + "%"


def whole_percent(value: Number, lang: str | None = None) -> str:
    """A percentage as a whole number ("đạt 24% kế hoạch", "91%"), rounded half up.

    Rounding never makes a figure claim 100% (everything on time) or 0%
    (nothing) when that is not true: it then takes the decimals it needs,
    99.6 is "99,6%", 99.95 (1,999 of 2,000) "99,95%", 0.3 "0,3%", 100.2 "100,2%".
    """
    return number(value, honest_places(value, 0), lang) + "%"


# --- Quantities -------------------------------------------------------------


def hectares(value: Number, lang: str | None = None) -> Figure:
    """An area in hectares with at most one decimal: "29", "180,5" (the unit is the caller's)."""
    return approximate(value, 1, lang)


def people(value: int, lang: str | None = None) -> Figure:
    """A number of workers: to the thousand from ten thousand up ("74.000"), else exact."""
    if value >= 10_000:
        return approximate(value, -3, lang)
    return Figure(number(value, 0, lang))


def usd(amount: Number, lang: str | None = None) -> Figure:
    """US dollars in millions: "112 triệu USD", "2,5 triệu USD", "0,35 triệu USD".

    Whole millions from ten million up, one decimal from one million, two
    below: the precision a reader of a provincial report expects.
    """
    millions = Decimal(amount) / 1_000_000
    places = 0 if abs(millions) >= 10 else 1 if abs(millions) >= 1 else 2
    figure = approximate(millions, places, lang)
    if language(lang) == "vi":
        return Figure(f"{figure.text} triệu USD", figure.approximate)
    return Figure(f"USD {figure.text} million", figure.approximate)


def vnd(amount: Number, lang: str | None = None) -> Figure:
    """Đồng in billions ("345 tỷ đồng", "4,5 tỷ đồng"), below a billion in millions."""
    value = Decimal(amount)
    if abs(value) >= 1_000_000_000:
        billions = value / 1_000_000_000
        figure = approximate(billions, 0 if abs(billions) >= 10 else 1, lang)
        unit_vi, unit_en = "tỷ đồng", "billion"
    else:
        figure = approximate(value / 1_000_000, 0, lang)
        unit_vi, unit_en = "triệu đồng", "million"
    if language(lang) == "vi":
        return Figure(f"{figure.text} {unit_vi}", figure.approximate)
    return Figure(f"VND {figure.text} {unit_en}", figure.approximate)


def money(amount: Number, currency: str, lang: str | None = None) -> Figure:
    return usd(amount, lang) if currency == "USD" else vnd(amount, lang)


# --- Dates and periods --------------------------------------------------------

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ROMAN = ("I", "II", "III", "IV")


def short_date(day: dt.date, lang: str | None = None) -> str:
    """ "20/01/2022" in both languages (the board's English readers use day first too)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def month_number(month: int) -> str:
    """Months 1 and 2 with a leading zero (Decree 30/2020/NĐ-CP, Appendix I, the date line)."""
    return f"{month:02d}" if month < 3 else str(month)


def long_date(day: dt.date, lang: str | None = None) -> str:
    """The date line of a document: "ngày 05 tháng 02 năm 2023", "ngày 28 tháng 3 năm 2022".

    Decree 30/2020/NĐ-CP: days below 10 and months 1 and 2 take a leading zero.
    """
    if language(lang) == "vi":
        return f"ngày {day.day:02d} tháng {month_number(day.month)} năm {day.year}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def period_name(period: Period, lang: str | None = None) -> str:
    """The period the way a report names it: "quý I năm 2022", "6 tháng đầu năm 2022"."""
    vi = language(lang) == "vi"
    year = period.end.year
    months = period.end.month - period.start.month + 1
    match period.kind:
        case PeriodKind.YEAR:
            return f"năm {year}" if vi else f"{year}"
        case PeriodKind.HALF:
            first = period.start.month == 1
            if vi:
                return f"6 tháng {'đầu' if first else 'cuối'} năm {year}"
            return f"the {'first' if first else 'second'} half of {year}"
        case PeriodKind.QUARTER:
            quarter = (period.start.month - 1) // 3 + 1
            return f"quý {ROMAN[quarter - 1]} năm {year}" if vi else f"Q{quarter} {year}"
        case PeriodKind.MONTH:
            if vi:
                return f"tháng {month_number(period.end.month)} năm {year}"
            return f"{MONTHS_EN[period.end.month - 1]} {year}"
        case PeriodKind.MONTHS_TO_DATE:
            return months_to_date_name(months, year, vi)
    if vi:
        return f"từ ngày {short_date(period.start)} đến ngày {short_date(period.end)}"
    return f"{short_date(period.start)} to {short_date(period.end)}"


def months_to_date_name(months: int, year: int, vi: bool) -> str:
    """The first ``months`` months of a year: "9 tháng năm 2022", "6 tháng đầu năm 2022"."""
    if months == 12:
        return f"năm {year}" if vi else f"{year}"
    if months == 1:
        return f"tháng 01 năm {year}" if vi else f"January {year}"
    if vi:
        return f"6 tháng đầu năm {year}" if months == 6 else f"{months} tháng năm {year}"
    return f"the first {months} months of {year}"


def year_to_date_name(period: Period, lang: str | None = None) -> str:
    """The name of 1 January to the period's end ("lũy kế 9 tháng năm 2022" without "lũy kế")."""
    vi = language(lang) == "vi"
    end = period.end
    next_day = end + dt.timedelta(days=1)
    if next_day.day == 1:  # the end is a month's last day
        return months_to_date_name(end.month, end.year, vi)
    if vi:
        return f"từ đầu năm {end.year} đến ngày {short_date(end)}"
    return f"1 January to {short_date(end)}"


ORDINALS_VI = (
    "Một",
    "Hai",
    "Ba",
    "Bốn",
    "Năm",
    "Sáu",
    "Bảy",
    "Tám",
    "Chín",
    "Mười",
    "Mười một",
    "Mười hai",
    "Mười ba",
    "Mười bốn",
    "Mười lăm",
    "Mười sáu",
    "Mười bảy",
    "Mười tám",
    "Mười chín",
    "Hai mươi",
)
ORDINALS_EN = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
)


def enumeration_lead(n: int, lang: str | None = None) -> str:
    """How the n-th priority task opens: "Một là,", "Hai là," … ("First," in English)."""
    if language(lang) == "vi":
        word = ORDINALS_VI[n - 1] if n <= len(ORDINALS_VI) else f"Thứ {n}"
        return f"{word} là,"
    return f"{ORDINALS_EN[n - 1]}," if n <= len(ORDINALS_EN) else f"{n}."


def continuing(text: str) -> str:
    """``text`` made to continue a sentence: "Tiếp tục đôn đốc …" after "Một là," reads
    "tiếp tục đôn đốc …". A name stays as it is: two capitalised words ("Ban Quản lý …")
    or an abbreviation ("UBND …")."""
    words = text.split(maxsplit=2)
    if not words or not words[0][:1].isupper():
        return text
    first = words[0]
    if first[1:2].isupper() or (len(words) > 1 and words[1][:1].isupper()):
        return text
    return first[0].lower() + text[1:]
