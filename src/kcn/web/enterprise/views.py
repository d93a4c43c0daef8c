"""The enterprise's own pages: the reports its projects owe and have sent, and the forms to
write them (draft, submit, correct after a return). Only an enterprise user, only its
investor's projects: another's project is a 404.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.models import Role
from kcn.accounts.permissions import current_user, role_required
from kcn.core.errors import KcnError, RecordError, RecordWarnings
from kcn.enterprise_reports import rules, selectors, services
from kcn.enterprise_reports.models import (
    LaborFiling,
    PeriodKind,
    ProjectReport,
    ReportingPeriod,
    ReportStatus,
)
from kcn.exchange.enterprise import enterprise_workbook, enterprise_workbook_submit
from kcn.projects.models import Project, ProjectEvent, ProjectEventKind, ProjectKind
from kcn.projects.selectors import visible_projects
from kcn.web.downloads import XLSX
from kcn.web.enterprise.forms import (
    FilingForm,
    LaborFilingForm,
    ProjectReportForm,
    WorkbookUploadForm,
)

enterprise_only = role_required(Role.ENTERPRISE)


def _own_projects(request: HttpRequest) -> Any:
    return visible_projects(current_user(request)).filter(kind=ProjectKind.SECONDARY)


@enterprise_only
def enterprise_home(request: HttpRequest) -> HttpResponse:
    """Every report the enterprise's projects owe, with its state, and what they have sent."""
    projects = _own_projects(request)
    today = timezone.localdate()
    rows = selectors.enterprise_home(projects, today)
    sent = [
        (report, reverse(url_name, args=[report.project.code, report.period]))
        for model, url_name in (
            (ProjectReport, "enterprise_report"),
            (LaborFiling, "enterprise_labor"),
        )
        for report in model.objects.filter(project__in=projects)
        .exclude(status=ReportStatus.DRAFT)
        .select_related("project")
    ]
    sent.sort(key=lambda item: (item[0].submitted_on, item[0].period), reverse=True)
    return render(
        request,
        "web/enterprise/home.html",
        {
            "owed": [row for row in rows if row.state not in ("accepted",)],
            "sent": sent,
            "projects": projects,
        },
    )


def _filing_page(
    request: HttpRequest,
    *,
    code: str,
    period: str,
    kind: str,
) -> HttpResponse:
    project = get_object_or_404(_own_projects(request), code=code)
    try:
        span = rules.quarter_span(period) if kind == PeriodKind.QUARTER else rules.half_span(period)
    except KcnError:
        raise Http404 from None
    model = ProjectReport if kind == PeriodKind.QUARTER else LaborFiling
    form_class: type[FilingForm] = (
        ProjectReportForm if kind == PeriodKind.QUARTER else LaborFilingForm
    )
    report = model.objects.filter(project=project, period=span.code).first()
    editable = report is None or report.is_editable_by_enterprise
    warnings: list[tuple[str, str]] = []
    if request.method == "POST":
        if not editable:
            return HttpResponse(status=409)
        form = form_class(request.POST)
        if form.is_valid():
            saved = _save(request, form, project, span.code, kind, warnings)
            if saved is not None:
                return redirect("enterprise_home")
    else:
        initial: dict[str, Any] = {}
        if report is not None:
            initial = {name: getattr(report, name) for name in form_class.figures}
            initial["note"] = report.note
        form = form_class(initial=initial)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "web/enterprise/filing.html",
        {
            "form": form,
            "project": project,
            "period": ReportingPeriod.objects.get(code=span.code),
            "report": report,
            "editable": editable,
            "warnings": warnings,
            "currency": _certificate_currency(project),
            "previous": services.previous_report_figures(project, span.code)
            if kind == PeriodKind.QUARTER
            else None,
            "kind": kind,
        },
        status=400 if form.errors or warnings else 200,
    )


def _save(
    request: HttpRequest,
    form: FilingForm,
    project: Project,
    period: str,
    kind: str,
    warnings: list[tuple[str, str]],
) -> Any:
    submit = "submit" in request.POST
    data = form.cleaned_data
    try:
        if kind == PeriodKind.QUARTER:
            saved: Any = services.project_report_save(
                project=project,
                period=period,
                figures=form.figure_values(),
                note=data["note"],
                submit=submit,
                confirmed=data["confirmed"],
                actor=current_user(request),
            )
        else:
            saved = services.labor_filing_save(
                project=project,
                period=period,
                figures=form.figure_values(),
                note=data["note"],
                submit=submit,
                actor=current_user(request),
            )
    except RecordWarnings as found:
        warnings.extend(found.warnings)
        for field, message in found.warnings:
            form.add_error(field if field in form.fields else None, message)
        return None
    except RecordError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None
    messages.success(
        request,
        _("The report was sent to the board.") if submit else _("The draft was saved."),
    )
    return saved


def _certificate_currency(project: Project) -> str:
    return (
        ProjectEvent.objects.filter(project=project, event=ProjectEventKind.ISSUED)
        .values_list("currency", flat=True)
        .first()
        or ""
    )


@enterprise_only
def project_report_form(request: HttpRequest, code: str, period: str) -> HttpResponse:
    """The quarterly report of one project (form A.III.1)."""
    return _filing_page(request, code=code, period=period, kind=PeriodKind.QUARTER)


@enterprise_only
def labor_filing_form(request: HttpRequest, code: str, period: str) -> HttpResponse:
    """The half-year labor report of one project."""
    return _filing_page(request, code=code, period=period, kind=PeriodKind.HALF_YEAR)


@enterprise_only
def enterprise_workbook_download(request: HttpRequest) -> FileResponse:
    """The enterprise's workbook: a row for each quarterly report still to send."""
    spool = tempfile.NamedTemporaryFile(suffix=".xlsx", dir=settings.FILE_UPLOAD_TEMP_DIR)  # noqa: SIM115
    enterprise_workbook(Path(spool.name), _own_projects(request), timezone.localdate())
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"bao-cao-du-an-{timezone.localdate():%Y-%m-%d}.xlsx",
        content_type=XLSX,
    )


@enterprise_only
def enterprise_workbook_upload(request: HttpRequest) -> HttpResponse:
    """Send the reports of the enterprise's workbook: all, or none with the problems or the
    warnings to confirm."""
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        with tempfile.TemporaryDirectory(
            prefix="kcn-enterprise-", dir=settings.FILE_UPLOAD_TEMP_DIR
        ) as folder:
            path = Path(folder) / "bao-cao.xlsx"
            with path.open("wb") as file:
                for chunk in upload.chunks():
                    file.write(chunk)
            try:
                result = enterprise_workbook_submit(
                    path,
                    projects=_own_projects(request),
                    actor=current_user(request),
                    today=timezone.localdate(),
                    confirmed=form.cleaned_data["confirmed"],
                )
            except KcnError as error:
                form.add_error("workbook", str(error))
        if result is not None and result.ok:
            messages.success(
                request,
                _("%(n)s report(s) sent to the board.") % {"n": len(result.sent)},
            )
            return redirect("enterprise_home")
    return render(
        request,
        "web/enterprise/upload.html",
        {"form": form, "result": result},
        status=400 if form.errors or (result is not None and not result.ok) else 200,
    )
