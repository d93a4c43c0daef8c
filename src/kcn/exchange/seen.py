"""The keys an import has seen in the current sheet, kept in the database.

Two rows of a sheet with the same key (or, in a sheet without a key, the same
values in every column) are a problem that names both rows. Remembering every
key in Python would make the import's memory grow with the sheet (about 140
bytes a row, measured on a million dossiers); a temporary table with a
primary key on a 16-byte digest keeps it flat, for a few microseconds a row.
The table lives inside the import's transaction and goes with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from django.db import connection

TABLE = "kcn_import_seen"
LOOKUP_CHUNK = 900  # below SQLite's limit of host parameters in one statement


def digest(key: tuple[Any, ...]) -> bytes:
    """A 16-byte fingerprint of a key (tuples of str, int, date, Decimal, bool, None)."""
    return hashlib.blake2b(repr(key).encode(), digest_size=16).digest()


class SeenKeys:
    """Digests of the keys of one sheet, each with the first row it was seen on."""

    def __init__(self) -> None:
        blob = "bytea" if connection.vendor == "postgresql" else "BLOB"
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {TABLE} "
                f"(token {blob} PRIMARY KEY, row_number INTEGER NOT NULL)"
            )
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608

    def remember(self, keys: Sequence[tuple[bytes, int]]) -> list[int | None]:
        """For each ``(digest, row)``: the earlier row with that digest, or None.

        The digests seen for the first time are remembered with their row.
        """
        earlier = self.rows_of([token for token, _row in keys])
        answers: list[int | None] = []
        new: dict[bytes, int] = {}
        for token, row in keys:
            first = earlier.get(token) or new.get(token)
            if first is None:
                new[token] = row
            answers.append(first)
        if new:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {TABLE} (token, row_number) VALUES (%s, %s)",  # noqa: S608
                    list(new.items()),
                )
        return answers

    def rows_of(self, tokens: Sequence[bytes]) -> dict[bytes, int]:
        """The rows where these digests were seen (those not seen are left out)."""
        found: dict[bytes, int] = {}
        unique = list(dict.fromkeys(tokens))
        with connection.cursor() as cursor:
            for start in range(0, len(unique), LOOKUP_CHUNK):
                chunk = unique[start : start + LOOKUP_CHUNK]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"SELECT token, row_number FROM {TABLE} WHERE token IN ({marks})",  # noqa: S608
                    chunk,
                )
                found.update((bytes(token), row) for token, row in cursor.fetchall())
        return found

    def drop(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
