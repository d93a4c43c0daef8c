"""Writes of enterprises' reports: an enterprise saves a draft and submits; staff accept or
return with a reason; an accepted labor filing becomes the project's labor report.

Each use case is one transaction that locks the report it changes, checks,
writes and audits. Rules: ``rules.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import check_minimum, clean_text, record_save, record_values, refusal
from kcn.core.errors import RecordError, RecordWarnings
from kcn.enterprise_reports import rules
from kcn.enterprise_reports.models import (
    Filing,
    LaborFiling,
    ProjectReport,
    ReportingPeriod,
    ReportStatus,
)
from kcn.enterprise_reports.periods import ReportingSpan, all_spans
from kcn.projects.models import Project, ProjectEvent, ProjectEventKind
from kcn.projects.services import labor_report_upsert

FilingT = TypeVar("FilingT", ProjectReport, LaborFiling)

# The figures of a quarterly report (form A.III.1), in the form's order.
REPORT_MONEY = (
    "capital_realized",
    "capital_contributed",
    "capital_loans",
    "capital_reinvested",
    "revenue",
    "exports_usd",
    "imports_usd",
    "budget_paid_vnd",
)
REPORT_FIGURES = (*REPORT_MONEY, "employees", "foreign_employees", "land_used_m2")
REPORT_FIELDS = (
    "project",
    "period",
    "status",
    "submitted_on",
    *REPORT_FIGURES,
    "note",
    "return_reason",
)
LABOR_FIGURES = ("employees", "foreign_employees", "new_jobs")
LABOR_FIELDS = (
    "project",
    "period",
    "status",
    "submitted_on",
    *LABOR_FIGURES,
    "note",
    "return_reason",
)


def reporting_periods_ensure() -> int:
    """Write the reporting periods that are missing (quarters and labor half-years of
    1990–2100, with their due dates); returns how many were added."""
    known = set(ReportingPeriod.objects.values_list("code", flat=True))
    missing = [ReportingPeriod(**span._asdict()) for span in all_spans() if span.code not in known]
    ReportingPeriod.objects.bulk_create(missing)
    return len(missing)


def report_label(project: Project, period: str) -> str:
    return _("report of project %(code)s for %(period)s") % {"code": project.code, "period": period}


def labor_label(project: Project, period: str) -> str:
    return _("labor report of project %(code)s for %(period)s") % {
        "code": project.code,
        "period": period,
    }


def ledger_dates(project: Project) -> tuple[dt.date | None, dt.date | None]:
    """The day the project was issued its certificate and the day it was terminated."""
    dates = dict(
        ProjectEvent.objects.filter(
            project=project, event__in=(ProjectEventKind.ISSUED, ProjectEventKind.TERMINATED)
        ).values_list("event", "date")
    )
    return dates.get(ProjectEventKind.ISSUED), dates.get(ProjectEventKind.TERMINATED)


def _check_project(label: str, model: type[Filing], project: Project, span: ReportingSpan) -> None:
    problem = rules.check_project_in_period(span, *ledger_dates(project))
    if problem is not None:
        raise refusal(label, model, "period", problem)


def _check_figures(label: str, model: type[Filing], values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        check_minimum(label, model, name, value)
    problem = rules.check_headcount(values.get("employees"), values.get("foreign_employees"))
    if problem is not None:
        raise refusal(label, model, "foreign_employees", problem)


def _locked(model: type[FilingT], project: Project, period: str) -> FilingT | None:
    return model._default_manager.select_for_update().filter(project=project, period=period).first()


def _save_filing(
    model: type[FilingT],
    *,
    project: Project,
    span: ReportingSpan,
    figures: Mapping[str, Any],
    note: str,
    submit: bool,
    today: dt.date,
    label: str,
    fields: tuple[str, ...],
    actor: User | None,
    warnings: list[tuple[str, str]],
    confirmed: bool,
) -> FilingT:
    """Save a draft, or submit: what the quarterly and the labor report share."""
    existing = _locked(model, project, span.code)
    if existing is not None and not existing.is_editable_by_enterprise:
        state = existing.get_status_display()
        raise refusal(
            label,
            model,
            "status",
            _("it is %(state)s and can no longer be changed") % {"state": state},
        )
    if submit:
        _check_project(label, model, project, span)
        problem = rules.check_submitted_on(span, today, today)
        if problem is not None:
            raise refusal(label, model, "submitted_on", problem)
        if warnings and not confirmed:
            raise RecordWarnings(warnings, record=label)
    report = existing or model(project=project, period=span.code)
    before = None if existing is None else record_values(existing, fields)
    for name, value in figures.items():
        setattr(report, name, value)
    report.period_end = span.end_on
    report.note = clean_text(note)
    if submit:
        report.status = ReportStatus.SUBMITTED
        report.submitted_on = today
        report.submitted_by = actor
    try:
        with transaction.atomic():
            record_save(report, label=label, fields=fields, before=before, actor=actor)
    except IntegrityError:  # a report for the same project and period saved meanwhile
        raise refusal(
            label, model, "period", _("a report for this period was saved meanwhile: reload it")
        ) from None
    return report


@transaction.atomic(durable=True)
def project_report_save(
    *,
    project: Project,
    period: str,
    figures: Mapping[str, Decimal | int | None],
    note: str = "",
    submit: bool = False,
    confirmed: bool = False,
    today: dt.date | None = None,
    actor: User | None = None,
) -> ProjectReport:
    """The enterprise saves its quarterly report as a draft, or submits it.

    A draft may be incomplete; a submitted report goes to the board for
    review and can no longer be changed unless the board returns it.
    Submitting checks the project reports for that quarter and that the
    quarter is over; warnings against the previous quarter (revenue ten
    times away, the headcount halved) need ``confirmed``.
    """
    return project_report_write(
        project=project,
        period=period,
        figures=figures,
        note=note,
        submit=submit,
        confirmed=confirmed,
        today=today,
        actor=actor,
    )


def project_report_write(
    *,
    project: Project,
    period: str,
    figures: Mapping[str, Decimal | int | None],
    note: str = "",
    submit: bool = False,
    confirmed: bool = False,
    today: dt.date | None = None,
    actor: User | None = None,
) -> ProjectReport:
    """``project_report_save`` inside the caller's transaction: an enterprise's workbook
    sends several reports in one transaction, all or none."""
    span = rules.quarter_span(period)
    label = report_label(project, span.code)
    values = {name: figures.get(name) for name in REPORT_FIGURES}
    _check_figures(label, ProjectReport, values)
    money = {name: _decimal(values[name]) for name in REPORT_MONEY}
    problem = rules.check_capital_detail(
        money["capital_realized"],
        money["capital_contributed"],
        money["capital_loans"],
        money["capital_reinvested"],
    )
    if problem is not None:
        raise refusal(label, ProjectReport, "capital_realized", problem)
    warnings = rules.report_warnings(values, previous_report_figures(project, span.code))
    return _save_filing(
        ProjectReport,
        project=project,
        span=span,
        figures=values,
        note=note,
        submit=submit,
        today=today or timezone.localdate(),
        label=label,
        fields=REPORT_FIELDS,
        actor=actor,
        warnings=warnings,
        confirmed=confirmed,
    )


def _decimal(value: Decimal | int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def previous_report_figures(project: Project, period: str) -> dict[str, Any] | None:
    """The figures of the project's report for the quarter before ``period`` (accepted or
    waiting for review), or None."""
    span = rules.quarter_span(period)
    previous = rules.quarter_span(_previous_quarter(span.code))
    found: dict[str, Any] | None = (
        ProjectReport.objects.filter(
            project=project,
            period=previous.code,
            status__in=(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED),
        )
        .values(*REPORT_FIGURES)
        .first()
    )
    return found


def _previous_quarter(code: str) -> str:
    year, number = int(code[:4]), int(code[-1])
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"


@transaction.atomic(durable=True)
def labor_filing_save(
    *,
    project: Project,
    period: str,
    figures: Mapping[str, int | None],
    note: str = "",
    submit: bool = False,
    today: dt.date | None = None,
    actor: User | None = None,
) -> LaborFiling:
    """The enterprise saves its half-year labor report as a draft, or submits it."""
    span = rules.half_span(period)
    label = labor_label(project, span.code)
    values = {name: figures.get(name) for name in LABOR_FIGURES}
    _check_figures(label, LaborFiling, values)
    if submit and values["employees"] is None:
        raise refusal(label, LaborFiling, "employees", _("a value is required"))
    return _save_filing(
        LaborFiling,
        project=project,
        span=span,
        figures=values,
        note=note,
        submit=submit,
        today=today or timezone.localdate(),
        label=label,
        fields=LABOR_FIELDS,
        actor=actor,
        warnings=[],
        confirmed=True,
    )


def _review(
    model: type[FilingT],
    report_id: int,
    *,
    accept: bool,
    reason: str,
    actor: User | None,
    fields: tuple[str, ...],
    label_of: Any,
) -> FilingT:
    report = model._default_manager.select_for_update().select_related("project").get(pk=report_id)
    label = label_of(report.project, report.period)
    if report.status != ReportStatus.SUBMITTED:
        raise refusal(
            label,
            model,
            "status",
            _("only a report waiting for review can be accepted or returned; it is %(state)s")
            % {"state": report.get_status_display()},
        )
    reason = clean_text(reason)
    if not accept and not reason:
        raise refusal(label, model, "return_reason", _("say why the report is returned"))
    before = record_values(report, fields)
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.return_reason = "" if accept else reason
    report.reviewed_by = actor
    report.reviewed_at = timezone.now()
    record_save(report, label=label, fields=fields, before=before, actor=actor)
    return report


@transaction.atomic(durable=True)
def project_report_review(
    *, report_id: int, accept: bool, reason: str = "", actor: User | None = None
) -> ProjectReport:
    """Staff accept a submitted quarterly report (it then counts in the figures), or return it
    to the enterprise with the reason, for correction."""
    return _review(
        ProjectReport,
        report_id,
        accept=accept,
        reason=reason,
        actor=actor,
        fields=REPORT_FIELDS,
        label_of=report_label,
    )


@transaction.atomic(durable=True)
def labor_filing_review(
    *, filing_id: int, accept: bool, reason: str = "", actor: User | None = None
) -> LaborFiling:
    """Staff accept a submitted labor filing — it becomes the project's labor report at the
    period's end — or return it with the reason."""
    filing = _review(
        LaborFiling,
        filing_id,
        accept=accept,
        reason=reason,
        actor=actor,
        fields=LABOR_FIELDS,
        label_of=labor_label,
    )
    if accept:
        assert filing.employees is not None  # required to submit
        try:
            labor_report_upsert(
                project=filing.project,
                period_end=filing.period_end,
                employees=filing.employees,
                foreign_employees=filing.foreign_employees,
                new_jobs=filing.new_jobs,
                actor=actor,
            )
        except RecordError as error:
            raise refusal(
                labor_label(filing.project, filing.period), LaborFiling, "employees", error.message
            ) from None
    return filing
