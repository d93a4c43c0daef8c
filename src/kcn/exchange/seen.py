"""The keys an import has seen in the current sheet, kept in the database.

Two rows of a sheet with the same key (or, in a sheet without a key, the same
values in every column) are a problem that names both rows. Remembering every
key in Python would make the import's memory grow with the sheet (about 140
bytes a row, measured on a million dossiers); a temporary table with a
primary key on a 16-byte digest keeps it flat, for one insert a row.
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
        self.postgres = connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    f"CREATE TEMPORARY TABLE IF NOT EXISTS {TABLE} "
                    "(token bytea PRIMARY KEY, row_number integer NOT NULL)"
                )
            else:
                cursor.execute(
                    f"CREATE TEMPORARY TABLE IF NOT EXISTS {TABLE} "
                    "(token BLOB PRIMARY KEY, row_number INTEGER NOT NULL) WITHOUT ROWID"
                )
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608

    def remember(self, keys: Sequence[tuple[bytes, int]]) -> list[int | None]:
        """For each ``(digest, row)``: the earlier row with that digest, or None.

        Every digest is offered to the table; one already there is not added.
        When all were new — the usual case, told by the number of rows added —
        that is the whole cost; otherwise the table says which row came first.
        """
        if not keys:
            return []
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    f"INSERT INTO {TABLE} (token, row_number) "  # noqa: S608
                    "SELECT * FROM unnest(%s::bytea[], %s::integer[]) ON CONFLICT DO NOTHING",
                    [[token for token, _row in keys], [row for _token, row in keys]],
                )
            else:
                cursor.executemany(
                    f"INSERT INTO {TABLE} (token, row_number) VALUES (%s, %s) "  # noqa: S608
                    "ON CONFLICT DO NOTHING",
                    keys,
                )
            added = cursor.rowcount
        if added == len(keys):
            return [None] * len(keys)
        first = self.rows_of([token for token, _row in keys])
        return [None if first[token] == row else first[token] for token, row in keys]

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
