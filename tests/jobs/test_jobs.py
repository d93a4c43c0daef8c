"""Background jobs run by a real worker: an import's summary or its problems, its progress,
cancelling it, one import at a time, a job left running by a killed worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

from kcn.accounts.models import Role, User
from kcn.jobs import files
from kcn.jobs.locks import import_lock
from kcn.jobs.models import Job, JobStatus
from kcn.jobs.services import import_submit, job_cancel
from kcn.jobs.worker import jobs_interrupted_fail
from kcn.projects.models import Project
from tests.conftest import ended, wait_for
from tests.exchange.samples import valid, with_row


def submit(path: Path, actor: User | None = None) -> Job:
    return import_submit(chunks=[path.read_bytes()], file_name=path.name, actor=actor)


@pytest.fixture
def sơn(transactional_db: None) -> User:
    return User.objects.create(username="son", role=Role.SPECIALIST)


def test_the_worker_imports_a_workbook_and_keeps_its_summary(worker, write_workbook, sơn):
    job = submit(write_workbook(valid()), sơn)
    assert job.status == JobStatus.QUEUED
    assert files.upload_path(job.pk).exists()
    job = wait_for(job, ended)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.summary["projects"]["added"] == Project.objects.count() > 0
    assert job.rows_done == sum(sheet["rows"] for sheet in job.summary.values())
    assert not files.folder(job.pk).exists()  # the upload is removed when the job ends


def test_a_bad_workbook_keeps_its_problems_and_writes_nothing(worker, write_workbook, sơn):
    job = wait_for(submit(write_workbook(with_row("projects", 0, origin="martian")), sơn), ended)
    assert job.status == JobStatus.FAILED
    assert job.problems_total >= 1
    assert job.problems[0]["sheet"] == "projects"
    assert not Project.objects.exists()


def test_a_job_cancelled_before_it_starts_never_runs(transactional_db, write_workbook):
    job = submit(write_workbook(valid()))
    job_cancel(job)
    from kcn.jobs.worker import make_worker

    make_worker(interval=0, batch=True).run()
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert not Project.objects.exists()


def test_a_running_import_cancelled_writes_nothing(transactional_db, write_workbook, monkeypatch):
    """The worker reads the first batch, the job is cancelled, the import rolls back."""
    from kcn.jobs.worker import make_worker

    job = submit(write_workbook(valid()))
    real = files.ProgressWriter.advance

    def advance_then_cancel(self: files.ProgressWriter, sheet: str, rows: int) -> None:
        real(self, sheet, rows)
        files.request_cancel(self.job_id)

    monkeypatch.setattr(files.ProgressWriter, "advance", advance_then_cancel)
    make_worker(interval=0, batch=True).run()
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert job.rows_done > 0
    assert not Project.objects.exists()


def test_an_ended_job_cannot_be_cancelled(worker, write_workbook):
    job = wait_for(submit(write_workbook(valid())), ended)
    with pytest.raises(Exception, match="already ended"):
        job_cancel(job)


def test_a_second_import_waits_for_the_first(worker, write_workbook):
    """Another import (here: the lock held as `kcn import` holds it) keeps the job waiting."""
    path = write_workbook(valid())
    taken, release = threading.Event(), threading.Event()

    def other_import() -> None:
        try:
            with import_lock():
                taken.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=other_import)
    holder.start()
    assert taken.wait(10)
    job = submit(path)  # after the lock is taken: the worker cannot start before it
    time.sleep(0.5)
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED  # the worker took it but waits for the lock
    release.set()
    holder.join()
    assert wait_for(job, ended).status == JobStatus.SUCCEEDED


def test_the_lock_is_free_again_after_an_import(transactional_db):
    with import_lock() as first:
        assert first
    with import_lock(wait=False) as again:
        assert again


def test_jobs_left_running_by_a_killed_worker_are_marked_failed(transactional_db, tmp_path):
    job = Job.objects.create(kind="import", status=JobStatus.RUNNING, file_name="x.xlsx")
    files.store_upload(job.pk, [b"x"])
    assert jobs_interrupted_fail() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error
    assert not files.folder(job.pk).exists()


def _database_url() -> str:
    """The test database, as the worker's process finds it in DATABASE_URL."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    # The server's address as the tests were given it, with the test database's name.
    given = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(given._replace(path="/" + database["NAME"]))


@pytest.mark.slow
def test_kcn_worker_runs_jobs_in_its_own_process_and_stops_on_sigterm(
    transactional_db, write_workbook
):
    job = submit(write_workbook(valid()))
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "KCN_DATA_DIR": str(settings.DATA_DIR),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "kcn.cli", "--lang", "en", "worker", "--interval", "0.1"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        job = wait_for(job, ended, timeout=120)
    except AssertionError as error:
        process.kill()
        raise AssertionError(f"{error}; the worker said: {process.communicate()[1]}") from None
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert job.status == JobStatus.SUCCEEDED, (job.error, err)
    assert process.returncode == 0
    assert "Worker started" in err
