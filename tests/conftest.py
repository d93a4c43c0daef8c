"""Shared fixtures: English messages by default, workbooks written on the fly."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connections
from django.utils import translation
from hypothesis import settings

from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import ImportResult, workbook_import
from kcn.jobs.models import Job
from kcn.jobs.worker import make_worker

Rows = Mapping[str, Sequence[Mapping[str, Any]]]
LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "kcn" / "locale"

# Hypothesis: no deadline (the machine is shared, a slow example is not a failure);
# HYPOTHESIS_PROFILE=thorough tries twenty times as many examples.
settings.register_profile("kcn", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kcn"))


def pytest_configure(config: pytest.Config) -> None:
    """Compile any catalogue whose .po is newer than its .mo, as the build hook does.

    An editable install compiles the .mo files once; without this, a test
    of a Vietnamese page would read a catalogue older than the .po it sees.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalogue)


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache (the portal's, in the test data folder)."""
    caches["default"].clear()


@pytest.fixture(autouse=True)
def portal_files(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal's uploaded pictures go to a folder of the test's own."""
    folder = tmp_path_factory.mktemp("portal-files")
    settings.KCN_PORTAL_FILES = folder
    return folder


@pytest.fixture(autouse=True)
def quick_passwords(settings: Any) -> None:
    """Hash passwords quickly: the tests check who may sign in, not the hasher's cost."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English, so assertions do not depend on the Vietnamese catalogue."""
    with translation.override("en"):
        yield


@pytest.fixture
def write_workbook(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{sheet: [row dicts]}`` to an .xlsx file; English keys unless ``labels=True``."""
    counter = iter(range(1_000_000))

    def write(data: Rows, *, labels: bool = False) -> Path:
        path = tmp_path / f"workbook-{next(counter)}.xlsx"
        write_rows_workbook(path, data, english_keys=not labels)
        return path

    return write


@pytest.fixture
def import_rows(write_workbook: Callable[..., Path]) -> Callable[..., ImportResult]:
    """Write rows to a workbook and import it."""

    def run(data: Rows, *, labels: bool = False) -> ImportResult:
        return workbook_import(write_workbook(data, labels=labels))

    return run


# -- background jobs: a real worker (django-tasks-db's, as `kcn worker` runs it) ---------


@pytest.fixture
def worker(transactional_db: None) -> Iterator[Any]:
    """Start the worker; it takes the queued jobs as they come, until the test ends."""
    runner = make_worker(interval=0.05)

    def run() -> None:
        try:
            runner.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield runner
    runner.running = False
    thread.join(timeout=30)
    assert not thread.is_alive()


def wait_for(job: Job, condition: Callable[[Job], bool], timeout: float = 60) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if condition(job):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job.pk} still {job.status} after {timeout} s")


def ended(job: Job) -> bool:
    return job.is_finished
