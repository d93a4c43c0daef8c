"""The worker that runs the jobs: django-tasks-db's, set up for kcn.

``kcn worker`` runs it in the foreground (a systemd service in production); ``kcn serve``
starts ``kcn worker`` as a child process beside the web server; tests run it in a thread.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django_tasks_db.management.commands.db_worker import Worker

from kcn.jobs import files
from kcn.jobs.locks import import_lock
from kcn.jobs.models import Job, JobStatus


def make_worker(*, interval: float = 1.0, batch: bool = False) -> Worker:
    """A worker of the default queue: it looks for a job every ``interval`` seconds when
    idle; with ``batch`` it stops once no job is waiting."""
    return Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )


def jobs_interrupted_fail() -> int:
    """Mark failed the jobs left "running" by a worker that was killed, and remove their
    files; their import was rolled back by the database. Nothing is done while an import
    runs (its job is not interrupted). Returns how many jobs were marked."""
    with import_lock(wait=False) as free:
        if not free:
            return 0
        stale = list(Job.objects.filter(status=JobStatus.RUNNING).values_list("pk", flat=True))
        for job_id in stale:
            files.remove(job_id)
        return Job.objects.filter(pk__in=stale).update(
            status=JobStatus.FAILED,
            finished_at=timezone.now(),
            error=_("The worker stopped while the job ran; nothing was imported."),
        )
