"""Operational log lines of the use cases that matter to whoever runs the server (imports):
structured fields under ``extra={"kcn": …}``, written as JSON lines with ``KCN_LOG_JSON=1``
(kcn/ops/logs.py) and silent otherwise."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

IMPORT_LOG = logging.getLogger("kcn.import")


class _Problems(Protocol):
    @property
    def total(self) -> int: ...


class _Result(Protocol):
    @property
    def ok(self) -> bool: ...

    @property
    def rows(self) -> int: ...

    @property
    def problems(self) -> _Problems: ...


@dataclass
class ImportLog:
    """Filled in by the caller: the import's result."""

    result: _Result | None = None


@contextmanager
def logged_import(*, source: str, file: str, user: str | None) -> Iterator[ImportLog]:
    """Log one line when the import inside ends: imported, refused (its problems), or failed."""
    entry = ImportLog()
    started = time.monotonic()
    outcome = "failed"
    try:
        yield entry
        result = entry.result
        outcome = "imported" if result is None or result.ok else "refused"
    finally:
        fields: dict[str, Any] = {
            "event": "import",
            "source": source,
            "file": file,
            "user": user,
            "outcome": outcome,
            "duration_s": round(time.monotonic() - started, 3),
        }
        if entry.result is not None:
            fields["rows"] = entry.result.rows
            fields["problems"] = entry.result.problems.total
        level = logging.INFO if outcome != "failed" else logging.ERROR
        IMPORT_LOG.log(level, "import of %s: %s", file, outcome, extra={"kcn": fields})
