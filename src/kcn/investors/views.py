"""Data entry of the register of investors: add one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import current_user, editor
from kcn.core.errors import KcnError, RecordError
from kcn.investors import services
from kcn.investors.forms import InvestorForm
from kcn.investors.models import Investor
from kcn.investors.rules import normalize_country, normalize_investor_code
from kcn.web.entry import entry_page


@editor
def investor_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Investor:
        if _registered(data["code"], data["country"]):
            # Adding never changes an investor someone registered meanwhile.
            raise RecordError(_("An investor with this code is already registered."), field="code")
        return services.investor_upsert(
            code=data["code"],
            name=data["name"],
            country=data["country"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        InvestorForm(request.POST or None),
        save,
        title=_("Add an investor"),
        submit=_("Register"),
        cancel=reverse("investor_list"),
        success=lambda investor: _("Registered %(name)s.") % {"name": investor.name},
        next_url=lambda investor: reverse("investor_detail", args=[investor.code]),
    )


def _registered(code: str, country: str) -> bool:
    try:
        normal = normalize_investor_code(code, normalize_country(country))
    except KcnError:
        return False  # the service names the problem
    return Investor.objects.filter(code=normal).exists()
