"""What the worker runs: a job, by its id."""

from __future__ import annotations

import time
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kcn.core.errors import KcnError
from kcn.core.oplog import logged_import
from kcn.core.periods import parse_period
from kcn.enterprise_reports.reminders import reminders_send
from kcn.exchange.importer import workbook_import
from kcn.jobs import files
from kcn.jobs.locks import import_lock
from kcn.jobs.models import Job, JobKind, JobStatus
from kcn.reports.files import report_file


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
            elif job.kind == JobKind.REPORT:
                _run_report(job)
            elif job.kind == JobKind.REMINDERS:
                _run_reminders(job)
    finally:
        if job.kind == JobKind.REPORT and job.status == JobStatus.SUCCEEDED:
            files.keep_result_only(job.pk)  # its file, until it is downloaded and expires
        else:
            files.remove(job.pk)
    return job.status


def _start(job: Job) -> bool:
    """Mark ``job`` running, unless it was cancelled while it waited (then it ends)."""
    if files.cancel_requested(job.pk):
        _finish(job, JobStatus.CANCELLED)
        return False
    job.status = JobStatus.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    return True


def _run_report(job: Job) -> None:
    """Write a period's report document (kcn.reports.files, as the page's quick download
    does) into the job's folder. A cancel is seen before the figures are read and once the
    document is rendered (a renderer is not interrupted midway): no file is kept."""
    if not _start(job):
        return
    started = time.monotonic()
    writer = files.ProgressWriter(job.pk, every=0)
    writer.advance(_("reading the figures and rendering the document"), 0)
    options = job.options
    try:
        made = report_file(
            parse_period(str(options.get("period", ""))),
            str(options.get("format", "")),
            live=bool(options.get("live")),
            language=job.language,
        )
    except KcnError as error:  # e.g. a VND amount with no exchange rate in force
        _finish(job, JobStatus.FAILED, error=_one_line(error))
        return
    except Exception as error:
        _finish(job, JobStatus.FAILED, error=_one_line(error))
        raise
    if files.cancel_requested(job.pk):
        _finish(job, JobStatus.CANCELLED)
        return
    files.store_result(job.pk, made.content)
    _finish(
        job,
        JobStatus.SUCCEEDED,
        file_name=made.name[:255],
        summary={
            "content_type": made.content_type,
            "bytes": len(made.content),
            "seconds": round(time.monotonic() - started, 2),
        },
    )


def _run_reminders(job: Job) -> None:
    """Send the reminders due today (``kcn remind``'s function): a report already reminded
    today, by any run or by staff, is not reminded again."""
    if not _start(job):
        return
    today = job.scheduled_for or timezone.localdate()
    try:
        result = reminders_send(today, actor=job.created_by)
    except Exception as error:  # e.g. the mail server refused: what was sent is logged
        _finish(job, JobStatus.FAILED, error=_one_line(error))
        raise
    _finish(
        job,
        JobStatus.SUCCEEDED,
        summary={
            "day": today.isoformat(),
            "sent": sum(len(letter.items) for letter in result.letters),
            "letters": len(result.letters),
            "without_address": len(result.without_address),
        },
    )


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
