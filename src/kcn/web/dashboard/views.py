"""The dashboard of a period and the records behind each of its figures."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, signed_in
from kcn.audit.selectors import data_version
from kcn.core import style
from kcn.core.errors import KcnError
from kcn.indicators import selectors
from kcn.indicators.drilldown import drilldown
from kcn.indicators.engine import compute_indicators
from kcn.indicators.registry import INDICATORS, Kind
from kcn.web.cells import cell, label
from kcn.web.downloads import Column, xlsx_response
from kcn.web.downloads import Kind as CellKind
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


def download_columns(columns: list[tuple[str, Any]]) -> list[Column]:
    """The drill-down's columns with the kind of what they hold, told by their keys."""
    keys = [key for key, _heading in columns]
    currency = keys.index("currency") if "currency" in keys else None
    found = []
    for key, heading in columns:
        if key == "usd" or key.endswith("_usd"):
            kind = CellKind.USD
        elif key.endswith("_vnd") or key == "rate":
            kind = CellKind.VND
        elif key.endswith("_ha"):
            kind = CellKind.HECTARES
        elif key in ("employees", "new_jobs", "foreign_employees"):
            kind = CellKind.COUNT
        elif key in MONEY_KEYS and currency is not None:
            kind = CellKind.MONEY
        else:
            kind = CellKind.TEXT  # a number found in it is written with a plain format
        found.append(Column(str(heading), kind, currency if kind is CellKind.MONEY else None))
    return found


# Amounts in the currency of their row (a certificate's capital, a report's revenue).
MONEY_KEYS = {"capital", "capital_realized", "revenue"}


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
        dates = {
            "period": capfirst(style.period_name(period)),
            "start": found.start.strftime("%d/%m/%Y"),
            "end": found.end.strftime("%d/%m/%Y"),
        }
        if found.start == found.end:  # a stock: the records in force on the last day
            span = _("%(period)s (as of %(end)s)") % dates
        else:
            span = _("%(period)s (%(start)s–%(end)s)") % dates
        return xlsx_response(
            f"{code}-{period.code}{'-ytd' if ytd else ''}.xlsx",
            title=_("%(indicator)s: the records behind the figure") % {"indicator": indicator.name},
            period=(_("Year to date, %(span)s") if ytd else _("Period: %(span)s")) % {"span": span},
            sheet=str(indicator.name),
            columns=download_columns(found.columns),
            rows=([label(key, row[key]) for key in keys] for row in rows.iterator(chunk_size=2000)),
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
