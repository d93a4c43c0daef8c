"""One import at a time: a second waits for the first to end.

Two imports at once would fight over the same rows (and on SQLite the second would give up
after the busy timeout with "database is locked"). Every import — a job, ``kcn import`` —
holds this lock while it runs: PostgreSQL's advisory lock where the database is PostgreSQL
(so it holds across servers), an exclusive lock on a file in the data folder otherwise.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from django.conf import settings
from django.db import connection

# pg_advisory_lock's key: any number the application keeps for itself ("kcn-imp").
IMPORT_LOCK_KEY = 0x6B636E2D696D70


@contextmanager
def import_lock(*, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[bool]:
    """Hold the import lock inside the block; yields whether it is held. Another import
    holding it: with ``wait``, call ``on_wait`` and wait for it; without, yield False."""
    lock = _PostgresLock() if connection.vendor == "postgresql" else _FileLock()
    taken = lock.take(block=False)
    if not taken and wait:
        if on_wait is not None:
            on_wait()
        taken = lock.take(block=True)
    try:
        yield taken
    finally:
        lock.release(held=taken)


class _PostgresLock:
    def take(self, *, block: bool) -> bool:
        with connection.cursor() as cursor:
            if block:
                cursor.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK_KEY])
                return True
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [IMPORT_LOCK_KEY])
            row = cursor.fetchone()
            return bool(row and row[0])

    def release(self, *, held: bool) -> None:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK_KEY])


class _FileLock:
    def __init__(self) -> None:
        self.file: IO[str] | None = None

    def take(self, *, block: bool) -> bool:
        if self.file is None:
            self.file = (settings.DATA_DIR / "import.lock").open("a")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX if block else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self, *, held: bool) -> None:
        if self.file is not None:
            if held:
                fcntl.flock(self.file, fcntl.LOCK_UN)
            self.file.close()
            self.file = None
