"""Reads of jobs: who sees which, and how far a running one has got."""

from __future__ import annotations

from django.db.models import QuerySet

from kcn.accounts.models import BOARD_ROLES, Role, User
from kcn.jobs import files
from kcn.jobs.models import Job, JobKind, JobStatus


def visible_jobs(user: User, kind: str | None = None) -> QuerySet[Job]:
    """A leader sees every job; a specialist the jobs it started; a viewer the report
    documents it asked for; others none. Of one ``kind`` if given."""
    jobs = Job.objects.select_related("created_by")
    if kind is not None:
        jobs = jobs.filter(kind=kind)
    if user.role == Role.LEADER:
        return jobs
    if user.can_edit_records:
        return jobs.filter(created_by=user)
    if user.role in BOARD_ROLES:
        return jobs.filter(created_by=user, kind=JobKind.REPORT)
    return jobs.none()


def job_progress(job: Job) -> files.Progress:
    """Rows read so far and the sheet being read: live while the job runs."""
    if job.status == JobStatus.RUNNING:
        live = files.read_progress(job.pk)
        if live is not None:
            return live
    return files.Progress(rows=job.rows_done)


def cancel_requested(job: Job) -> bool:
    """Whether someone asked to cancel the job and it has not ended yet."""
    return not job.is_finished and files.cancel_requested(job.pk)
