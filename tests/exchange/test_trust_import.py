"""The rules of trust in the import (issue 12): the ledger's capital, the warnings listed as
``sheet!cell: …`` beside the summary, and voided records in the exchange workbook."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from kcn.accounts.models import Role, User
from kcn.cli import main
from kcn.exchange.exporter import workbook_export
from kcn.projects.models import LaborReport, ProjectEvent
from kcn.projects.services import labor_report_void, project_event_void
from kcn.zones.models import ZoneEvent
from kcn.zones.services import zone_event_void
from tests.exchange.samples import valid, with_extra, with_row

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def leader(db: None) -> User:
    return User.objects.create(username="lan-leader", role=Role.LEADER)


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems.listed]


# -- errors ----------------------------------------------------------------------------------


def test_a_decrease_below_zero_is_refused_pinned_to_its_event(import_rows):
    data = with_extra(
        "project_events",
        project_code="P2",
        date=d(2022, 3, 1),
        event="adjusted",
        capital=Decimal("-200000000"),
        currency="USD",
    )
    result = import_rows(data)
    assert messages(result.problems) == [
        "project_events!C8: project P2: the amendment of 01/03/2022 (-200.000.000 USD) leaves "
        "a registered capital of -78.000.000 USD: it must stay above zero"
    ]


def test_an_amendment_in_vnd_on_a_usd_project_is_refused(import_rows):
    result = import_rows(with_row("project_events", 5, currency="VND"))
    assert messages(result.problems) == [
        "project_events!C7: project P2: the amendment of 05/02/2022 is in VND, but the "
        "project's capital is in USD (its certificate of 05/01/2020): one project, one currency"
    ]


# -- warnings: listed beside the summary, never stopping the import -------------------------


def test_warnings_are_listed_beside_the_summary_and_the_workbook_is_imported(import_rows):
    data = with_row("labor_reports", 0, employees=100, new_jobs=500, foreign_employees=None)
    data["zone_events"][1]["area_ha"] = Decimal("5000")  # TLII is 345 ha
    data["labor_reports"].append(
        {"project_code": "P1", "period_end": d(2022, 3, 31), "employees": 12}
    )
    result = import_rows(data)
    assert result.ok, result.problems.listed
    assert messages(result.warnings) == [
        "zone_events!D3: 'infrastructure built' in zone TLII adds up to 5.000 ha, more than its "
        "planned area of 345 ha",
        "labor_reports!E2: 500 new jobs in the period, more than the 100 employees at its end",
        "labor_reports!B3: project P1 is not operating on 31/03/2022: it has not entered operation",
    ]
    assert LaborReport.objects.count() == 2


def test_the_same_workbook_imported_again_warns_of_nothing_it_did_not_write(import_rows):
    data = with_row("labor_reports", 0, employees=100, new_jobs=500, foreign_employees=None)
    assert len(import_rows(data).warnings) == 1
    assert len(import_rows(data).warnings) == 0


def test_the_command_line_prints_the_warnings(capsys, write_workbook):
    path = write_workbook(with_row("labor_reports", 0, new_jobs=5000))
    code = main(["--lang", "en", "import", str(path)])
    _out, err = capsys.readouterr()
    assert code == 0
    assert "warning: labor_reports!E2: 5000 new jobs in the period" in err


# -- voided records and the exchange workbook ------------------------------------------------


def test_voided_records_are_left_out_of_the_export(import_rows, leader, tmp_path):
    import_rows(valid())
    event = ProjectEvent.objects.get(project__code="P2", event="adjusted")
    project_event_void(event=event, reason="entered on the wrong project", actor=leader)
    path = tmp_path / "out.xlsx"
    workbook_export(path, english_keys=True)
    book = openpyxl.load_workbook(path, read_only=True)
    events = list(book["project_events"].iter_rows(min_row=2, values_only=True))
    assert len(events) == 5
    assert all(row[2] != "adjusted" for row in events)


def test_a_row_equal_to_a_voided_record_stays_voided_with_a_warning(import_rows, leader):
    import_rows(valid())
    milestone = ZoneEvent.objects.get(event="infrastructure_built")
    zone_event_void(event=milestone, reason="belongs to another zone", actor=leader)
    result = import_rows(valid())  # the workbook still holds it
    assert result.ok
    [warning] = messages(result.warnings)
    assert warning.startswith("zone_events!A3: the same as a record voided on ")
    assert "(belongs to another zone): it stays voided and the row is left out" in warning
    assert not ZoneEvent.objects.filter(event="infrastructure_built").exists()
    assert ZoneEvent.all_objects.filter(event="infrastructure_built").count() == 1


def test_a_voided_labor_report_is_replaced_by_the_right_one_of_the_same_date(import_rows, leader):
    import_rows(valid())
    labor_report_void(report=LaborReport.objects.get(), reason="1200 for 120", actor=leader)
    result = import_rows(with_row("labor_reports", 0, employees=120, foreign_employees=1))
    assert result.ok, result.problems.listed
    assert LaborReport.objects.get().employees == 120
    assert LaborReport.all_objects.count() == 2


def test_a_voided_start_of_operation_lets_a_workbook_bring_the_right_one(import_rows, leader):
    import_rows(valid())
    wrong = ProjectEvent.objects.get(project__code="P2", event="operational")
    # The suspension and resumption depend on it: void them first, then the start.
    for kind in ("resumed", "suspended"):
        project_event_void(
            event=ProjectEvent.objects.get(event=kind), reason="wrong year", actor=leader
        )
    project_event_void(event=wrong, reason="wrong year", actor=leader)
    data = valid()
    data["project_events"] = [
        row for row in data["project_events"] if row["event"] not in ("suspended", "resumed")
    ]
    data["project_events"][2]["date"] = d(2022, 1, 5)  # the right day
    result = import_rows(data)
    assert result.ok, result.problems.listed
    assert ProjectEvent.objects.get(event="operational").date == d(2022, 1, 5)
