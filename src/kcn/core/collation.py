"""Vietnamese alphabetical order for names, on SQLite and PostgreSQL.

Vietnamese sorts its letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
u ư v x y: "Minh Đức" comes before "Minh Quang", "Anh" before "Ân". Tones are
secondary (a word without a tone, then huyền, hỏi, ngã, sắc, nặng, as
dictionaries and ICU's ``vi`` collation order them), case is tertiary
(lower case first). A byte order puts "Đ" after "Z" and "Ă" after everything.

PostgreSQL from Debian is built with ICU: a list is ordered with the ``vi-x-icu``
collation. SQLite has no ICU: the same order comes from ``vietnamese_key``,
registered as the collation ``vi`` on each new connection (``register``).
``Vietnamese(F("name"))`` names the right one for the database at hand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, OrderBy
from django.db.models.functions import Collate

SQLITE_COLLATION = "vi"
POSTGRESQL_COLLATION = "vi-x-icu"

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # f j w z: in foreign names, in Latin order
# A base letter and the mark that makes it another letter of the alphabet.
LETTER_MARKS = {
    ("a", "\u0306"): "ă",  # breve
    ("a", "\u0302"): "â",  # circumflex
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",  # horn
    ("u", "\u031b"): "ư",
}
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền … nặng
LETTER = {letter: n for n, letter in enumerate(ALPHABET)}
# Groups, in ICU's root order: spaces, punctuation and symbols, digits, letters, the rest.
SPACE, PUNCTUATION, DIGIT, LATIN, OTHER = range(5)

Key = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


def vietnamese_key(text: str) -> Key:
    """A key whose order is Vietnamese alphabetical order: letters first, then tones, then
    case."""
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for base, marks in _clusters(text):
        lower = base.lower()
        tone = 0
        for mark in marks:
            if (lower, mark) in LETTER_MARKS:
                lower = LETTER_MARKS[(lower, mark)]
            elif mark in TONES:
                tone = TONES[mark]
            else:
                tone = 10 + ord(mark)  # another accent, as in a foreign name: after the tones
        primary.append(_primary(lower))
        secondary.append(tone)
        tertiary.append(1 if base.isupper() else 0)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def compare(left: str | None, right: str | None) -> int:
    """-1, 0 or 1 as SQLite's ``create_collation`` wants (NULLs do not reach a collation)."""
    a, b = vietnamese_key(left or ""), vietnamese_key(right or "")
    return (a > b) - (a < b)


def _clusters(text: str) -> Iterable[tuple[str, list[str]]]:
    """Each base character of ``text`` with the combining marks that follow it (NFD)."""
    base = ""
    marks: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and base:
            marks.append(char)
            continue
        if base:
            yield base, marks
        base, marks = char, []
    if base:
        yield base, marks


def _primary(char: str) -> tuple[int, int]:
    if char in LETTER:
        return LATIN, LETTER[char]
    if char.isspace():
        return SPACE, 0
    if char.isdigit():
        return DIGIT, unicodedata.digit(char, ord(char))
    if char.isalpha():
        return OTHER, ord(char)
    return PUNCTUATION, ord(char)


def register(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On a new SQLite connection, the collation ``vi`` (``connection_created``'s receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, compare)


class Vietnamese(Collate):
    """``expression`` in Vietnamese order: ``order_by(Vietnamese(F("name")).asc())``."""

    def __init__(self, expression: Any) -> None:
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        extra["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return self.as_sql(compiler, connection, **extra)


def collated(order: Iterable[str], names: Iterable[str]) -> list[Any]:
    """``order_by`` arguments with the fields in ``names`` (people's names, place names) in
    Vietnamese order: ``collated(["-name", "pk"], {"name"})``."""
    wanted = set(names)
    result: list[Any] = []
    for key in order:
        field = key.lstrip("-")
        if field in wanted:
            expression = Vietnamese(F(field))
            result.append(
                OrderBy(expression, descending=True) if key.startswith("-") else OrderBy(expression)
            )
        else:
            result.append(key)
    return result
