"""The registers: lists with search, filters, sorting and pagination, and detail pages.

Board members (leader, specialist, viewer) read every register; an
enterprise user reads only its own projects and their inspections (others
are 404) and is refused the board-wide registers.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kcn.accounts.permissions import board_member, current_user, signed_in
from kcn.audit.selectors import record_history
from kcn.documents import selectors as documents
from kcn.documents.models import Direction, Document
from kcn.dossiers import selectors as dossiers
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import Channel, Dossier
from kcn.indicators import selectors as indicators
from kcn.indicators.registry import INDICATORS
from kcn.investors import selectors as investors
from kcn.investors.models import Investor
from kcn.projects import selectors as projects
from kcn.projects.models import InspectionKind, Origin, ProjectKind
from kcn.reports.sections import Section
from kcn.web import selectors as writings
from kcn.web.listing import ordering, page_of, sort_key
from kcn.zones import selectors as zones
from kcn.zones.models import Zone


def _year(request: HttpRequest) -> int | None:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1900 < int(text) < 2200 else None


def _search(request: HttpRequest) -> str:
    return request.GET.get("q", "").strip()


@board_member
def zone_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, zones.ZONE_SORTS, "code")
    found = zones.zone_list(
        search=_search(request),
        province=request.GET.get("province", ""),
        order=ordering(key, zones.ZONE_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/registries/zone_list.html",
        {
            "page": page,
            "rows": zones.with_project_counts(page),
            "provinces": zones.zone_provinces(),
            "default_sort": "code",
        },
    )


@board_member
def zone_detail(request: HttpRequest, code: str) -> HttpResponse:
    zone = get_object_or_404(Zone.objects.select_related("parent", "developer"), code=code)
    return render(
        request,
        "web/registries/zone_detail.html",
        {
            "zone": zone,
            "milestones": zones.zone_milestones(zone),
            "phases": zone.phases.order_by("code"),
            "history": record_history(zone),
        },
    )


@board_member
def investor_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, investors.INVESTOR_SORTS, "name")
    found = investors.investor_list(
        search=_search(request),
        country=request.GET.get("country", ""),
        order=ordering(key, investors.INVESTOR_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/registries/investor_list.html",
        {
            "page": page,
            "rows": investors.with_project_counts(page),
            "countries": investors.investor_countries(),
            "default_sort": "name",
        },
    )


@board_member
def investor_detail(request: HttpRequest, code: str) -> HttpResponse:
    investor = get_object_or_404(Investor, code=code)
    found = projects.with_status(
        projects.project_list(user=current_user(request), as_of=timezone.localdate()).filter(
            investor=investor
        ),
        timezone.localdate(),
    )
    return render(
        request,
        "web/registries/investor_detail.html",
        {
            "investor": investor,
            "projects": found,
            "status_labels": projects.STATUS_LABELS,
            "history": record_history(investor),
        },
    )


@signed_in
def project_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    key = sort_key(request, projects.PROJECT_SORTS, "code")
    found = projects.project_list(
        user=user,
        as_of=timezone.localdate(),
        search=_search(request),
        zone=request.GET.get("zone", ""),
        origin=request.GET.get("origin", ""),
        kind=request.GET.get("kind", ""),
        status=request.GET.get("status", ""),
        order=ordering(key, projects.PROJECT_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/registries/project_list.html",
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
        "web/registries/project_detail.html",
        {
            "project": project,
            "timeline": projects.project_timeline(project),
            "capital": projects.project_capital(project),
            "labor_reports": projects.project_labor_reports(project)[:40],
            "inspections": project.inspections.order_by("-date"),
            "history": record_history(
                project,
                parts=(
                    project.events.all(),
                    project.labor_reports.all(),
                    project.inspections.all(),
                ),
            )
            if user.is_board_member
            else [],
        },
    )


@board_member
def dossier_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, dossiers.DOSSIER_SORTS, "-received")
    found = dossiers.dossier_list(
        today=timezone.localdate(),
        calendar=board_calendar(),
        search=_search(request),
        procedure=request.GET.get("procedure", ""),
        status=request.GET.get("status", ""),
        year=_year(request),
        order=ordering(key, dossiers.DOSSIER_SORTS),
    )
    return render(
        request,
        "web/registries/dossier_list.html",
        {
            "page": page_of(request, found),
            "procedures": dossiers.procedures(),
            "statuses": dossiers.DueStatus.choices,
            "status_labels": dict(dossiers.DueStatus.choices),
            "default_sort": "-received",
        },
    )


@board_member
def dossier_detail(request: HttpRequest, code: str) -> HttpResponse:
    calendar = board_calendar()
    today = timezone.localdate()
    dossier = get_object_or_404(
        dossiers.with_due_status(Dossier.objects.select_related("procedure"), today, calendar),
        code=code,
    )
    late_by = (
        calendar.working_days_between(dossier.due_on, dossier.resolved_on)
        if dossier.resolved_on
        else calendar.working_days_between(dossier.due_on, today)
    )
    return render(
        request,
        "web/registries/dossier_detail.html",
        {
            "dossier": dossier,
            "status_label": dict(dossiers.DueStatus.choices)[dossier.due_status],  # type: ignore[attr-defined]
            "working_days": calendar.working_days_between(dossier.received_on, dossier.due_on),
            "late_by": late_by,
            "channels": dict(Channel.choices),
            "history": record_history(dossier),
        },
    )


@signed_in
def inspection_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, projects.INSPECTION_SORTS, "-date")
    found = projects.inspection_list(
        user=current_user(request),
        search=_search(request),
        kind=request.GET.get("kind", ""),
        violation=request.GET.get("violation", ""),
        year=_year(request),
        order=ordering(key, projects.INSPECTION_SORTS),
    )
    return render(
        request,
        "web/registries/inspection_list.html",
        {"page": page_of(request, found), "kinds": InspectionKind.choices, "default_sort": "-date"},
    )


@signed_in
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    inspection = get_object_or_404(projects.inspection_list(user=user), pk=pk)
    return render(
        request,
        "web/registries/inspection_detail.html",
        {
            "inspection": inspection,
            "history": record_history(inspection) if user.is_board_member else [],
        },
    )


@board_member
def document_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, documents.DOCUMENT_SORTS, "-date")
    found = documents.document_list(
        search=_search(request),
        direction=request.GET.get("direction", ""),
        type=request.GET.get("type", ""),
        year=_year(request),
        plans_only=request.GET.get("plans") == "1",
        order=ordering(key, documents.DOCUMENT_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/registries/document_list.html",
        {
            "page": page,
            "rows": documents.with_child_counts(page),
            "directions": Direction.choices,
            "types": documents.document_types(),
            "default_sort": "-date",
        },
    )


@board_member
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("parent"), pk=pk)
    return render(
        request,
        "web/registries/document_detail.html",
        {
            "document": document,
            "children": documents.document_children(document),
            "targets": document.targets.order_by("year", "indicator"),
            "indicator_names": {code: item.name for code, item in INDICATORS.items()},
            "history": record_history(document),
        },
    )


@board_member
def target_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, indicators.TARGET_SORTS, "-year")
    found = indicators.target_list(
        year=_year(request),
        search=_search(request),
        order=ordering(key, indicators.TARGET_SORTS),
    )
    return render(
        request,
        "web/registries/target_list.html",
        {
            "page": page_of(request, found),
            "years": indicators.target_years(),
            "default_sort": "-year",
            "indicator_names": {code: item.name for code, item in INDICATORS.items()},
        },
    )


@board_member
def narrative_list(request: HttpRequest) -> HttpResponse:
    found = writings.narrative_list(
        period=request.GET.get("period", ""),
        section=request.GET.get("section", ""),
        search=_search(request),
    )
    return render(
        request,
        "web/registries/narrative_list.html",
        {
            "page": page_of(request, found, per_page=20),
            "periods": writings.written_periods(),
            "sections": Section.choices,
        },
    )


@board_member
def priority_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, writings.PRIORITY_SORTS, "-period")
    found = writings.priority_list(
        period=request.GET.get("period", ""),
        search=_search(request),
        order=[*ordering(key, writings.PRIORITY_SORTS, tiebreak="order")],
    )
    return render(
        request,
        "web/registries/priority_list.html",
        {
            "page": page_of(request, found),
            "periods": writings.written_periods(),
            "default_sort": "-period",
        },
    )
