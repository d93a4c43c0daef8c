"""What the worker runs: a job, by its id."""

from __future__ import annotations

from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kcn.core.errors import KcnError
from kcn.core.oplog import logged_import
from kcn.exchange.importer import workbook_import
from kcn.jobs import files
from kcn.jobs.locks import import_lock
from kcn.jobs.models import Job, JobKind, JobStatus


class JobCancelled(Exception):
    """Raised inside a running import when its job is cancelled: the import rolls back."""


@task()
def run_job(job_id: str) -> str:
    """Run the job ``job_id`` and record how it ended; returns its final status."""
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with translation.override(job.language):
            if job.kind == JobKind.IMPORT:
                _run_import(job)
    finally:
        files.remove(job.pk)
    return job.status


def _run_import(job: Job) -> None:
    if files.cancel_requested(job.pk):
        _finish(job, JobStatus.CANCELLED)
        return
    with import_lock():  # a second import waits here for the first to end
        if files.cancel_requested(job.pk):
            _finish(job, JobStatus.CANCELLED)
            return
        job.status = JobStatus.RUNNING
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at"])
        writer = files.ProgressWriter(job.pk)

        def progress(sheet: str, rows: int) -> None:
            writer.advance(sheet, rows)
            if files.cancel_requested(job.pk):
                raise JobCancelled

        user = job.created_by.username if job.created_by else None
        try:
            with logged_import(source="job", file=job.file_name, user=user) as log:
                result = log.result = workbook_import(
                    files.upload_path(job.pk),
                    actor=job.created_by,
                    name=job.file_name,
                    progress=progress,
                )
        except JobCancelled:
            _finish(job, JobStatus.CANCELLED, rows_done=writer.rows)
            return
        except KcnError as error:  # a file that is no workbook, damaged or hostile: said
            _finish(job, JobStatus.FAILED, rows_done=writer.rows, error=_one_line(error))
            return
        except Exception as error:
            _finish(job, JobStatus.FAILED, rows_done=writer.rows, error=_one_line(error))
            raise
    _finish(
        job,
        JobStatus.SUCCEEDED if result.ok else JobStatus.FAILED,
        rows_done=result.rows,
        summary={name: vars(sheet) for name, sheet in result.summary.items()},
        problems=[
            {"sheet": problem.sheet, "cell": problem.cell, "message": problem.message}
            for problem in result.problems.listed
        ],
        problems_total=result.problems.total,
        warnings=[
            {"sheet": warning.sheet, "cell": warning.cell, "message": warning.message}
            for warning in result.warnings.listed
        ],
    )


def _finish(job: Job, status: str, **values: Any) -> None:
    job.status = status
    job.finished_at = timezone.now()
    for name, value in values.items():
        setattr(job, name, value)
    job.save()


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else _("internal error: %(kind)s") % {"kind": type(error).__name__}
