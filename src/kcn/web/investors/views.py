"""Investors: the register, an investor's page with its projects, adding an investor."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.audit.selectors import record_history
from kcn.investors import selectors as investors
from kcn.investors import services
from kcn.investors.models import Investor
from kcn.investors.sheets import INVESTORS
from kcn.projects import selectors as projects
from kcn.web.entry import entry_page
from kcn.web.investors.forms import InvestorEditForm, InvestorForm
from kcn.web.listing import ordering, page_of, requested_search, sort_key
from kcn.web.sheetforms import record_arguments


@board_member
def investor_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, investors.INVESTOR_SORTS, "name")
    found = investors.investor_list(
        search=requested_search(request),
        country=request.GET.get("country", ""),
        order=ordering(key, investors.INVESTOR_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/investors/list.html",
        {
            "page": page,
            "rows": projects.investors_with_project_counts(page),
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
        "web/investors/detail.html",
        {
            "investor": investor,
            "projects": found,
            "status_labels": projects.STATUS_LABELS,
            "history": record_history(investor),
        },
    )


@editor
def investor_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Investor:
        return services.investor_register(
            **record_arguments(INVESTORS, data), actor=current_user(request)
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


def investor_page(investor: Investor) -> str:
    return reverse("investor_detail", args=[investor.code])


@editor
def investor_edit(request: HttpRequest, code: str) -> HttpResponse:
    """Change an investor's name and country; refused if someone else changed them meanwhile."""
    investor = get_object_or_404(Investor, code=code)
    initial = {
        **InvestorEditForm.initial_from(investor),
        "fingerprint": services.investor_fingerprint(investor),
    }

    def save(data: dict[str, Any]) -> Investor:
        return services.investor_edit(
            investor=investor,
            fingerprint=data["fingerprint"],
            name=data["name"],
            country=data["country"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        InvestorEditForm(request.POST or None, initial=initial),
        save,
        title=_("Edit investor %(investor)s") % {"investor": f"{investor.code} {investor.name}"},
        submit=_("Save"),
        cancel=investor_page(investor),
        success=lambda _investor: _("Saved."),
        next_url=investor_page,
    )


# The most investors a search answers with: enough to pick from, small enough to type on.
SEARCH_LIMIT = 20


@editor
def investor_search(request: HttpRequest) -> JsonResponse:
    """Investors whose code or name holds ``?q=`` (at least 2 characters), by name, as JSON
    for the certificate form's investor field (``kcn/inputs.js``): staff who enter records
    only."""
    query = request.GET.get("q", "").strip()[:100]
    found = investors.investor_list(search=query)[:SEARCH_LIMIT] if len(query) >= 2 else []
    return JsonResponse(
        {
            "investors": [
                {"code": item.code, "name": item.name, "country": item.country} for item in found
            ]
        }
    )
