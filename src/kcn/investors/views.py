"""Data entry of the register of investors: add one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import current_user, editor
from kcn.core.errors import KcnError
from kcn.investors import services
from kcn.investors.forms import InvestorForm
from kcn.investors.models import Investor
from kcn.investors.rules import normalize_country, normalize_investor_code
from kcn.web.entry import run_service


@editor
def investor_new(request: HttpRequest) -> HttpResponse:
    form = InvestorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _registered(data["code"], data["country"]):
            # Adding never changes an investor someone registered meanwhile.
            form.add_error("code", _("An investor with this code is already registered."))
        else:
            investor = run_service(
                form,
                lambda: services.investor_upsert(
                    code=data["code"],
                    name=data["name"],
                    country=data["country"],
                    actor=current_user(request),
                ),
            )
            if investor is not None:
                messages.success(request, _("Registered %(name)s.") % {"name": investor.name})
                return redirect("investor_detail", code=investor.code)
    context = {
        "form": form,
        "title": _("Add an investor"),
        "submit": _("Register"),
        "cancel": reverse("investor_list"),
    }
    return render(request, "web/form.html", context, status=400 if form.errors else 200)


def _registered(code: str, country: str) -> bool:
    try:
        normal = normalize_investor_code(code, normalize_country(country))
    except KcnError:
        return False  # the service names the problem
    return Investor.objects.filter(code=normal).exists()
