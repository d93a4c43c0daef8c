"""Data entry for projects: register a project with its certificate, add to its ledger
(amendment, operation, suspension, resumption, termination), labor reports, inspections.

Each view: editors only; a form; one service; back to the project's page. The
services check the same rules as the import and write the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.accounts.permissions import current_user, editor
from kcn.projects import services
from kcn.projects.forms import (
    LEDGER_KINDS,
    CertificateForm,
    InspectionForm,
    LaborReportForm,
    LedgerEventForm,
    ProjectEditForm,
)
from kcn.projects.models import LaborReport, Project, ProjectEventKind
from kcn.projects.services import PROJECT_FIELDS
from kcn.web.entry import fingerprint, run_service


def _form_page(
    request: HttpRequest, form: Any, title: str, submit: str, cancel: str
) -> HttpResponse:
    context = {"form": form, "title": title, "submit": submit, "cancel": cancel}
    return render(request, "web/form.html", context, status=400 if form.is_bound else 200)


@editor
def project_new(request: HttpRequest) -> HttpResponse:
    """Issue a certificate to a new project."""
    form = CertificateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        project = run_service(
            form,
            lambda: services.project_register(
                code=data["code"],
                name=data["name"],
                zone=data["zone"],
                investor=data["investor_code"],
                origin=data["origin"],
                kind=data["kind"],
                sector=data["sector"],
                land_ha=data["land_ha"],
                date=data["date"],
                capital=data["capital"],
                currency=data["currency"],
                certificate_no=data["certificate_no"],
                actor=current_user(request),
            ),
        )
        if project is not None:
            messages.success(
                request, _("Certificate issued to project %(code)s.") % {"code": project.code}
            )
            return redirect("project_detail", code=project.code)
    return _form_page(
        request, form, _("Issue an investment registration certificate"), _("Issue"),
        reverse("project_list"),
    )  # fmt: skip


LEDGER_TITLES = {
    ProjectEventKind.ADJUSTED: gettext_lazy("Record an amendment of the certificate"),
    ProjectEventKind.OPERATIONAL: gettext_lazy("Record that the project entered operation"),
    ProjectEventKind.SUSPENDED: gettext_lazy("Record a suspension"),
    ProjectEventKind.RESUMED: gettext_lazy("Record a resumption"),
    ProjectEventKind.TERMINATED: gettext_lazy("Record the termination"),
}


@editor
def ledger_event_new(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    if kind not in LEDGER_KINDS:
        raise Http404
    project = get_object_or_404(Project, code=code)
    form = LedgerEventForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        data, actor = form.cleaned_data, current_user(request)
        common = {"project": project, "date": data["date"], "note": data["note"], "actor": actor}
        calls = {
            ProjectEventKind.ADJUSTED: lambda: services.certificate_amend(
                **common,
                capital_change=data["capital_change"],
                currency=data["currency"],
                certificate_no=data["certificate_no"],
            ),
            ProjectEventKind.OPERATIONAL: lambda: services.project_mark_operational(**common),
            ProjectEventKind.SUSPENDED: lambda: services.project_suspend(**common),
            ProjectEventKind.RESUMED: lambda: services.project_resume(**common),
            ProjectEventKind.TERMINATED: lambda: services.project_terminate(**common),
        }
        if run_service(form, calls[ProjectEventKind(kind)]) is not None:
            messages.success(request, _("Recorded."))
            return redirect("project_detail", code=project.code)
    title = f"{LEDGER_TITLES[ProjectEventKind(kind)]}: {project.code} {project.name}"
    return _form_page(request, form, title, _("Record"), reverse("project_detail", args=[code]))


@editor
def project_edit(request: HttpRequest, code: str) -> HttpResponse:
    """Change a project's own fields; refused if someone else changed them meanwhile."""
    project = get_object_or_404(Project.objects.select_related("zone", "investor"), code=code)
    current = fingerprint(project, PROJECT_FIELDS)
    initial = {
        "fingerprint": current,
        "name": project.name,
        "zone": project.zone,
        "investor_code": project.investor.code,
        "origin": project.origin,
        "kind": project.kind,
        "sector": project.sector,
        "land_ha": project.land_ha,
    }
    form = ProjectEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            locked = Project.objects.select_for_update().get(pk=project.pk)
            if fingerprint(locked, PROJECT_FIELDS) != data["fingerprint"]:
                form.add_error(
                    None,
                    _(
                        "Someone else changed this project while you were editing it. Nothing "
                        "was saved: reload the page to see their changes."
                    ),
                )
            elif run_service(
                form,
                lambda: services.project_upsert(
                    code=project.code,
                    name=data["name"],
                    zone=data["zone"],
                    investor=data["investor_code"],
                    origin=data["origin"],
                    kind=data["kind"],
                    sector=data["sector"],
                    land_ha=data["land_ha"],
                    actor=current_user(request),
                ),
            ):
                messages.success(request, _("Saved."))
                return redirect("project_detail", code=project.code)
    title = _("Edit project %(project)s") % {"project": f"{project.code} {project.name}"}
    return _form_page(request, form, title, _("Save"), reverse("project_detail", args=[code]))


@editor
def labor_report_new(request: HttpRequest, code: str) -> HttpResponse:
    project = get_object_or_404(Project, code=code)
    form = LaborReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = LaborReport.objects.filter(
            project=project, period_end=data["period_end"]
        ).first()
        if existing is not None and not data["replace"]:
            # Two people entering the same report: the second must say they replace the first.
            form.add_error(
                "period_end",
                _(
                    "A report to this date is already recorded (%(employees)s employees): "
                    "tick “replace” to change it."
                )
                % {"employees": existing.employees},
            )
        elif run_service(
            form,
            lambda: services.labor_report_upsert(
                project=project,
                period_end=data["period_end"],
                employees=data["employees"],
                foreign_employees=data["foreign_employees"],
                new_jobs=data["new_jobs"],
                actor=current_user(request),
            ),
        ):
            messages.success(request, _("Recorded."))
            return redirect("project_detail", code=project.code)
    title = _("Record a labor report: %(project)s") % {"project": f"{project.code} {project.name}"}
    return _form_page(request, form, title, _("Record"), reverse("project_detail", args=[code]))


@editor
def inspection_new(request: HttpRequest, code: str) -> HttpResponse:
    project = get_object_or_404(Project, code=code)
    form = InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            form,
            lambda: services.inspection_record(
                project=project,
                date=data["date"],
                kind=data["kind"],
                violation=data["violation"],
                note=data["note"],
                actor=current_user(request),
            ),
        ):
            messages.success(request, _("Recorded."))
            return redirect("project_detail", code=project.code)
    title = _("Record an inspection: %(project)s") % {"project": f"{project.code} {project.name}"}
    return _form_page(request, form, title, _("Record"), reverse("project_detail", args=[code]))
