"""Where uploads wait, and how their leftovers go.

Django writes an upload larger than 2.5 MB to a temporary file, and the browser import copies
the workbook to a temporary folder; both are removed when the request ends, also when the
import fails. A server process killed in the middle (SIGKILL, out of memory, the timeout of a
stuck worker) removes nothing, so under ``kcn serve`` each worker process keeps its uploads
in a folder of its own, ``<data folder>/uploads/<pid>``, and the server removes that folder
when the process ends, however it ended; at start it removes the folders of processes that
are gone (a machine that lost power).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

from django.conf import settings

from kcn.config.env import private_folder

# A loose file (an upload of a process that is not a server worker: tests, runserver) older
# than this is a leftover.
LOOSE_FILE_SECONDS = 24 * 3600


def uploads_root() -> Path:
    return Path(settings.KCN_UPLOADS_DIR)


def worker_folder(pid: int) -> Path:
    return uploads_root() / str(pid)


def enter_worker(pid: int) -> Path:
    """In a new worker process: its uploads go to a folder of its own."""
    folder = private_folder(worker_folder(pid))
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def remove_worker_folder(pid: int) -> None:
    """In the server, when a worker process has ended: its uploads' leftovers go."""
    shutil.rmtree(worker_folder(pid), ignore_errors=True)


def remove_leftovers(now: float | None = None) -> list[Path]:
    """The folders of processes that no longer run, and loose files older than a day."""
    root = uploads_root()
    now = time.time() if now is None else now
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for child in root.iterdir():
        if child.is_dir() and child.name.isdigit():
            gone = not _running(int(child.name))
        else:
            try:
                gone = now - child.stat().st_mtime > LOOSE_FILE_SECONDS
            except OSError:
                continue
        if not gone:
            continue
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                child.unlink()
        removed.append(child)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
