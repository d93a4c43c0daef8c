"""Projects: the register, a project's page (its ledger as a timeline, labor, inspections, history),
registering a project with its certificate, editing its own fields, its ledger's events and
labor reports.

Entry views: editors only; a form; one service (``entry_page``); back to the project's page.
The services check the same rules as the import, refuse an edit or a "new" entry that would
overwrite what someone else recorded meanwhile, and write the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.accounts.permissions import current_user, editor, leader, signed_in
from kcn.audit.selectors import record_history
from kcn.enterprise_reports import selectors as enterprise_reports
from kcn.projects import selectors as projects
from kcn.projects import services
from kcn.projects.models import (
    LaborReport,
    Origin,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.projects.sheets import LABOR_REPORTS, PROJECT_EVENTS, PROJECTS
from kcn.web.entry import entry_page
from kcn.web.inputs import sector_name
from kcn.web.listing import ordering, page_of, requested_search, sort_key
from kcn.web.projects.forms import (
    LEDGER_KINDS,
    CertificateForm,
    LaborReportForm,
    LedgerEventForm,
    ProjectEditForm,
)
from kcn.web.sheetforms import record_arguments
from kcn.web.voiding import void_page
from kcn.zones.models import Zone


@signed_in
def project_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    key = sort_key(request, projects.PROJECT_SORTS, "code")
    found = projects.project_list(
        user=user,
        as_of=timezone.localdate(),
        search=requested_search(request),
        zone=request.GET.get("zone", ""),
        origin=request.GET.get("origin", ""),
        kind=request.GET.get("kind", ""),
        status=request.GET.get("status", ""),
        order=ordering(key, projects.PROJECT_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/projects/list.html",
        {
            "page": page,
            "rows": projects.with_status(page, timezone.localdate()),
            "zones": Zone.objects.order_by("code").values_list("code", "name")
            if user.is_board_member
            else [],
            "origins": Origin.choices,
            "kinds": ProjectKind.choices,
            "statuses": list(projects.STATUS_LABELS.items()),
            "status_labels": projects.STATUS_LABELS,
            "default_sort": "code",
        },
    )


@signed_in
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    user = current_user(request)
    project = get_object_or_404(
        projects.visible_projects(user).select_related("zone", "investor"), code=code
    )
    return render(
        request,
        "web/projects/detail.html",
        {
            "project": project,
            "timeline": projects.project_timeline(project, with_voided=user.is_board_member),
            "capital": projects.project_capital(project),
            "sector_name": sector_name(project.sector),
            "labor_reports": projects.project_labor_reports(
                project, with_voided=user.is_board_member
            )[:40],
            "inspections": project.inspections.order_by("-date"),
            "project_reports": enterprise_reports.project_reports_of(project)[:12],
            "labor_filings": enterprise_reports.labor_filings_of(project)[:6],
            "history": record_history(
                project,
                parts=(
                    ProjectEvent.all_objects.filter(project=project),
                    LaborReport.all_objects.filter(project=project),
                    project.inspections.all(),
                ),
            )
            if user.is_board_member
            else [],
        },
    )


def project_page(item: Any) -> str:
    """The page of the project a record belongs to (or of the project itself)."""
    project = item if isinstance(item, Project) else item.project
    return reverse("project_detail", args=[project.code])


def recorded(_item: Any) -> str:
    return _("Recorded.")


@editor
def project_new(request: HttpRequest) -> HttpResponse:
    """Issue a certificate to a new project."""

    def save(data: dict[str, Any]) -> Project:
        return services.project_register(
            **record_arguments(PROJECTS, data),
            **record_arguments(PROJECT_EVENTS, data),  # the certificate: date, capital …
            new_investor=data["new_investor"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        CertificateForm(request.POST or None),
        save,
        title=_("Issue an investment registration certificate"),
        submit=_("Issue"),
        cancel=reverse("project_list"),
        success=lambda project: (
            _("Certificate issued to project %(code)s.") % {"code": project.code}
        ),
        next_url=project_page,
    )


@editor
def project_edit(request: HttpRequest, code: str) -> HttpResponse:
    """Change a project's own fields; refused if someone else changed them meanwhile."""
    project = get_object_or_404(Project.objects.select_related("zone", "investor"), code=code)
    initial = {
        **ProjectEditForm.initial_from(project),
        "fingerprint": services.project_fingerprint(project),
    }

    def save(data: dict[str, Any]) -> Project:
        return services.project_edit(
            project=project,
            fingerprint=data["fingerprint"],
            **record_arguments(PROJECTS, data),
            actor=current_user(request),
        )

    return entry_page(
        request,
        ProjectEditForm(request.POST or None, initial=initial),
        save,
        title=_("Edit project %(project)s") % {"project": f"{project.code} {project.name}"},
        submit=_("Save"),
        cancel=project_page(project),
        success=lambda _project: _("Saved."),
        next_url=project_page,
    )


LEDGER_TITLES = {
    ProjectEventKind.ADJUSTED: gettext_lazy("Record an amendment of the certificate"),
    ProjectEventKind.OPERATIONAL: gettext_lazy("Record that the project entered operation"),
    ProjectEventKind.SUSPENDED: gettext_lazy("Record a suspension"),
    ProjectEventKind.RESUMED: gettext_lazy("Record a resumption"),
    ProjectEventKind.TERMINATED: gettext_lazy("Record the termination"),
}


# The service that records each kind of event (an amendment also takes its capital).
LEDGER_SERVICES: dict[ProjectEventKind, Callable[..., ProjectEvent]] = {
    ProjectEventKind.OPERATIONAL: services.project_mark_operational,
    ProjectEventKind.SUSPENDED: services.project_suspend,
    ProjectEventKind.RESUMED: services.project_resume,
    ProjectEventKind.TERMINATED: services.project_terminate,
}


@editor
def ledger_event_new(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    if kind not in LEDGER_KINDS:
        raise Http404
    project = get_object_or_404(Project, code=code)
    event = ProjectEventKind(kind)

    def save(data: dict[str, Any]) -> Any:
        common = {
            "project": project,
            "date": data["date"],
            "note": data["note"],
            "actor": current_user(request),
        }
        if event is ProjectEventKind.ADJUSTED:
            return services.certificate_amend(
                **common,
                capital_change=data["capital_change"],
                currency=data["currency"],
                certificate_no=data["certificate_no"],
            )
        return LEDGER_SERVICES[event](**common)

    return entry_page(
        request,
        LedgerEventForm(request.POST or None, kind=kind),
        save,
        title=f"{LEDGER_TITLES[event]}: {project.code} {project.name}",
        submit=_("Record"),
        cancel=project_page(project),
        success=recorded,
        next_url=project_page,
    )


@editor
def labor_report_new(request: HttpRequest, code: str) -> HttpResponse:
    project = get_object_or_404(Project, code=code)

    def save(data: dict[str, Any]) -> LaborReport:
        return services.labor_report_record(
            project=project,
            **record_arguments(LABOR_REPORTS, data),
            replace=data["replace"],
            confirmed=data["confirmed"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        LaborReportForm(request.POST or None),
        save,
        title=_("Record a labor report: %(project)s")
        % {"project": f"{project.code} {project.name}"},
        submit=_("Record"),
        cancel=project_page(project),
        success=recorded,
        next_url=project_page,
    )


@leader
def ledger_event_void(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A leader voids a wrong event of the ledger, saying why."""
    event = get_object_or_404(
        ProjectEvent.all_objects.select_related("project"), pk=pk, project__code=code
    )
    return void_page(
        request,
        record=_("'%(event)s' of %(date)s, project %(code)s")
        % {
            "event": event.get_event_display(),
            "date": event.date.strftime("%d/%m/%Y"),
            "code": event.project.code,
        },
        void=lambda reason: services.project_event_void(
            event=event, reason=reason, actor=current_user(request)
        ),
        back=project_page(event.project),
    )


@leader
def labor_report_void(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A leader voids a wrong labor report, saying why."""
    report = get_object_or_404(
        LaborReport.all_objects.select_related("project"), pk=pk, project__code=code
    )
    return void_page(
        request,
        record=_("the labor report to %(date)s, project %(code)s")
        % {"date": report.period_end.strftime("%d/%m/%Y"), "code": report.project.code},
        void=lambda reason: services.labor_report_void(
            report=report, reason=reason, actor=current_user(request)
        ),
        back=project_page(report.project),
    )
