"""The dashboard of a period and the records behind each of its figures."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from kcn.accounts.permissions import board_member, current_user, signed_in
from kcn.audit.selectors import data_version
from kcn.core.errors import KcnError
from kcn.indicators import selectors
from kcn.indicators.drilldown import drilldown
from kcn.indicators.engine import compute_indicators
from kcn.indicators.registry import INDICATORS, Kind
from kcn.web.cells import cell, label
from kcn.web.downloads import xlsx_response
from kcn.web.forms import period_choice, requested_period
from kcn.web.listing import page_of


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    """Board members: the dashboard. Enterprise users: their projects."""
    if current_user(request).is_enterprise:
        return redirect("enterprise_home")
    choice = period_choice(request, "home")
    if choice.redirect_to:
        return redirect(choice.redirect_to)
    period, form = choice.period, choice.picker
    today = timezone.localdate()
    version = data_version()  # read before the figures: what is kept is at least this new
    try:
        board = selectors.dashboard(period, today, version)
    except KcnError as error:  # e.g. a VND amount with no exchange rate in force
        messages.error(request, str(error))
        board = None
    return render(
        request,
        "web/dashboard/dashboard.html",
        {"board": board, "period": period, "form": form, "today": today, "version": version},
    )


@board_member
def indicator_records(request: HttpRequest, code: str) -> HttpResponseBase:
    """The records behind one figure, filterable, paginated and downloadable."""
    indicator = INDICATORS.get(code)
    if indicator is None:
        raise Http404
    period = requested_period(request)
    ytd = request.GET.get("ytd") == "1" and indicator.kind is Kind.FLOW
    try:
        found = drilldown(period, code, ytd=ytd)
        value = compute_indicators(period, [code])[code]
    except KcnError as error:
        messages.error(request, str(error))
        return render(
            request, "web/dashboard/indicator.html", {"indicator": indicator, "period": period}
        )
    keys = [key for key, _label in found.columns]
    rows = selectors.text_search(found.rows, keys, request.GET.get("q", ""))
    if request.GET.get("format") == "xlsx":
        return xlsx_response(
            f"{code}-{period.code}{'-ytd' if ytd else ''}.xlsx",
            [str(heading) for _key, heading in found.columns],
            ([label(key, row[key]) for key in keys] for row in rows.iterator(chunk_size=2000)),
        )
    page = page_of(request, rows)
    table = [[cell(found.rows.model, key, row) for key in keys] for row in page]
    return render(
        request,
        "web/dashboard/indicator.html",
        {
            "indicator": indicator,
            "period": period,
            "ytd": ytd,
            "found": found,
            "figure": value.ytd if ytd else value.value,
            "value": value,
            "page": page,
            "table": table,
        },
    )
