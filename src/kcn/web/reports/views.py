"""The reports page: preview, download, write the texts, submit, approve, publish; and the
lists of what staff wrote for reports (narratives, priority tasks).

Function views: each authorises (``kcn.accounts.permissions``), validates a
form, calls one service and redirects back to the page of the period."""

from __future__ import annotations

from csp.constants import NONE, UNSAFE_INLINE
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kcn.accounts.models import Role
from kcn.accounts.permissions import board_member, current_user, editor, leader
from kcn.board.models import BoardProfile
from kcn.core.errors import KcnError
from kcn.core.periods import Period, parse_period
from kcn.jobs.services import REPORT_JOB_FORMATS
from kcn.reports import selectors as writings
from kcn.reports import workflow
from kcn.reports.dataset import thematic_plan_candidates
from kcn.reports.files import CONTENT_TYPES, report_file
from kcn.reports.ministry import FORMS, ministry_form
from kcn.reports.models import PublishedReport, ReportState
from kcn.reports.render.xlsx import render_form_xlsx
from kcn.reports.sections import Section
from kcn.web.forms import period_choice
from kcn.web.listing import ordering, page_of, requested_search, sort_key
from kcn.web.reports.forms import PublishForm, ReportTextsForm, ReturnForm

# What each form the board sends the Ministry is about, for the reports page.
MINISTRY_FORM_NAMES = {
    "2101": gettext_lazy("investment attracted"),
    "2104": gettext_lazy("production and business, zone by zone"),
    "2106": gettext_lazy("workers in the zones"),
    "2107": gettext_lazy("zones in the master plan"),
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The report's HTML has no script at all; its stylesheet is inline and its charts are
# inlined images, so that the file stands alone when saved.
REPORT_HTML_POLICY = {
    "default-src": [NONE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:"],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": [NONE],
}


def _period(code: str) -> Period:
    try:
        return parse_period(code)
    except KcnError:
        raise Http404 from None


def _back(period: Period) -> HttpResponse:
    return redirect(f"{reverse('report_page')}?{urlencode({'period': period.code})}")


@board_member
def report_page(request: HttpRequest) -> HttpResponse:
    choice = period_choice(request, "report_page")
    if choice.redirect_to:
        return redirect(choice.redirect_to)
    period, picker = choice.period, choice.picker
    user = current_user(request)
    written = workflow.report_texts(period)
    texts = ReportTextsForm(
        initial=ReportTextsForm.initial_for(written, workflow.fingerprint_of(written)),
        candidates=thematic_plan_candidates(period),
    )
    if not user.can_edit_records:
        for field in texts.fields.values():
            field.disabled = True
    state = workflow.workflow_of(period)
    published = list(
        PublishedReport.objects.filter(period=period.code)
        .select_related("published_by")
        .order_by("-version")
    )
    # What differs from the figures as approved, or as last published (kcn report diff).
    since_approval = writings.approval_changes(period)
    # A leader does not approve their own submission unless the board allows it.
    own_submission = (
        state.state == ReportState.SUBMITTED
        and state.changed_by_id == user.pk
        and not BoardProfile.objects.filter(pk=1, self_approval=True).exists()
    )
    since_publication = None
    if since_approval is None and published:
        since_publication = writings.report_changes(period)[1]
    return render(
        request,
        "web/reports/page.html",
        {
            "period": period,
            "picker": picker,
            "next_period": period.next_period(),
            "texts": texts,
            "state": state,
            "published": published,
            "return_form": ReturnForm(),
            "publish_form": PublishForm(initial={"issued_on": timezone.localdate()}),
            "since_approval": since_approval,
            "own_submission": own_submission,
            "since_publication": since_publication,
            "can_edit": user.can_edit_records,
            "is_leader": user.role == Role.LEADER,
            "formats": ["docx", "pdf", "md", "html"],
            "ministry_forms": [(form, MINISTRY_FORM_NAMES[form]) for form in FORMS],
            "job_formats": REPORT_JOB_FORMATS,  # made by a job: kcn.web.jobs
        },
    )


@require_POST
@editor
def report_texts(request: HttpRequest, code: str) -> HttpResponse:
    period = _period(code)
    form = ReportTextsForm(request.POST, candidates=thematic_plan_candidates(period))
    if not form.is_valid():
        problems = [str(error) for error in form.non_field_errors()] or [
            f"{form.fields[name].label}: {' '.join(str(error) for error in errors)}"
            for name, errors in form.errors.items()
        ]
        messages.error(
            request,
            _("The texts were not saved: %(problems)s") % {"problems": "; ".join(problems)},
        )
        return _back(period)
    try:
        changed = workflow.report_texts_save(
            period=period,
            narratives=form.narratives(),
            priorities=form.priority_list(),
            narratives_en=form.narratives("_en"),
            priorities_en=form.priority_list("priorities_en"),
            task_groups=form.cleaned_data["task_groups"],
            listed=form.listed(),
            fingerprint=form.cleaned_data["fingerprint"],
            actor=current_user(request),
        )
    except KcnError as error:
        messages.error(request, str(error))
        return _back(period)
    messages.success(request, _("Saved.") if changed else _("Nothing had changed."))
    return _back(period)


def _workflow_step(request: HttpRequest, code: str, step: str) -> HttpResponse:
    period = _period(code)
    user = current_user(request)
    try:
        if step == "submit":
            warnings = workflow.submit_warnings(period)
            if warnings and request.POST.get("confirmed") != "1":
                return render(
                    request,
                    "web/reports/confirm_submit.html",
                    {"period": period, "warnings": warnings},
                )
            workflow.report_submit(period=period, actor=user)
            messages.success(request, _("The report was submitted for approval."))
        elif step == "approve":
            workflow.report_approve(period=period, actor=user)
            messages.success(request, _("The report was approved."))
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Say what needs changing."))
                return _back(period)
            workflow.report_return(period=period, actor=user, note=form.cleaned_data["note"])
            messages.success(request, _("The report was returned to draft."))
    except KcnError as error:
        messages.error(request, str(error))
    return _back(period)


@require_POST
@editor
def report_submit(request: HttpRequest, code: str) -> HttpResponse:
    return _workflow_step(request, code, "submit")


@require_POST
@leader
def report_approve(request: HttpRequest, code: str) -> HttpResponse:
    return _workflow_step(request, code, "approve")


@require_POST
@leader
def report_return(request: HttpRequest, code: str) -> HttpResponse:
    return _workflow_step(request, code, "return")


@require_POST
@leader
def report_publish_view(request: HttpRequest, code: str) -> HttpResponse:
    period = _period(code)
    form = PublishForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[field].label}: {error}")
        return _back(period)
    try:
        published = workflow.report_publish(
            period=period,
            number=form.cleaned_data["number"] or "",
            issued_on=form.cleaned_data["issued_on"],
            actor=current_user(request),
        )
    except KcnError as error:
        messages.error(request, str(error))
        return _back(period)
    messages.success(
        request,
        _("Published the report of %(period)s, version %(version)s.")
        % {"period": published.period, "version": published.version},
    )
    return _back(period)


@board_member
def report_preview(request: HttpRequest, code: str) -> HttpResponse:
    """The report as a web page, to read before downloading or publishing."""
    return _file(request, _period(code), "html")


@board_member
def report_form(request: HttpRequest, code: str, form: str) -> HttpResponse:
    """A statistical form to the Ministry (2101, 2104, 2106, 2107) as an Excel file, from the
    records as they are now."""
    period = _period(code)
    if form not in FORMS:
        raise Http404
    try:
        content = render_form_xlsx(ministry_form(form, period))
    except KcnError as error:  # e.g. an amount with no exchange rate in force
        messages.error(request, str(error))
        return _back(period)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="bieu-{form}-{period.code}.xlsx"'
    return response


@board_member
def report_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    return _file(request, _period(code), fmt)


def _file(request: HttpRequest, period: Period, fmt: str) -> HttpResponse:
    """The report as a file: the published figures, or today's with ``?live=1``."""
    try:
        made = report_file(
            period,
            fmt,
            live=request.GET.get("live") == "1",
            language=translation.get_language() or "vi",
        )
    except KcnError as error:  # e.g. a VND amount with no exchange rate in force
        messages.error(request, str(error))
        return _back(period)
    response = HttpResponse(made.content, content_type=made.content_type)
    if fmt == "html":
        response._csp_config = REPORT_HTML_POLICY  # type: ignore[attr-defined]
    else:
        response["Content-Disposition"] = f'attachment; filename="{made.name}"'
    return response


@board_member
def narrative_list(request: HttpRequest) -> HttpResponse:
    found = writings.narrative_list(
        period=request.GET.get("period", ""),
        section=request.GET.get("section", ""),
        search=requested_search(request),
    )
    return render(
        request,
        "web/reports/narrative_list.html",
        {
            "page": page_of(request, found, per_page=20),
            "periods": writings.written_periods(),
            "sections": Section.choices,
        },
    )


@board_member
def priority_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, writings.PRIORITY_SORTS, "-period")
    found = writings.priority_list(
        period=request.GET.get("period", ""),
        search=requested_search(request),
        order=[*ordering(key, writings.PRIORITY_SORTS, tiebreak="order")],
    )
    return render(
        request,
        "web/reports/priority_list.html",
        {
            "page": page_of(request, found),
            "periods": writings.written_periods(),
            "default_sort": "-period",
        },
    )
