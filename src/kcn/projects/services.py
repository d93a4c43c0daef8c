"""Writes on projects and their ledger, exchange rates, labor reports and inspections.

A project's ledger only grows: each service adds one dated event after
checking the capital rule (``check_capital``) and the whole ledger with the
new event in it (``check_ledger``), the same rules as the workbook import.
Writes to one project's ledger are serialized by locking the project row.

The use cases that the web pages call (``project_register``, ``project_edit``,
``labor_report_record``, the ledger's events, ``inspection_record``) each run in
one durable transaction: they lock what they read, check, write and audit. The
upserts (``project_upsert``, ``labor_report_upsert`` …) are their building blocks,
also used by tests; they run inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    as_decimal,
    check_day,
    check_finite,
    check_minimum,
    checked_choice,
    clean_text,
    record_create,
    record_fingerprint,
    record_save,
    record_upsert,
    record_values,
    record_void,
    refusal,
    required_code,
    required_text,
)
from kcn.core.errors import RecordError, RecordWarnings
from kcn.core.money import Currency
from kcn.investors.models import Investor
from kcn.investors.services import NewInvestor, investor_create
from kcn.projects.models import (
    ExchangeRate,
    Inspection,
    InspectionKind,
    LaborReport,
    Origin,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.projects.rules import (
    LedgerEntry,
    amendment_capital,
    check_capital,
    check_foreign_employees,
    check_ledger,
    first_problem,
    new_jobs_warning,
    not_operating_warning,
    status_on,
)
from kcn.projects.sheets import FX_RATES, INSPECTIONS, LABOR_REPORTS, PROJECT_EVENTS, PROJECTS
from kcn.zones.models import Zone

PROJECT_FIELDS = PROJECTS.fields
EVENT_FIELDS = PROJECT_EVENTS.fields
RATE_FIELDS = FX_RATES.fields
LABOR_FIELDS = LABOR_REPORTS.fields
INSPECTION_FIELDS = INSPECTIONS.fields
CURRENCIES = [currency.value for currency in Currency]


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# -- projects ---------------------------------------------------------------------------


@transaction.atomic
def project_upsert(
    *,
    code: str,
    name: str,
    zone: Zone,
    investor: Investor,
    origin: str,
    kind: str = ProjectKind.SECONDARY,
    sector: str = "",
    land_ha: Decimal | int | None = None,
    actor: User | None = None,
) -> Project:
    """Add the project with ``code``, or set every other field of the one that exists.

    A new project still needs its certificate (``certificate_issue``): a
    project without an ``issued`` event counts nowhere and a workbook
    exported then would not import. ``project_register`` does both at once.
    """
    code, label, values = _project_values(
        code=code,
        name=name,
        zone=zone,
        investor=investor,
        origin=origin,
        kind=kind,
        sector=sector,
        land_ha=land_ha,
    )
    return record_upsert(
        Project,
        key={"code": code},
        values=values,
        label=label,
        fields=PROJECT_FIELDS,
        actor=actor,
    )


def _project_values(
    *,
    code: str,
    name: str,
    zone: Zone,
    investor: Investor,
    origin: str,
    kind: str,
    sector: str,
    land_ha: Decimal | int | None,
) -> tuple[str, str, dict[str, Any]]:
    """The project's checked code, its label and its other fields' values."""
    code = clean_text(code)
    label = _("project %(code)s") % {"code": code}
    required_code(label, Project, "code", code)
    name = required_text(label, Project, "name", name)
    kind = checked_choice(label, Project, "kind", kind, ProjectKind.values)
    origin = checked_choice(label, Project, "origin", origin, Origin.values)
    land = as_decimal(land_ha)
    check_finite(label, Project, "land_ha", land)
    check_minimum(label, Project, "land_ha", land)
    values = {
        "name": name,
        "zone": zone,
        "investor": investor,
        "kind": kind,
        "origin": origin,
        "sector": clean_text(sector),
        "land_ha": land,
    }
    return code, label, values


@transaction.atomic(durable=True)
def project_register(
    *,
    code: str,
    name: str,
    zone: Zone,
    investor: Investor | None,
    origin: str,
    date: dt.date,
    capital: Decimal | int,
    currency: str,
    kind: str = ProjectKind.SECONDARY,
    sector: str = "",
    land_ha: Decimal | int | None = None,
    certificate_no: str = "",
    new_investor: NewInvestor | None = None,
    actor: User | None = None,
) -> Project:
    """Add a new project together with its certificate (GCNĐKĐT), in one transaction.

    Refused when a project with ``code`` exists, also one registered at the same
    moment by someone else: a registration never changes an existing project.
    Two records are written, so two audit entries: the project's and its
    ``issued`` event's. With ``new_investor`` (and no ``investor``) the investor is
    registered in the same transaction: a refused project leaves no investor behind.
    A refusal of the new investor names the field ``new_investor_<field>``.
    """
    if new_investor is not None:
        try:
            investor = investor_create(
                code=new_investor.code,
                name=new_investor.name,
                country=new_investor.country,
                actor=actor,
            )
        except RecordError as error:
            raise RecordError(
                error.message, record=error.record, field=f"new_investor_{error.field}"
            ) from error
    if investor is None:
        raise RecordError(_("Say which investor holds the project."), field="investor")
    code, label, values = _project_values(
        code=code,
        name=name,
        zone=zone,
        investor=investor,
        origin=origin,
        kind=kind,
        sector=sector,
        land_ha=land_ha,
    )
    project = record_create(
        Project(code=code, **values),
        key={"code": code},
        label=label,
        fields=PROJECT_FIELDS,
        field="code",
        taken=lambda _existing: _("a project with this code already exists"),
        actor=actor,
    )
    certificate_issue(
        project=project,
        date=date,
        capital=capital,
        currency=currency,
        certificate_no=certificate_no,
        actor=actor,
    )
    return project


@transaction.atomic(durable=True)
def project_edit(
    *,
    project: Project,
    fingerprint: str,
    name: str,
    zone: Zone,
    investor: Investor,
    origin: str,
    kind: str = ProjectKind.SECONDARY,
    sector: str = "",
    land_ha: Decimal | int | None = None,
    actor: User | None = None,
) -> Project:
    """Change a project's own fields, if nobody changed them since ``fingerprint`` was read.

    ``fingerprint`` is ``project_fingerprint`` of the project as the editor saw
    it. The project is read again under a row lock and compared with it: an
    edit made meanwhile by someone else is refused (``RecordError``), never
    overwritten.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if project_fingerprint(locked) != fingerprint:
        raise RecordError(
            _(
                "Someone else changed this project while you were editing it. Nothing "
                "was saved: reload the page to see their changes."
            ),
            record=_("project %(code)s") % {"code": locked.code},
        )
    return project_upsert(
        code=locked.code,
        name=name,
        zone=zone,
        investor=investor,
        origin=origin,
        kind=kind,
        sector=sector,
        land_ha=land_ha,
        actor=actor,
    )


def project_fingerprint(project: Project) -> str:
    """The digest of the project's own fields that an edit starts from (``project_edit``)."""
    return record_fingerprint(project, PROJECT_FIELDS)


# -- the ledger -------------------------------------------------------------------------


@dataclass(frozen=True)
class NewEvent:
    """An event to add to a project's ledger, before it is checked."""

    date: dt.date
    event: str
    capital: Decimal | None = None
    currency: str = ""
    certificate_no: str = ""
    note: str = ""


@transaction.atomic
def certificate_issue(
    *,
    project: Project,
    date: dt.date,
    capital: Decimal | int,
    currency: str,
    certificate_no: str = "",
    note: str = "",
    actor: User | None = None,
) -> ProjectEvent:
    """Record the investment registration certificate: the registered capital (> 0) and currency.

    The first event of every project, and its only ``issued`` one.
    """
    event = NewEvent(
        date, ProjectEventKind.ISSUED, Decimal(capital), currency, certificate_no, note
    )
    return _ledger_add(project=project, events=[event], actor=actor)[0]


@transaction.atomic(durable=True)
def certificate_amend(
    *,
    project: Project,
    date: dt.date,
    capital_change: Decimal | int | None = None,
    currency: str = "",
    certificate_no: str = "",
    note: str = "",
    actor: User | None = None,
) -> ProjectEvent:
    """Record an amendment of the certificate.

    ``capital_change`` is the change of registered capital (+ increase,
    − decrease) in ``currency``; None, or 0 without a currency, for an
    amendment that does not touch capital.
    """
    change = amendment_capital(as_decimal(capital_change), clean_text(currency))
    event = NewEvent(date, ProjectEventKind.ADJUSTED, change, currency, certificate_no, note)
    return _ledger_add(project=project, events=[event], actor=actor)[0]


@transaction.atomic(durable=True)
def project_mark_operational(
    *, project: Project, date: dt.date, note: str = "", actor: User | None = None
) -> ProjectEvent:
    """Record that the project entered production or business (once per project)."""
    event = NewEvent(date, ProjectEventKind.OPERATIONAL, note=note)
    return _ledger_add(project=project, events=[event], actor=actor)[0]


@transaction.atomic(durable=True)
def project_suspend(
    *,
    project: Project,
    date: dt.date,
    note: str = "",
    resumed_on: dt.date | None = None,
    actor: User | None = None,
) -> ProjectEvent:
    """Record a temporary stop; only an operating project that is not suspended can stop.

    With ``resumed_on`` the restart is recorded too, checked together with the
    stop: that is how a past suspension is entered before a later one (each
    alone would break the ledger). Returns the ``suspended`` event.
    """
    events = [NewEvent(date, ProjectEventKind.SUSPENDED, note=note)]
    if resumed_on is not None:
        events.append(NewEvent(resumed_on, ProjectEventKind.RESUMED))
    return _ledger_add(project=project, events=events, actor=actor)[0]


@transaction.atomic(durable=True)
def project_resume(
    *, project: Project, date: dt.date, note: str = "", actor: User | None = None
) -> ProjectEvent:
    """Record a restart; only a suspended project can resume."""
    event = NewEvent(date, ProjectEventKind.RESUMED, note=note)
    return _ledger_add(project=project, events=[event], actor=actor)[0]


@transaction.atomic(durable=True)
def project_terminate(
    *, project: Project, date: dt.date, note: str = "", actor: User | None = None
) -> ProjectEvent:
    """Record the end of the project (its certificate revoked); nothing may follow it."""
    event = NewEvent(date, ProjectEventKind.TERMINATED, note=note)
    return _ledger_add(project=project, events=[event], actor=actor)[0]


def _ledger_add(
    *, project: Project, events: list[NewEvent], actor: User | None
) -> list[ProjectEvent]:
    """Check ``events`` (capital, duplicates, the whole ledger with them) and write them."""
    # Lock the project: events added at once to one project are checked one after the other.
    locked = Project.objects.select_for_update().get(pk=project.pk)
    recorded = list(locked.events.select_related("project"))  # in force: voided ones left out
    known = [record_values(other, EVENT_FIELDS) for other in recorded]
    ledger: list[LedgerEntry[int | None]] = [_entry(other) for other in recorded]
    sequence = max((other.pk for other in recorded), default=0)
    entries: list[tuple[str, ProjectEvent]] = []
    for new in events:
        label = _("project %(code)s, '%(event)s' of %(date)s") % {
            "code": locked.code,
            "event": _event_name(new.event),
            "date": _day(new.date),
        }
        check_day(label, ProjectEvent, "date", new.date)
        currency = checked_choice(
            label, ProjectEvent, "currency", new.currency, CURRENCIES, blank=True
        )
        check_finite(label, ProjectEvent, "capital", new.capital)
        problem = check_capital(new.event, new.capital, currency)
        if problem is not None:
            raise refusal(label, ProjectEvent, "capital", problem)
        entry = ProjectEvent(
            project=locked,
            date=new.date,
            event=new.event,
            capital=new.capital,
            currency=currency,
            certificate_no=clean_text(new.certificate_no),
            note=clean_text(new.note),
        )
        values = record_values(entry, EVENT_FIELDS)
        if values in known:
            raise refusal(
                label,
                ProjectEvent,
                "event",
                _("the same event is already recorded: a record is listed once"),
            )
        known.append(values)
        sequence += 1
        ledger.append(
            LedgerEntry(new.date, new.event, None, sequence, capital=new.capital, currency=currency)
        )
        entries.append((label, entry))
    found = first_problem(check_ledger(ledger), None)
    if found is not None:
        raise RecordError(
            _("project %(code)s: %(problem)s") % {"code": locked.code, "problem": found.message},
            record=entries[0][0],
            field=found.field,
        )
    for label, entry in entries:
        record_save(entry, label=label, fields=EVENT_FIELDS, before=None, actor=actor)
    return [entry for _label, entry in entries]


def _event_name(event: str) -> str:
    """An event as a message names it: its label ("certificate amended"), not its key."""
    try:
        return str(ProjectEventKind(event).label)
    except ValueError:
        return event


def _entry(event: ProjectEvent) -> LedgerEntry[int | None]:
    return LedgerEntry(
        event.date,
        event.event,
        event.pk,
        sequence=event.pk,
        capital=event.capital,
        currency=event.currency,
    )


@transaction.atomic(durable=True)
def project_event_void(
    *, event: ProjectEvent, reason: str, actor: User | None = None
) -> ProjectEvent:
    """A leader voids a wrong event of a project's ledger, saying why.

    The event stays in the ledger, shown with its reason, but counts nowhere; the right
    event can then be entered (a voided start of operation leaves room for the right one).
    Refused when the ledger without it would break a rule (the certificate of a project
    that has later events: void those first).
    """
    _require_leader(actor)
    locked = Project.objects.select_for_update().get(pk=event.project_id)
    target = ProjectEvent.all_objects.select_for_update().select_related("project").get(pk=event.pk)
    label = _("project %(code)s, '%(event)s' of %(date)s") % {
        "code": locked.code,
        "event": target.get_event_display(),
        "date": _day(target.date),
    }
    if target.voided_at is None:
        remaining = [_entry(other) for other in locked.events.exclude(pk=target.pk)]
        found = next(iter(check_ledger(remaining)), None)
        if found is not None:
            raise refusal(
                label,
                ProjectEvent,
                "",
                _("voiding it would break the ledger: %(problem)s") % {"problem": found.message},
            )
    record_void(target, label=label, reason=reason, actor=actor)
    return target


def _require_leader(actor: User | None) -> None:
    if actor is not None and not actor.can_void_records:
        raise RecordError(_("Only a leader voids a record."))


# -- exchange rates, labor reports, inspections -------------------------------------------


@transaction.atomic
def exchange_rate_set(
    *,
    currency: str,
    valid_from: dt.date,
    vnd_per_unit: Decimal | int,
    actor: User | None = None,
) -> ExchangeRate:
    """Set the VND for one unit of ``currency`` (USD) in force from ``valid_from``."""
    label = _("exchange rate %(currency)s from %(date)s") % {
        "currency": clean_text(currency),
        "date": _day(valid_from),
    }
    currency = checked_choice(label, ExchangeRate, "currency", currency, [Currency.USD.value])
    check_day(label, ExchangeRate, "valid_from", valid_from)
    rate_value = Decimal(vnd_per_unit)
    check_finite(label, ExchangeRate, "vnd_per_unit", rate_value)
    check_minimum(label, ExchangeRate, "vnd_per_unit", rate_value, strict=True)
    return record_upsert(
        ExchangeRate,
        key={"currency": currency, "valid_from": valid_from},
        values={
            "vnd_per_unit": rate_value,
        },
        label=label,
        fields=RATE_FIELDS,
        actor=actor,
    )


@transaction.atomic
def labor_report_upsert(
    *,
    project: Project,
    period_end: dt.date,
    employees: int,
    foreign_employees: int | None = None,
    new_jobs: int | None = None,
    actor: User | None = None,
) -> LaborReport:
    """Add or replace the project's labor report for the period ending on ``period_end``.

    Counts are whole numbers ≥ 0; the foreign employees are some of the employees.
    """
    label, values = _labor_values(project, period_end, employees, foreign_employees, new_jobs)
    return record_upsert(
        LaborReport,
        key={"project": project, "period_end": period_end},
        values=values,
        label=label,
        fields=LABOR_FIELDS,
        actor=actor,
    )


def _labor_values(
    project: Project,
    period_end: dt.date,
    employees: int,
    foreign_employees: int | None,
    new_jobs: int | None,
) -> tuple[str, dict[str, Any]]:
    """The labor report's label and its checked counts."""
    label = _("labor report of project %(code)s to %(date)s") % {
        "code": project.code,
        "date": _day(period_end),
    }
    check_day(label, LaborReport, "period_end", period_end)
    check_minimum(label, LaborReport, "employees", employees)
    check_minimum(label, LaborReport, "foreign_employees", foreign_employees)
    check_minimum(label, LaborReport, "new_jobs", new_jobs)
    problem = check_foreign_employees(employees, foreign_employees)
    if problem is not None:
        raise refusal(label, LaborReport, "foreign_employees", problem)
    values = {
        "employees": employees,
        "foreign_employees": foreign_employees,
        "new_jobs": new_jobs,
    }
    return label, values


@transaction.atomic(durable=True)
def labor_report_record(
    *,
    project: Project,
    period_end: dt.date,
    employees: int,
    foreign_employees: int | None = None,
    new_jobs: int | None = None,
    replace: bool = False,
    confirmed: bool = False,
    actor: User | None = None,
) -> LaborReport:
    """Record the project's labor report for the period ending on ``period_end``.

    A report to a date already recorded is refused (``period_end``) unless
    ``replace`` says to replace it: a new entry never overwrites one, not even
    one recorded at the same moment by someone else (the database's unique
    constraint refuses the second). New jobs above the headcount, or a project not
    operating on ``period_end``, are warnings: ``RecordWarnings`` unless ``confirmed``.
    """
    label, values = _labor_values(project, period_end, employees, foreign_employees, new_jobs)
    if not confirmed:
        warnings = labor_report_warnings(project, period_end, employees, new_jobs)
        if warnings:
            raise RecordWarnings(warnings, record=label)
    key = {"project": project, "period_end": period_end}
    if replace:
        return record_upsert(
            LaborReport, key=key, values=values, label=label, fields=LABOR_FIELDS, actor=actor
        )
    return record_create(
        LaborReport(**key, **values),
        key=key,
        label=label,
        fields=LABOR_FIELDS,
        field="period_end",
        taken=lambda existing: (
            _(
                "a report to this date is already recorded (%(employees)s employees): "
                "replace it to change it"
            )
            % {"employees": existing.employees}
        ),
        actor=actor,
    )


def labor_report_warnings(
    project: Project, period_end: dt.date, employees: int, new_jobs: int | None
) -> list[tuple[str, str]]:
    """``(field, message)`` of what is possible but unlikely in a labor report
    (docs/reference/workbook.md, ``labor_reports``)."""
    warnings = []
    found = new_jobs_warning(employees, new_jobs)
    if found is not None:
        warnings.append(("new_jobs", found))
    events = ProjectEvent.objects.filter(project=project).values_list("date", "event")
    found = not_operating_warning(project.code, status_on(events, period_end), period_end)
    if found is not None:
        warnings.append(("period_end", found))
    return warnings


@transaction.atomic(durable=True)
def labor_report_void(
    *, report: LaborReport, reason: str, actor: User | None = None
) -> LaborReport:
    """A leader voids a wrong labor report, saying why: it stays, shown with its reason, but
    counts nowhere, and a report to the same date can be recorded again."""
    _require_leader(actor)
    target = LaborReport.all_objects.select_for_update().select_related("project").get(pk=report.pk)
    label = _("labor report of project %(code)s to %(date)s") % {
        "code": target.project.code,
        "date": _day(target.period_end),
    }
    record_void(target, label=label, reason=reason, actor=actor)
    return target


@transaction.atomic(durable=True)
def inspection_record(
    *,
    project: Project,
    date: dt.date,
    kind: str,
    violation: bool = False,
    note: str = "",
    actor: User | None = None,
) -> Inspection:
    """Record an inspection of the project (``onsite`` or ``desk``).

    One equal in every field to an inspection already recorded is refused:
    a record is listed once (tell two visits of one day apart by their note).
    """
    label = _("inspection of project %(code)s on %(date)s") % {
        "code": project.code,
        "date": _day(date),
    }
    kind = checked_choice(label, Inspection, "kind", kind, InspectionKind.values)
    check_day(label, Inspection, "date", date)
    # Lock the project: the same inspection entered twice at once is checked one after the other.
    project = Project.objects.select_for_update().get(pk=project.pk)
    inspection = Inspection(
        project=project, date=date, kind=kind, violation=bool(violation), note=clean_text(note)
    )
    values = record_values(inspection, INSPECTION_FIELDS)
    if any(
        record_values(other, INSPECTION_FIELDS) == values
        for other in Inspection.objects.filter(project=project, date=date).select_related("project")
    ):
        raise refusal(
            label,
            Inspection,
            "note",
            _("the same inspection is already recorded: a record is listed once"),
        )
    record_save(inspection, label=label, fields=INSPECTION_FIELDS, before=None, actor=actor)
    return inspection
