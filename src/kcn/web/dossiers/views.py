"""Dossiers of the one-stop shop: the register with due status, a dossier's page, receiving one
(its due date in working days shown before saving) and resolving it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, editor, leader
from kcn.audit.selectors import record_history
from kcn.dossiers import selectors as dossiers
from kcn.dossiers import services
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import Channel, Dossier
from kcn.dossiers.sheets import DOSSIERS
from kcn.web.dossiers.forms import DossierReceiveForm, DossierResolveForm
from kcn.web.entry import entry_page, run_service
from kcn.web.listing import ordering, page_of, requested_search, requested_year, sort_key
from kcn.web.sheetforms import record_arguments
from kcn.web.voiding import void_page


@board_member
def dossier_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, dossiers.DOSSIER_SORTS, "-received")
    found = dossiers.dossier_list(
        today=timezone.localdate(),
        calendar=board_calendar(),
        search=requested_search(request),
        procedure=request.GET.get("procedure", ""),
        status=request.GET.get("status", ""),
        year=requested_year(request),
        order=ordering(key, dossiers.DOSSIER_SORTS),
    )
    return render(
        request,
        "web/dossiers/list.html",
        {
            "page": page_of(request, found),
            "procedures": dossiers.procedures(),
            "statuses": dossiers.DueStatus.choices,
            "status_labels": dict(dossiers.DueStatus.choices),
            "default_sort": "-received",
            "voided": Dossier.all_objects.filter(voided_at__isnull=False)
            .select_related("voided_by")
            .order_by("-voided_at")[:50],
        },
    )


@board_member
def dossier_detail(request: HttpRequest, code: str) -> HttpResponse:
    calendar = board_calendar()
    today = timezone.localdate()
    dossier = get_object_or_404(
        dossiers.with_due_status(
            Dossier.all_objects.select_related("procedure", "voided_by"), today, calendar
        ),
        code=code,
    )
    late_by = (
        calendar.working_days_between(dossier.due_on, dossier.resolved_on)
        if dossier.resolved_on
        else calendar.working_days_between(dossier.due_on, today)
    )
    return render(
        request,
        "web/dossiers/detail.html",
        {
            "dossier": dossier,
            "status_label": dict(dossiers.DueStatus.choices)[dossier.due_status],  # type: ignore[attr-defined]
            "working_days": calendar.working_days_between(dossier.received_on, dossier.due_on),
            "late_by": late_by,
            "channels": dict(Channel.choices),
            "history": record_history(dossier),
        },
    )


@editor
def dossier_new(request: HttpRequest) -> HttpResponse:
    """Receive a dossier in two steps: compute and show the due date, then save.

    The due date is the procedure's time limit counted in working days on the
    board's calendar; the specialist sees it (to write on the receipt) before
    the dossier is recorded.
    """
    form = DossierReceiveForm(request.POST or None)
    due_on = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        due_on = services.dossier_due_date(
            procedure=data["procedure"], received_on=data["received_on"]
        )
        if "save" in request.POST:
            dossier = run_service(
                form,
                lambda: services.dossier_receive(
                    **record_arguments(DOSSIERS, data), actor=current_user(request)
                ),
            )
            if dossier is not None:
                messages.success(
                    request,
                    _("Dossier %(code)s received; due on %(date)s.")
                    % {"code": dossier.code, "date": f"{dossier.due_on:%d/%m/%Y}"},
                )
                return redirect("dossier_detail", code=dossier.code)
    return render(
        request,
        "web/dossiers/receive.html",
        {"form": form, "due_on": due_on},
        status=400 if form.is_bound and form.errors else 200,
    )


@editor
def dossier_resolve(request: HttpRequest, code: str) -> HttpResponse:
    dossier = get_object_or_404(Dossier, code=code)

    def save(data: dict[str, Any]) -> Dossier:
        return services.dossier_resolve(
            dossier=dossier,
            resolved_on=data["resolved_on"],
            result=data["result"],
            correction=data["correction"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        DossierResolveForm(request.POST or None),
        save,
        title=_("Record the resolution of dossier %(code)s") % {"code": dossier.code},
        submit=_("Record"),
        cancel=reverse("dossier_detail", args=[dossier.code]),
        success=lambda _dossier: _("Recorded."),
        next_url=lambda resolved: reverse("dossier_detail", args=[resolved.code]),
        intro=_("Received on %(received)s, due on %(due)s.")
        % {"received": f"{dossier.received_on:%d/%m/%Y}", "due": f"{dossier.due_on:%d/%m/%Y}"},
    )


@leader
def dossier_void(request: HttpRequest, code: str) -> HttpResponse:
    """A leader voids a dossier recorded by mistake, saying why."""
    dossier = get_object_or_404(Dossier.all_objects, code=code)
    return void_page(
        request,
        record=_("dossier %(code)s") % {"code": dossier.code},
        void=lambda reason: services.dossier_void(
            dossier=dossier, reason=reason, actor=current_user(request)
        ),
        back=reverse("dossier_detail", args=[dossier.code]),
    )
