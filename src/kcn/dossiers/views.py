"""Data entry of the one-stop shop: receive a dossier (its due date shown before saving)
and record its resolution."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import current_user, editor
from kcn.dossiers import services
from kcn.dossiers.forms import DossierReceiveForm, DossierResolveForm
from kcn.dossiers.models import Dossier
from kcn.web.entry import entry_page, run_service


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
                    code=data["code"],
                    procedure=data["procedure"],
                    received_on=data["received_on"],
                    applicant=data["applicant"],
                    channel=data["channel"],
                    actor=current_user(request),
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
        "dossiers/receive.html",
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
