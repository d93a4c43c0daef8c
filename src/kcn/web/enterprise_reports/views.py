"""The staff's inbox of enterprises' reports: every report owed for a period with its state,
the review of one (accept, or return with a reason), and a reminder to one enterprise."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.audit.records import field_label
from kcn.core.errors import KcnError, RecordError
from kcn.enterprise_reports import reminders, selectors, services
from kcn.enterprise_reports.models import (
    LaborFiling,
    Obligation,
    PeriodKind,
    ProjectReport,
    ReportingPeriod,
    ReportStatus,
)
from kcn.projects.models import Origin
from kcn.web.enterprise_reports.forms import ReviewForm
from kcn.web.listing import ordering, page_of, requested_search, sort_key
from kcn.zones.models import Zone

MODELS: dict[str, type[ProjectReport] | type[LaborFiling]] = {
    PeriodKind.QUARTER: ProjectReport,
    PeriodKind.HALF_YEAR: LaborFiling,
}


def _period(request: HttpRequest) -> ReportingPeriod:
    """The ``?period=`` asked for (a quarter or a labor half-year), else the quarter being
    reported now."""
    today = timezone.localdate()
    code = request.GET.get("period", "").strip().upper()
    if code:
        found = ReportingPeriod.objects.filter(code=code, start_on__lte=today).first()
        if found is None:
            raise Http404
        return found
    return selectors.last_due_period(PeriodKind.QUARTER, today)


@board_member
def report_inbox(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period = _period(request)
    key = sort_key(request, selectors.INBOX_SORTS, "project")
    rows = selectors.inbox(
        period=period,
        today=today,
        zone=request.GET.get("zone", ""),
        origin=request.GET.get("origin", ""),
        state=request.GET.get("state", ""),
        late=request.GET.get("late") == "1",
        search=requested_search(request),
        order=ordering(key, selectors.INBOX_SORTS)[:1],
    )
    return render(
        request,
        "web/enterprise_reports/inbox.html",
        {
            "period": period,
            "page": page_of(request, rows),
            "counts": selectors.inbox_counts(period, today),
            "periods": selectors.reporting_periods(PeriodKind.QUARTER, today)[:12],
            "labor_periods": selectors.reporting_periods(PeriodKind.HALF_YEAR, today)[:6],
            "zones": Zone.objects.order_by("code").values_list("code", "name"),
            "origins": Origin.choices,
            "states": [(state, selectors.STATE_LABELS[state]) for state in selectors.INBOX_STATES],
            "state_labels": selectors.STATE_LABELS,
            "default_sort": "project",
        },
    )


@board_member
def report_review(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """One report as the enterprise sent it, with the previous quarter's, and its review."""
    model = MODELS.get(kind)
    if model is None:
        raise Http404
    report: Any = get_object_or_404(
        model.objects.select_related("project__zone", "project__investor", "reviewed_by"),
        pk=pk,
    )
    if report.status == ReportStatus.DRAFT:
        raise Http404  # the enterprise's own, until it sends it
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if not current_user(request).can_edit_records:
            return HttpResponse(status=403)
        if form.is_valid():
            accept = "accept" in request.POST
            try:
                review = (
                    services.project_report_review
                    if kind == PeriodKind.QUARTER
                    else services.labor_filing_review
                )
                key = "report_id" if kind == PeriodKind.QUARTER else "filing_id"
                review(
                    **{key: report.pk},
                    accept=accept,
                    reason=form.cleaned_data["return_reason"],
                    actor=current_user(request),
                )
            except RecordError as error:
                field = error.field if error.field in form.fields else None
                form.add_error(field, error.message)
            else:
                messages.success(
                    request,
                    _("The report was accepted.") if accept else _("The report was returned."),
                )
                return redirect(
                    reverse("report_inbox") + "?" + urlencode({"period": report.period})
                )
    previous = (
        services.previous_report_figures(report.project, report.period)
        if kind == PeriodKind.QUARTER
        else None
    )
    names = services.REPORT_FIGURES if kind == PeriodKind.QUARTER else services.LABOR_FIGURES
    figures = [
        (field_label(model, name), getattr(report, name), (previous or {}).get(name))
        for name in names
    ]
    return render(
        request,
        "web/enterprise_reports/review.html",
        {
            "report": report,
            "kind": kind,
            "figures": figures,
            "previous": previous,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@editor
def report_remind(request: HttpRequest, code: str, period: str) -> HttpResponse:
    """Staff e-mail an enterprise a reminder of one report, at most once a day."""
    obligation = get_object_or_404(
        Obligation.objects.select_related("project__investor", "period"),
        project__code=code,
        period__code=period,
    )
    try:
        letter = reminders.reminder_send_one(
            obligation, timezone.localdate(), current_user(request)
        )
    except KcnError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Reminder sent to %(to)s.") % {"to": ", ".join(letter.recipients)},
        )
    return redirect(reverse("report_inbox") + "?" + urlencode({"period": period}))
