"""Inspections: the register (an enterprise user sees its own), an inspection's page, recording
one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from kcn.accounts.permissions import current_user, editor, signed_in
from kcn.audit.selectors import record_history
from kcn.projects import selectors as projects
from kcn.projects import services
from kcn.projects.models import (
    InspectionKind,
    Project,
)
from kcn.projects.sheets import INSPECTIONS
from kcn.web.entry import entry_page
from kcn.web.inspections.forms import InspectionForm
from kcn.web.listing import ordering, page_of, requested_search, requested_year, sort_key
from kcn.web.projects.views import project_page, recorded
from kcn.web.sheetforms import record_arguments


@signed_in
def inspection_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, projects.INSPECTION_SORTS, "-date")
    found = projects.inspection_list(
        user=current_user(request),
        search=requested_search(request),
        kind=request.GET.get("kind", ""),
        violation=request.GET.get("violation", ""),
        year=requested_year(request),
        order=ordering(key, projects.INSPECTION_SORTS),
    )
    return render(
        request,
        "web/inspections/list.html",
        {"page": page_of(request, found), "kinds": InspectionKind.choices, "default_sort": "-date"},
    )


@signed_in
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    inspection = get_object_or_404(projects.inspection_list(user=user), pk=pk)
    return render(
        request,
        "web/inspections/detail.html",
        {
            "inspection": inspection,
            "history": record_history(inspection) if user.is_board_member else [],
        },
    )


@editor
def inspection_new(request: HttpRequest, code: str) -> HttpResponse:
    project = get_object_or_404(Project, code=code)

    def save(data: dict[str, Any]) -> Any:
        return services.inspection_record(
            project=project, **record_arguments(INSPECTIONS, data), actor=current_user(request)
        )

    return entry_page(
        request,
        InspectionForm(request.POST or None),
        save,
        title=_("Record an inspection: %(project)s")
        % {"project": f"{project.code} {project.name}"},
        submit=_("Record"),
        cancel=project_page(project),
        success=recorded,
        next_url=project_page,
    )
