"""A job's folder: its uploaded file, its live progress and its cancellation request.

While an import runs it holds the database's write lock (SQLite has one writer at a time)
inside its one transaction, so neither the worker nor the web server can write a job's row
until it ends. What must cross that lock goes through files in the job's folder instead:

- ``progress.json``: the rows read so far and the sheet being read, rewritten (atomically)
  by the worker at most twice a second; the pages read it while the job runs;
- ``cancel``: created by whoever cancels the job; the worker looks for it between batches
  and stops, rolling the import back.

The folder is removed when the job ends; its final figures are then in the job's row. A
report document's job keeps its folder with the file it wrote (``RESULT``) for
``KCN_JOB_FILES_DAYS`` days, for its download.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings

UPLOAD = "upload.xlsx"
RESULT = "result"


def folder(job_id: object) -> Path:
    return Path(settings.KCN_JOBS_DIR) / str(job_id)


def create(job_id: object) -> Path:
    """The job's folder, 0700: where its progress, its cancel request and its file go."""
    target = folder(job_id)
    target.mkdir(parents=True, mode=0o700, exist_ok=True)
    return target


def store_upload(job_id: object, chunks: Any) -> Path:
    """Write an uploaded file (an iterable of byte chunks) into the job's folder, 0600."""
    target = folder(job_id)
    target.mkdir(parents=True, mode=0o700, exist_ok=True)
    path = target / UPLOAD
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        for chunk in chunks:
            file.write(chunk)
    return path


def upload_path(job_id: object) -> Path:
    return folder(job_id) / UPLOAD


def store_result(job_id: object, content: bytes) -> Path:
    """Write the file a job made into its folder, 0600, atomically."""
    target = folder(job_id)
    target.mkdir(parents=True, mode=0o700, exist_ok=True)
    temporary = target / f"{RESULT}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
    return temporary.replace(target / RESULT)


def result_path(job_id: object) -> Path:
    return folder(job_id) / RESULT


def keep_result_only(job_id: object) -> None:
    """Remove from the job's folder all but the file it made."""
    target = folder(job_id)
    if target.is_dir():
        for path in target.iterdir():
            if path.name != RESULT:
                path.unlink(missing_ok=True)


def remove(job_id: object) -> None:
    shutil.rmtree(folder(job_id), ignore_errors=True)


def request_cancel(job_id: object) -> None:
    target = folder(job_id)
    if target.is_dir():
        (target / "cancel").touch()


def cancel_requested(job_id: object) -> bool:
    return (folder(job_id) / "cancel").exists()


@dataclass(frozen=True)
class Progress:
    rows: int = 0
    sheet: str = ""  # the sheet being read; a report's step


def read_progress(job_id: object) -> Progress | None:
    try:
        data = json.loads((folder(job_id) / "progress.json").read_text())
    except (OSError, ValueError):
        return None
    return Progress(rows=int(data.get("rows", 0)), sheet=str(data.get("sheet", "")))


class ProgressWriter:
    """Counts the rows a running import reads and writes them down now and then."""

    def __init__(self, job_id: object, *, every: float = 0.5) -> None:
        self.job_id = job_id
        self.every = every
        self.rows = 0
        self.sheet = ""
        self._written_at = 0.0

    def advance(self, sheet: str, rows: int) -> None:
        self.rows += rows
        self.sheet = sheet
        now = time.monotonic()
        if now - self._written_at >= self.every:
            self._written_at = now
            self._write()

    def _write(self) -> None:
        target = folder(self.job_id)
        temporary = target / "progress.json.tmp"
        file: IO[str]
        with temporary.open("w") as file:
            json.dump({"rows": self.rows, "sheet": self.sheet}, file)
        temporary.replace(target / "progress.json")
