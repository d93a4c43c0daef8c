"""The services and the workbook import apply the same rules with the same messages.

Each case breaks one rule twice: once in a workbook row, once through the
service; the import's message (after ``sheet!cell:``) is part of the service's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from kcn.core.errors import KcnError
from kcn.documents.services import document_upsert
from kcn.dossiers.models import Dossier, Procedure
from kcn.dossiers.services import dossier_receive, dossier_resolve, procedure_upsert
from kcn.indicators.services import target_set
from kcn.investors.services import investor_upsert
from kcn.projects.models import Project
from kcn.projects.services import (
    certificate_amend,
    certificate_issue,
    labor_report_upsert,
    project_mark_operational,
    project_resume,
    project_upsert,
)
from kcn.reports.services import narrative_set
from kcn.zones.models import Zone
from kcn.zones.services import zone_event_record, zone_upsert

pytestmark = pytest.mark.django_db
d = dt.date
POINT = '{"type": "Point", "coordinates": [106.0, 20.9]}'


def a_zone() -> None:
    zone_upsert(code="Z1", name="KCN 1")


def a_project() -> None:
    """P1, certified in 2020 and operating since 2021."""
    a_zone()
    project = project_upsert(
        code="P1",
        name="A",
        zone=Zone.objects.get(code="Z1"),
        investor=investor_upsert(code="JP-0001", name="Sumi", country="JP"),
        origin="foreign",
    )
    certificate_issue(project=project, date=d(2020, 1, 5), capital=1, currency="USD")
    project_mark_operational(project=project, date=d(2021, 1, 5))


def a_dossier() -> None:
    dossier_receive(code="D1", procedure=irc(), received_on=d(2022, 3, 1))


def irc() -> Procedure:
    return procedure_upsert(code="IRC", name="Cấp GCNĐKĐT", working_days=15)


def p1() -> Project:
    return Project.objects.get(code="P1")


@dataclass
class Case:
    name: str
    rows: dict[str, list[dict[str, Any]]]
    call: Callable[[], Any]
    setup: Callable[[], None] = field(default=lambda: None)


CASES = [
    Case(
        "country",
        {"investors": [{"code": "X-1", "name": "A", "country": "XX"}]},
        lambda: investor_upsert(code="X-1", name="A", country="XX"),
    ),
    Case(
        "tax code",
        {"investors": [{"code": "0100109107", "name": "A", "country": "VN"}]},
        lambda: investor_upsert(code="0100109107", name="A", country="VN"),
    ),
    Case(
        "geometry",
        {"zones": [{"code": "Z2", "name": "KCN 2", "geometry": POINT}]},
        lambda: zone_upsert(code="Z2", name="KCN 2", geometry=POINT),
    ),
    Case(
        "zone its own parent",
        {"zones": [{"code": "Z1", "name": "KCN 1", "parent_code": "Z1"}]},
        lambda: zone_upsert(code="Z1", name="KCN 1", parent=Zone.objects.get(code="Z1")),
        a_zone,
    ),
    Case(
        "area of a milestone",
        {"zone_events": [{"zone_code": "Z1", "date": d(2022, 2, 1), "event": "land_leased"}]},
        lambda: zone_event_record(
            zone=Zone.objects.get(code="Z1"), date=d(2022, 2, 1), event="land_leased"
        ),
        a_zone,
    ),
    Case(
        "capital of an amendment without currency",
        {
            "project_events": [
                {
                    "project_code": "P1",
                    "date": d(2022, 2, 1),
                    "event": "adjusted",
                    "capital": Decimal(5),
                }
            ]
        },
        lambda: certificate_amend(project=p1(), date=d(2022, 2, 1), capital_change=5),
        a_project,
    ),
    Case(
        "ledger",
        {"project_events": [{"project_code": "P1", "date": d(2022, 2, 1), "event": "resumed"}]},
        lambda: project_resume(project=p1(), date=d(2022, 2, 1)),
        a_project,
    ),
    Case(
        "foreign employees",
        {
            "labor_reports": [
                {
                    "project_code": "P1",
                    "period_end": d(2022, 3, 31),
                    "employees": 5,
                    "foreign_employees": 6,
                }
            ]
        },
        lambda: labor_report_upsert(
            project=p1(), period_end=d(2022, 3, 31), employees=5, foreign_employees=6
        ),
        a_project,
    ),
    Case(
        "due date",
        {
            "dossiers": [
                {
                    "code": "D2",
                    "procedure_code": "IRC",
                    "received_on": d(2022, 3, 1),
                    "due_on": d(2022, 2, 1),
                }
            ]
        },
        lambda: dossier_receive(
            code="D2",
            procedure=irc(),
            received_on=d(2022, 3, 1),
            due_on=d(2022, 2, 1),
        ),
        a_dossier,
    ),
    Case(
        "resolution date",
        {
            "dossiers": [
                {
                    "code": "D1",
                    "procedure_code": "IRC",
                    "received_on": d(2022, 3, 1),
                    "resolved_on": d(2022, 2, 1),
                    "result": "approved",
                }
            ]
        },
        lambda: dossier_resolve(
            dossier=Dossier.objects.get(code="D1"), resolved_on=d(2022, 2, 1), result="approved"
        ),
        a_dossier,
    ),
    Case(
        "document symbol",
        {"documents": [{"symbol": "KH-BQL", "date": d(2022, 2, 11), "direction": "out"}]},
        lambda: document_upsert(symbol="KH-BQL", date=d(2022, 2, 11), direction="out"),
    ),
    Case(
        "document type",
        {
            "documents": [
                {
                    "symbol": "166/KH-BQL",
                    "date": d(2022, 2, 11),
                    "direction": "out",
                    "type": "KeHoachNam",
                }
            ]
        },
        lambda: document_upsert(
            symbol="166/KH-BQL", date=d(2022, 2, 11), direction="out", type="KeHoachNam"
        ),
    ),
    Case(
        "indicator",
        {"targets": [{"year": 2022, "indicator": "jobs", "target": Decimal(1)}]},
        lambda: target_set(year=2022, indicator="jobs", target=1),
    ),
    Case(
        "target range",
        {
            "targets": [
                {
                    "year": 2022,
                    "indicator": "jobs_created",
                    "target": Decimal(2),
                    "target_max": Decimal(1),
                }
            ]
        },
        lambda: target_set(year=2022, indicator="jobs_created", target=2, target_max=1),
    ),
    Case(
        "period",
        {"narratives": [{"period": "2022-Q5", "section": "health", "text": "…"}]},
        lambda: narrative_set(period="2022-Q5", section="health", text="…"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_service_refuses_with_the_message_of_the_import(import_rows, case):
    case.setup()
    result = import_rows(case.rows)
    assert not result.ok
    with pytest.raises(KcnError) as error:
        case.call()
    messages = [problem.message for problem in result.problems.listed]
    assert any(message in str(error.value) for message in messages), (messages, str(error.value))
