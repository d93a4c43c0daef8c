"""The province's targets: the list by year, setting one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.indicators import selectors as indicators
from kcn.indicators import services
from kcn.indicators.models import Target
from kcn.indicators.registry import INDICATORS
from kcn.indicators.sheets import TARGETS
from kcn.web.entry import entry_page
from kcn.web.listing import ordering, page_of, requested_search, requested_year, sort_key
from kcn.web.sheetforms import record_arguments
from kcn.web.targets.forms import TargetForm


@board_member
def target_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, indicators.TARGET_SORTS, "-year")
    found = indicators.target_list(
        year=requested_year(request),
        search=requested_search(request),
        order=ordering(key, indicators.TARGET_SORTS),
    )
    return render(
        request,
        "web/targets/list.html",
        {
            "page": page_of(request, found),
            "years": indicators.target_years(),
            "default_sort": "-year",
            "indicator_names": {code: item.name for code, item in INDICATORS.items()},
        },
    )


@editor
def target_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Target:
        return services.target_record(
            **record_arguments(TARGETS, data), replace=data["replace"], actor=current_user(request)
        )

    return entry_page(
        request,
        TargetForm(request.POST or None),
        save,
        title=_("Set a target"),
        submit=_("Save"),
        cancel=reverse("target_list"),
        success=lambda _target: _("Saved."),
        next_url=lambda target: f"{reverse('target_list')}?year={target.year}",
    )
