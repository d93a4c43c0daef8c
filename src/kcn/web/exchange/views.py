"""Import and export of the exchange workbook in the browser."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.core.oplog import logged_import
from kcn.exchange.exporter import workbook_export
from kcn.exchange.importer import workbook_import
from kcn.exchange.schema import SHEETS_BY_NAME
from kcn.web.exchange.forms import UploadForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


MAX_UPLOAD_MB = 200


@board_member
def exchange_page(request: HttpRequest) -> HttpResponse:
    return render(request, "web/exchange/page.html", {"form": UploadForm()})


@require_POST
@editor
def exchange_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "web/exchange/page.html", {"form": form}, status=400)
    upload = form.cleaned_data["workbook"]
    user = current_user(request)
    # In the process's own uploads folder: removed even if the process is killed (ops/uploads).
    with (
        tempfile.TemporaryDirectory(
            prefix="kcn-upload-", dir=settings.FILE_UPLOAD_TEMP_DIR
        ) as folder,
        logged_import(source="web", file=upload.name, user=user.username) as log,
    ):
        path = Path(folder) / "upload.xlsx"
        with path.open("wb") as file:
            for chunk in upload.chunks():
                file.write(chunk)
        result = log.result = workbook_import(path, actor=user)
    summary = [
        (SHEETS_BY_NAME[name].label if name in SHEETS_BY_NAME else name, sheet)
        for name, sheet in result.summary.items()
    ]
    return render(
        request,
        "web/exchange/page.html",
        {"form": UploadForm(), "result": result, "summary": summary, "file_name": upload.name},
        status=200 if result.ok else 422,
    )


@board_member
def exchange_export(request: HttpRequest) -> FileResponse:
    """Every record as an exchange workbook that an empty database re-imports as it is."""
    spool = tempfile.NamedTemporaryFile(suffix=".xlsx", dir=settings.FILE_UPLOAD_TEMP_DIR)  # noqa: SIM115
    workbook_export(Path(spool.name), english_keys=request.GET.get("keys") == "1")
    spool.seek(0)
    name = f"kcn-{timezone.localdate():%Y-%m-%d}.xlsx"
    return FileResponse(spool, as_attachment=True, filename=name, content_type=XLSX)
