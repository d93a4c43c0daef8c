"""Reading a typed value out of a cell (docs/reference/workbook.md, "General rules").

Each reader takes what the xlsx reader gives (str, Decimal, date, datetime,
bool) and returns the value, or raises ``CellError`` with a message that the
importer prefixes with ``sheet!cell``. The readers are here, below the record
apps, because each app's sheet definitions (``<app>/sheets.py``) name the
reader of every column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

# What the xlsx reader gives for a cell (the same union as ``kcn.exchange.xlsx.CellValue``).
CellValue = str | Decimal | dt.date | dt.datetime | bool | None
Reader = Callable[[CellValue], Any]


class CellError(ValueError):
    """A cell whose content is not what its column needs."""


def _show(value: CellValue) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def code_problem(code: str) -> str | None:
    """What is wrong with a record's code, if anything: a slash would cut it in two in the
    address of its page (``/projects/<code>/``) and of the API."""
    if "/" in code:
        return _("a code may not hold a slash (/): write it with a dash, e.g. 124-TNHS")
    return None


def read_code(value: CellValue) -> str:
    """A record's code: text without a slash."""
    code = read_text(value)
    problem = code_problem(code)
    if problem:
        raise CellError(problem)
    return code


def read_text(value: CellValue) -> str:
    """Text, NFC-normalized and trimmed; a number typed in a text column reads as its digits."""
    if value.__class__ is str:
        if value.startswith("#ERROR"):  # type: ignore[union-attr]
            raise CellError(_("the cell holds an Excel error (%(error)s)") % {"error": value[7:]})  # type: ignore[index]
        return unicodedata.normalize("NFC", value).strip()  # type: ignore[arg-type]
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    if value.startswith("#ERROR"):
        raise CellError(_("the cell holds an Excel error (%(error)s)") % {"error": value[7:]})
    return unicodedata.normalize("NFC", value).strip()


DMY_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
YMD_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# The dates a record of a board may hold: the first zones date from the 1990s; a due date or
# a target reaches a few years ahead. A year 0001 or 9999 is a typing error.
FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def date_problem(day: dt.date) -> str | None:
    """Why ``day`` is no date of a record (before 1990 or after 2100), or None."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return _("%(date)s is not between %(first)s and %(last)s") % {
        "date": day.strftime("%d/%m/%Y") if day.year >= 1000 else day.isoformat(),
        "first": "01/01/1990",
        "last": "31/12/2100",
    }


def read_date(value: CellValue) -> dt.date:
    """A date cell, or text ``YYYY-MM-DD`` or ``DD/MM/YYYY``, between 1990 and 2100."""
    day = _read_date(value)
    if FIRST_DAY <= day <= LAST_DAY:
        return day
    raise CellError(date_problem(day))


def _read_date(value: CellValue) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = YMD_RE.match(text)
        parts = (match[1], match[2], match[3]) if match else None
        if parts is None and (match := DMY_RE.match(text)):
            parts = (match[3], match[2], match[1])
        if parts is not None:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                pass
    raise CellError(
        _("%(value)s is not a date (use a date cell, YYYY-MM-DD or DD/MM/YYYY)")
        % {"value": _show(value)}
    )


VN_NUMBER_RE = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d+,\d+$")
PLAIN_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
AMBIGUOUS_RE = re.compile(r"^[+-]?\d{1,3}[.,]\d{3}$")


def read_decimal(value: CellValue) -> Decimal:
    """A number cell, or text ``1234567.5`` or Vietnamese ``1.234.567,5``.

    Text like ``1.234`` or ``1,234`` could be either style, so it is refused
    rather than guessed.
    """
    if isinstance(value, Decimal):
        if value.is_finite() and value.adjusted() < LARGEST_EXPONENT:
            return value
        raise CellError(_out_of_range(value))
    if isinstance(value, bool) or not isinstance(value, str):
        raise CellError(_("%(value)s is not a number") % {"value": _show(value)})
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if AMBIGUOUS_RE.match(text):
        raise CellError(
            _(
                "%(value)s is ambiguous (a thousands separator or a decimal mark?): "
                "use a number cell, or write it without thousands separators"
            )
            % {"value": _show(value)}
        )
    if VN_NUMBER_RE.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif not PLAIN_NUMBER_RE.match(text):
        raise CellError(_("%(value)s is not a number") % {"value": _show(value)})
    if len(text) > 60:
        raise CellError(_out_of_range(value))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(_("%(value)s is not a number") % {"value": _show(value)}) from None
    if number.adjusted() >= LARGEST_EXPONENT:
        raise CellError(_out_of_range(value))
    return number


# No amount, area or count of a board reaches 10^20 (a VND amount has at most 18 digits).
LARGEST_EXPONENT = 20


def _out_of_range(value: CellValue) -> str:
    shown = str(value)
    return _("%(value)s is not a number a record can hold (finite, below 10^20)") % {
        "value": f"'{shown[:40]}…'" if len(shown) > 40 else f"'{shown}'"
    }


# What a person types in a form, the Vietnamese way: "25.000.000", "5,2", "-1.500,75"; plain
# "5.2" and "25000000" too. web/static/kcn/numbers.js reads it the same way to show it.
TYPED_GROUPED_RE = re.compile(r"^([+-]?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$")
TYPED_COMMA_RE = re.compile(r"^([+-]?)(\d+),(\d+)$")
TYPED_PLAIN_RE = re.compile(r"^([+-]?)(\d+)(?:\.(\d+))?$")


def parse_typed_number(text: str) -> Decimal:
    """A number typed in a form, read as a Vietnamese reads it: a point groups thousands
    ("25.000.000"), a comma marks decimals ("5,2"); spaces may group thousands, and a
    point followed by other than three digits is a decimal mark ("5.2"). ``ValueError``
    for anything else ("1,234.5" is refused rather than guessed).
    """
    cleaned = text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    if len(cleaned) > 40:
        raise ValueError(text)
    for pattern, grouped in ((TYPED_GROUPED_RE, True), (TYPED_COMMA_RE, False)):
        match = pattern.match(cleaned)
        if match:
            sign, whole, fraction = match.groups()
            whole = whole.replace(".", "") if grouped else whole
            return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    match = TYPED_PLAIN_RE.match(cleaned)
    if match:
        return Decimal(cleaned)
    raise ValueError(text)


def read_integer(value: CellValue) -> int:
    number = read_decimal(value)
    if number != number.to_integral_value():
        raise CellError(_("%(value)s is not a whole number") % {"value": _show(value)})
    return int(number)


TRUE_WORDS = frozenset({"1", "true", "x", "có", "co", "yes", "đúng"})
FALSE_WORDS = frozenset({"0", "false", "không", "khong", "no", "sai"})


def read_boolean(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value in (0, 1):
        return value == 1
    if isinstance(value, str):
        word = unicodedata.normalize("NFC", value).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS or word == "":
            return False
    raise CellError(
        _("%(value)s is not yes or no (use 1/0, true/false, x or empty, có/không)")
        % {"value": _show(value)}
    )


def read_choice(choices: Sequence[str]) -> Reader:
    by_folded = {choice.lower(): choice for choice in choices}

    def read(value: CellValue) -> str:
        text = read_text(value)
        choice = by_folded.get(text.lower())
        if choice is None:
            raise CellError(
                _("%(value)s is not one of: %(choices)s")
                % {"value": _show(value), "choices": ", ".join(choices)}
            )
        return choice

    read.choices = tuple(choices)  # type: ignore[attr-defined]
    return read


def at_least(reader: Reader, minimum: Decimal | int, *, strict: bool = False) -> Reader:
    """``reader``'s value, refused below ``minimum`` (or equal to it when ``strict``).

    The returned reader keeps ``minimum`` and ``strict`` as attributes, so that a
    form field for the same column can have the same lower bound.
    """

    def read(value: CellValue) -> Any:
        number = reader(value)
        if number < minimum or (strict and number == minimum):
            message = (
                _("%(value)s must be greater than %(minimum)s")
                if strict
                else _("%(value)s must not be below %(minimum)s")
            )
            raise CellError(message % {"value": _show(value), "minimum": minimum})
        return number

    read.minimum = minimum  # type: ignore[attr-defined]
    read.strict = strict  # type: ignore[attr-defined]
    read.base = reader  # type: ignore[attr-defined]
    return read


READER_NAMES: dict[Reader, str] = {
    read_text: "text",
    read_code: "code",
    read_date: "date",
    read_decimal: "number",
    read_integer: "integer",
    read_boolean: "boolean",
}


def describe(reader: Reader) -> str:
    """What a reader reads, as the reference (docs/reference/workbook.md) writes a column's
    type: "text", "date", "number ≥ 0", "integer > 0", "one of `a`, `b`", "boolean"."""
    if hasattr(reader, "choices"):
        return "one of " + ", ".join(f"`{choice}`" for choice in reader.choices)
    if hasattr(reader, "base"):
        sign = ">" if reader.strict else "≥"  # type: ignore[attr-defined]
        return f"{describe(reader.base)} {sign} {reader.minimum}"  # type: ignore[attr-defined]
    return READER_NAMES[reader]


NON_NEGATIVE = at_least(read_decimal, Decimal(0))
POSITIVE = at_least(read_decimal, Decimal(0), strict=True)
NON_NEGATIVE_INT = at_least(read_integer, 0)
POSITIVE_INT = at_least(read_integer, 0, strict=True)
