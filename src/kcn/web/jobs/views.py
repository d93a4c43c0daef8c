"""A report document or the day's reminders as a background job (kcn.jobs): the page or
the inbox queues it and the browser goes to the job's page, which reloads itself until the
job ends, then offers the file or says what was sent. Imports have their own page
(web/exchange), which these pages share the job records with.

docs/decisions/0013-report-and-reminder-jobs.md says which documents are jobs and why.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts.permissions import board_member, current_user, leader
from kcn.core.errors import KcnError
from kcn.core.periods import parse_period
from kcn.jobs import selectors as jobs
from kcn.jobs import services
from kcn.jobs.models import JobKind

REFRESH_SECONDS = 2  # how often the page of a job that has not ended reloads itself


@require_POST
@board_member
def report_job_start(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """Queue the report document of a period (the published figures, or today's with
    ``live=1``); whoever may read the reports page may ask for it."""
    try:
        period = parse_period(code)
    except KcnError:
        raise Http404 from None
    if fmt not in services.REPORT_JOB_FORMATS:
        raise Http404
    job = services.report_submit(
        period=period,
        fmt=fmt,
        live=request.POST.get("live") == "1",
        actor=current_user(request),
    )
    return redirect("job_page", job_id=job.pk)


@require_POST
@leader
def reminders_job_start(request: HttpRequest) -> HttpResponse:
    """Queue the sending of today's reminders, as the worker does every morning."""
    job = services.reminders_submit(actor=current_user(request))
    return redirect("job_page", job_id=job.pk)


@board_member
def job_page(request: HttpRequest, job_id: str) -> HttpResponse:
    job = get_object_or_404(jobs.visible_jobs(current_user(request)), pk=job_id)
    if job.kind == JobKind.IMPORT:
        return redirect("exchange_job", job_id=job.pk)
    options = job.options or {}
    if job.kind == JobKind.REPORT:
        back = f"{reverse('report_page')}?{urlencode({'period': options.get('period', '')})}"
    else:
        back = reverse("report_inbox")
    response = render(
        request,
        "web/jobs/job.html",
        {
            "job": job,
            "options": options,
            "summary": job.summary or {},
            "progress": jobs.job_progress(job),
            "cancel_requested": jobs.cancel_requested(job),
            "has_file": services.job_file(job) is not None,
            "back": back,
        },
    )
    if not job.is_finished:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_POST
@board_member
def job_cancel_view(request: HttpRequest, job_id: str) -> HttpResponse:
    job = get_object_or_404(jobs.visible_jobs(current_user(request)), pk=job_id)
    try:
        services.job_cancel(job)
    except KcnError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The job is being cancelled."))
    return redirect("job_page", job_id=job.pk)


@board_member
def job_file_download(request: HttpRequest, job_id: str) -> FileResponse:
    """The report document a job made, under its own name, while it is kept."""
    job = get_object_or_404(jobs.visible_jobs(current_user(request), JobKind.REPORT), pk=job_id)
    path = services.job_file(job)
    if path is None:
        raise Http404
    content_type = str((job.summary or {}).get("content_type", "application/octet-stream"))
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=job.file_name, content_type=content_type
    )
