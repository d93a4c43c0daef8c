"""The worker that runs the jobs: django-tasks-db's, set up for kcn.

``kcn worker`` runs it in the foreground (a systemd service in production); ``kcn serve``
starts ``kcn worker`` as a child process beside the web server; tests run it in a thread.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django_tasks_db.management.commands.db_worker import Worker

from kcn.jobs import files
from kcn.jobs.locks import import_lock
from kcn.jobs.models import Job, JobKind, JobStatus
from kcn.jobs.services import daily_jobs_queue, job_results_expire

logger = logging.getLogger("kcn.jobs")

# How often a worker that runs the daily jobs looks at the clock (seconds).
DAILY_CHECK_EVERY = 60.0


class _Quiet(logging.Filter):
    """django-tasks-db's worker says it starts and stops each time it looks at the queue
    in batch mode; a daily worker does that every ``interval``: not worth a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not message.startswith(("Starting worker", "No more tasks to run"))


class DailyWorker(Worker):
    """django-tasks-db's worker that also queues the day's jobs (the reminders to
    enterprises, ``KCN_REMIND_AT``) and removes expired report files, once a minute.

    It runs django-tasks-db's own loop in batch mode (the jobs waiting now), then looks
    at the clock, sleeps ``interval`` and starts again, until stopped."""

    def __init__(self, *, check_every: float = DAILY_CHECK_EVERY, **options: Any) -> None:
        super().__init__(**options)
        self.check_every = check_every
        self._checked_at: float | None = None

    def run(self) -> None:
        if self.batch:
            self.daily_check()
            super().run()
            return
        logger.info("Worker %s: jobs, and the daily jobs from KCN_REMIND_AT", self.worker_id)
        quiet = _Quiet()
        library = logging.getLogger("django_tasks_db")
        library.addFilter(quiet)
        self.batch = True
        try:
            while self.running:
                self.daily_check()
                super().run()
                if self.running:
                    time.sleep(self.interval)
        finally:
            self.batch = False
            library.removeFilter(quiet)

    def daily_check(self) -> None:
        """Queue the day's reminders if due; at most every ``check_every`` seconds. A
        failure (the database busy) is logged and tried again at the next check."""
        now = time.monotonic()
        if self._checked_at is not None and now - self._checked_at < self.check_every:
            return
        self._checked_at = now
        try:
            job = daily_jobs_queue()
            job_results_expire()
        except Exception:
            logger.exception("The daily jobs could not be queued; trying again later")
            return
        if job is not None:
            logger.info("Queued the day's reminders: job %s", job.pk)


def make_worker(*, interval: float = 1.0, batch: bool = False, daily: bool = False) -> Worker:
    """A worker of the default queue: it looks for a job every ``interval`` seconds when
    idle; with ``batch`` it stops once no job is waiting; with ``daily`` it also queues the
    day's reminders (``kcn worker`` does, tests choose)."""
    options: dict[str, Any] = {
        "queue_names": ["default"],
        "interval": interval,
        "batch": batch,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": get_random_string(32),
        "excluded_queue_names": [],
    }
    if daily:
        return DailyWorker(**options)
    return Worker(**options)


def jobs_interrupted_fail() -> int:
    """Mark failed the jobs left "running" by a worker that was killed, and remove their
    files; their import was rolled back by the database, their report never written.
    Nothing is done while an import runs (its job is not interrupted). Returns how many
    jobs were marked."""
    with import_lock(wait=False) as free:
        if not free:
            return 0
        stale = list(Job.objects.filter(status=JobStatus.RUNNING).values_list("pk", flat=True))
        for job_id in stale:
            files.remove(job_id)
        errors = {
            JobKind.IMPORT: _("The worker stopped while the job ran; nothing was imported."),
            JobKind.REPORT: _("The worker stopped while the job ran; make the document again."),
            JobKind.REMINDERS: _(
                "The worker stopped while the job ran; the reminders sent are logged, "
                "start it again to send the others."
            ),
        }
        return sum(
            Job.objects.filter(pk__in=stale, kind=kind).update(
                status=JobStatus.FAILED, finished_at=timezone.now(), error=error
            )
            for kind, error in errors.items()
        )
