"""Small builders of records for tests, straight through the ORM.

They write what a valid import or service would write; rules are tested on
the importer and the services themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from kcn.documents.models import Document
from kcn.dossiers.models import Dossier, Procedure
from kcn.indicators.models import Target
from kcn.investors.models import Investor
from kcn.projects.models import (
    ExchangeRate,
    Inspection,
    LaborReport,
    Project,
    ProjectEvent,
)
from kcn.zones.models import Zone, ZoneEvent

d = dt.date


def investor(code: str = "JP-0001", *, country: str = "JP", name: str = "") -> Investor:
    found, _created = Investor.objects.get_or_create(
        code=code, defaults={"name": name or f"Investor {code}", "country": country}
    )
    return found


def zone(code: str = "Z1", **fields: Any) -> Zone:
    found, _created = Zone.objects.get_or_create(
        code=code, defaults={"name": fields.pop("name", f"KCN {code}"), **fields}
    )
    return found


def zone_event(zone_code: str, date: dt.date, event: str, area: str | None = None) -> ZoneEvent:
    return ZoneEvent.objects.create(
        zone=zone(zone_code),
        date=date,
        event=event,
        area_ha=Decimal(area) if area is not None else None,
    )


Event = tuple[Any, ...]  # (date, event) or (date, event, capital, currency)


def project(
    code: str,
    events: Sequence[Event] = (),
    *,
    origin: str = "foreign",
    kind: str = "secondary",
    zone_code: str = "Z1",
) -> Project:
    created = Project.objects.create(
        code=code,
        name=f"Project {code}",
        zone=zone(zone_code),
        investor=investor(
            "JP-0001" if origin == "foreign" else "0100109106",
            country="JP" if origin == "foreign" else "VN",
        ),
        kind=kind,
        origin=origin,
    )
    for event in events:
        add_event(created, *event)
    return created


def add_event(
    target: Project,
    date: dt.date,
    event: str,
    capital: str | int | None = None,
    currency: str = "",
) -> ProjectEvent:
    return ProjectEvent.objects.create(
        project=target,
        date=date,
        event=event,
        capital=Decimal(capital) if capital is not None else None,
        currency=currency if capital is not None else "",
    )


def rate(valid_from: dt.date, vnd: str | int, currency: str = "USD") -> ExchangeRate:
    return ExchangeRate.objects.create(
        currency=currency, valid_from=valid_from, vnd_per_unit=Decimal(vnd)
    )


def labor(
    target: Project, period_end: dt.date, employees: int, new_jobs: int | None = None
) -> LaborReport:
    return LaborReport.objects.create(
        project=target, period_end=period_end, employees=employees, new_jobs=new_jobs
    )


def inspection(
    target: Project, date: dt.date, kind: str = "onsite", violation: bool = False
) -> Inspection:
    return Inspection.objects.create(project=target, date=date, kind=kind, violation=violation)


def procedure(code: str = "IRC", working_days: int = 15) -> Procedure:
    found, _created = Procedure.objects.get_or_create(
        code=code, defaults={"name": f"Procedure {code}", "working_days": working_days}
    )
    return found


def dossier(code: str, received: dt.date, due: dt.date, resolved: dt.date | None = None) -> Dossier:
    return Dossier.objects.create(
        code=code, procedure=procedure(), received_on=received, due_on=due, resolved_on=resolved
    )


def document(
    symbol: str,
    date: dt.date,
    direction: str = "out",
    *,
    secret: bool = False,
    digitized: bool = True,
    electronic: bool = True,
) -> Document:
    return Document.objects.create(
        symbol=symbol,
        date=date,
        direction=direction,
        secret=secret,
        digitized=digitized,
        electronic=electronic,
    )


def target(year: int, indicator: str, low: str | int, high: str | int | None = None) -> Target:
    return Target.objects.create(
        year=year,
        indicator=indicator,
        target=Decimal(low),
        target_max=Decimal(high) if high is not None else None,
    )


def project_report(
    project: Project,
    period: str,
    submitted_on: dt.date | None,
    status: str = "accepted",
    **figures: Any,
) -> Any:
    """A quarterly report (form A.III.1) of ``project`` for ``period`` (``2022-Q1``)."""
    from kcn.enterprise_reports.models import ProjectReport
    from kcn.enterprise_reports.rules import quarter_span

    span = quarter_span(period)
    return ProjectReport.objects.create(
        project=project,
        period=span.code,
        period_end=span.end_on,
        status=status,
        submitted_on=submitted_on,
        **{
            name: Decimal(value) if isinstance(value, str | float) else value
            for name, value in figures.items()
        },
    )


def published_report(period: str, *, number: str = "", issued_on: dt.date | None = None) -> Any:
    """The report of ``period`` submitted, approved and published by the system (no actor
    may take every step), as ``make demo`` does."""
    from kcn.core.periods import parse_period
    from kcn.reports import workflow

    parsed = parse_period(period)
    workflow.report_submit(period=parsed, actor=None)
    workflow.report_approve(period=parsed, actor=None)
    return workflow.report_publish(period=parsed, number=number, issued_on=issued_on, actor=None)
