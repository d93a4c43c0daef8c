"""Starting and cancelling jobs."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import IO

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.core.errors import KcnError
from kcn.exchange import xlsx
from kcn.jobs import files
from kcn.jobs.models import Job, JobKind
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


def job_cancel(job: Job) -> None:
    """Ask the worker to stop ``job``: a waiting job never starts, a running import stops at
    its next batch of rows and writes nothing. Refused once the job has ended.

    Only a file is written (``files.request_cancel``), never the database: the import being
    cancelled may hold its write lock.
    """
    if job.is_finished:
        raise KcnError(
            _("The job has already ended (%(status)s).") % {"status": job.get_status_display()}
        )
    files.request_cancel(job.pk)
