"""Import and export of the exchange workbook in the browser.

An import is a background job (kcn.jobs): the upload is queued and the browser goes to the
job's page, which follows its progress and then lists its problems or its summary. A
worker runs the jobs one after the other (``kcn worker``; ``kcn serve`` starts one).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.core.errors import KcnError
from kcn.exchange.exporter import workbook_export
from kcn.exchange.schema import SHEETS_BY_NAME
from kcn.jobs import selectors as jobs
from kcn.jobs import services
from kcn.jobs.models import JobKind
from kcn.web.exchange.forms import UploadForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REFRESH_SECONDS = 2  # how often the page of a job that has not ended reloads itself


@board_member
def exchange_page(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    return render(
        request,
        "web/exchange/page.html",
        {"form": UploadForm(), "jobs": jobs.visible_jobs(user, JobKind.IMPORT)[:10]},
    )


@require_POST
@editor
def exchange_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "web/exchange/page.html", {"form": form}, status=400)
    upload = form.cleaned_data["workbook"]
    job = services.import_submit(
        chunks=upload.chunks(), file_name=upload.name, actor=current_user(request)
    )
    return redirect("exchange_job", job_id=job.pk)


@editor
def exchange_job(request: HttpRequest, job_id: str) -> HttpResponse:
    """Where an import stands; when it has ended, its summary or its problems."""
    job = get_object_or_404(jobs.visible_jobs(current_user(request)), pk=job_id)
    if job.kind != JobKind.IMPORT:
        return redirect("job_page", job_id=job.pk)
    summary = [
        (SHEETS_BY_NAME[name].label if name in SHEETS_BY_NAME else name, sheet)
        for name, sheet in (job.summary or {}).items()
    ]
    response = render(
        request,
        "web/exchange/job.html",
        {
            "job": job,
            "progress": jobs.job_progress(job),
            "cancel_requested": jobs.cancel_requested(job),
            "summary": summary,
            "rows": sum(sheet["rows"] for _label, sheet in summary),
        },
    )
    if not job.is_finished:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_POST
@editor
def exchange_job_cancel(request: HttpRequest, job_id: str) -> HttpResponse:
    job = get_object_or_404(jobs.visible_jobs(current_user(request), JobKind.IMPORT), pk=job_id)
    try:
        services.job_cancel(job)
    except KcnError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The import is being cancelled: nothing will be written."))
    return redirect("exchange_job", job_id=job.pk)


@board_member
def exchange_export(request: HttpRequest) -> FileResponse:
    """Every record as an exchange workbook that an empty database re-imports as it is."""
    spool = tempfile.NamedTemporaryFile(suffix=".xlsx", dir=settings.FILE_UPLOAD_TEMP_DIR)  # noqa: SIM115
    workbook_export(Path(spool.name), english_keys=request.GET.get("keys") == "1")
    spool.seek(0)
    name = f"kcn-{timezone.localdate():%Y-%m-%d}.xlsx"
    return FileResponse(spool, as_attachment=True, filename=name, content_type=XLSX)
