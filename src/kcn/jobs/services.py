"""Starting and cancelling jobs."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.core.errors import KcnError
from kcn.core.periods import Period
from kcn.exchange import xlsx
from kcn.jobs import files
from kcn.jobs.models import FINISHED, Job, JobKind, JobStatus
from kcn.jobs.tasks import run_job

# Larger workbooks are imported with `kcn import` on the server (an upload is held in memory
# and on disk twice).
MAX_UPLOAD_MB = 200


def upload_problem(name: str, size: int, file: IO[bytes] | None = None) -> str | None:
    """Why an uploaded file cannot be imported as a workbook, or None.

    With ``file`` (the upload itself), a file that is no workbook — a text, a PDF, an old
    .xls, one cut short — is refused at once, saying what it is; what its sheets hold is the
    import's to check.
    """
    if not name.lower().endswith(".xlsx"):
        return _("Choose an .xlsx file.")
    if size > MAX_UPLOAD_MB * 1024 * 1024:
        return _("The file is larger than %(mb)s MB: import it with `kcn import`.") % {
            "mb": MAX_UPLOAD_MB
        }
    if file is not None:
        problem = xlsx.upload_problem(file)
        if problem is not None:
            return _("%(file)s is not an Excel workbook (.xlsx): %(problem)s") % {
                "file": name,
                "problem": problem,
            }
    return None


def import_submit(*, chunks: Iterable[bytes], file_name: str, actor: User | None) -> Job:
    """Queue the import of an uploaded workbook; a worker runs it (``tasks.run_job``).

    The file is kept in the job's folder until the job ends. The job and its place in the
    queue are written in one transaction: a job is never queued without its row, nor
    recorded without being queued.
    """
    job_id = uuid.uuid4()
    files.store_upload(job_id, chunks)
    try:
        with transaction.atomic(durable=True):
            job = Job.objects.create(
                id=job_id,
                kind=JobKind.IMPORT,
                file_name=file_name[:255],
                language=translation.get_language() or "vi",
                created_by=actor,
            )
            run_job.enqueue(str(job.pk))
    except BaseException:
        files.remove(job_id)
        raise
    return job


# The report documents the reports page makes through a job: every file to download
# (docs/decisions/0013-report-and-reminder-jobs.md); the web page to read stays a page.
REPORT_JOB_FORMATS = ("docx", "pdf", "md")


def _queue(job_id: uuid.UUID, **values: Any) -> Job:
    """Record the job ``job_id`` and queue it, in one transaction; its folder first."""
    files.create(job_id)
    try:
        with transaction.atomic(durable=True):
            job = Job.objects.create(id=job_id, **values)
            run_job.enqueue(str(job.pk))
    except BaseException:
        files.remove(job_id)
        raise
    return job


def report_submit(*, period: Period, fmt: str, live: bool, actor: User | None) -> Job:
    """Queue the making of ``period``'s report document in ``fmt`` (Word, PDF, Markdown), in the
    actor's language; the file stays in the job's folder for its download."""
    if fmt not in REPORT_JOB_FORMATS:
        raise KcnError(_("Unknown report format: %(format)s.") % {"format": fmt})
    return _queue(
        uuid.uuid4(),
        kind=JobKind.REPORT,
        options={"period": period.code, "format": fmt, "live": live},
        language=translation.get_language() or "vi",
        created_by=actor,
    )


def reminders_submit(*, actor: User | None) -> Job:
    """Queue the sending of today's reminders to enterprises (``kcn remind``'s work). The
    letters are in the site's language (Vietnamese), whatever the language of the leader
    who asks: they go to the enterprises."""
    return _queue(
        uuid.uuid4(),
        kind=JobKind.REMINDERS,
        language=settings.LANGUAGE_CODE,
        created_by=actor,
    )


def remind_at() -> dt.time | None:
    """From what local time the worker sends the day's reminders (``KCN_REMIND_AT``);
    None when it does not ("off": cron or a systemd timer runs ``kcn remind``)."""
    raw = str(settings.KCN_REMIND_AT).strip().lower()
    if raw in ("", "off", "0", "no", "false"):
        return None
    try:
        return dt.time.fromisoformat(raw)
    except ValueError:
        raise KcnError(
            _("KCN_REMIND_AT must be a time such as 07:30, or off; it is %(value)s.")
            % {"value": settings.KCN_REMIND_AT}
        ) from None


def daily_jobs_queue(now: dt.datetime | None = None) -> Job | None:
    """Queue today's reminders once it is ``KCN_REMIND_AT`` or later, if no worker has
    queued them today yet (one a day: ``job_scheduled_once_a_day``); the job, or None."""
    at = remind_at()
    local = timezone.localtime(now)
    if at is None or local.time() < at:
        return None
    today = local.date()
    if Job.objects.filter(kind=JobKind.REMINDERS, scheduled_for=today).exists():
        return None
    try:
        return _queue(
            uuid.uuid4(),
            kind=JobKind.REMINDERS,
            scheduled_for=today,
            language=settings.LANGUAGE_CODE,
        )
    except IntegrityError:  # another worker queued them at the same moment
        return None


def job_results_expire(now: dt.datetime | None = None) -> int:
    """Remove the files of report jobs that ended more than ``KCN_JOB_FILES_DAYS`` days
    ago (the job's row stays); returns how many were removed."""
    limit = (now or timezone.now()) - dt.timedelta(days=settings.KCN_JOB_FILES_DAYS)
    old = Job.objects.filter(
        kind=JobKind.REPORT, status__in=FINISHED, finished_at__lt=limit
    ).values_list("pk", flat=True)
    removed = 0
    for job_id in old:
        if files.folder(job_id).exists():
            files.remove(job_id)
            removed += 1
    return removed


def job_file(job: Job) -> Path | None:
    """The file a report job made, while it is kept; else None."""
    if job.kind != JobKind.REPORT or job.status != JobStatus.SUCCEEDED:
        return None
    path = files.result_path(job.pk)
    return path if path.is_file() else None


def job_cancel(job: Job) -> None:
    """Ask the worker to stop ``job``: a waiting job never starts, a running import stops at
    its next batch of rows and writes nothing, a running report keeps no file. Refused
    once the job has ended.

    Only a file is written (``files.request_cancel``), never the database: the import being
    cancelled may hold its write lock.
    """
    if job.is_finished:
        raise KcnError(
            _("The job has already ended (%(status)s).") % {"status": job.get_status_display()}
        )
    files.request_cancel(job.pk)
