"""The workbook import: each rule of workbook.md, all or nothing, idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from django.apps import apps

from kcn.audit.models import AuditEntry
from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.exchange.importer import workbook_import
from kcn.projects.models import Project, ProjectEvent
from kcn.zones.models import Zone
from tests.exchange.samples import valid, with_extra, with_row

pytestmark = pytest.mark.django_db
d = dt.date


# Reference data that the migrations write (the reporting periods and their due dates).
REFERENCE = {"enterprise_reports.reportingperiod"}


def record_count() -> int:
    return sum(
        model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"contenttypes", "auth", "sessions"}
        and model._meta.label_lower not in REFERENCE
    )


def test_a_valid_workbook_is_imported_with_a_summary_per_sheet(import_rows):
    result = import_rows(valid())
    assert result.ok, result.problems.listed
    assert result.summary["project_events"].added == 6
    assert result.summary["zones"].added == 2
    assert Zone.objects.get(code="TLII-3").parent == Zone.objects.get(code="TLII")
    assert Document.objects.get(symbol="201/KH-BQL").parent == Document.objects.get(
        symbol="166/KH-BQL"
    )
    assert AuditEntry.objects.filter(action="import").count() == 1


def test_vietnamese_labels_head_the_columns_as_well_as_english_keys(import_rows):
    assert import_rows(valid(), labels=True).ok
    assert Project.objects.count() == 2


def test_importing_the_same_workbook_twice_changes_nothing(import_rows):
    import_rows(valid())
    before = record_count() - AuditEntry.objects.count()
    result = import_rows(valid())
    assert result.ok
    assert all(s.added == 0 and s.updated == 0 for s in result.summary.values())
    assert sum(s.unchanged for s in result.summary.values()) == result.rows
    assert record_count() - AuditEntry.objects.count() == before


def test_a_changed_row_updates_the_record_with_the_same_key(import_rows):
    import_rows(valid())
    result = import_rows(with_row("projects", 0, name="Nhà máy A (đổi tên)"))
    assert result.summary["projects"].updated == 1
    assert Project.objects.get(code="P1").name == "Nhà máy A (đổi tên)"


def test_an_import_adds_to_what_the_database_holds(import_rows):
    import_rows(valid())
    extra = {
        "projects": [
            {
                "code": "P3",
                "name": "Nhà máy C",
                "zone_code": "TLII",
                "investor": "JP-0001",
                "origin": "foreign",
            }
        ],
        "project_events": [
            {
                "project_code": "P3",
                "date": d(2022, 3, 1),
                "event": "issued",
                "capital": Decimal(5_000_000),
                "currency": "USD",
            }
        ],
    }
    assert import_rows(extra).ok
    assert Project.objects.count() == 3


def test_a_dossier_without_due_date_is_due_after_its_working_days_with_the_overrides(import_rows):
    import_rows(valid())
    # 15 working days after Friday 28/01/2022, Saturday 29/01 declared worked, Tết off.
    assert Dossier.objects.get(code="D1").due_on == d(2022, 2, 24)
    assert Dossier.objects.get(code="D2").due_on == d(2022, 3, 10)


BAD_WORKBOOKS = [
    # (id, data, expected problem text (sheet!cell: …))
    ("bad tax code", with_row("investors", 0, code="0100109107"), "investors!A2: ", "check digit"),
    ("bad country", with_row("investors", 1, country="XX"), "investors!C3: ", "ISO 3166-1"),
    ("missing required name", with_row("investors", 1, name=None), "investors!B3: ", "required"),
    ("negative area", with_row("zones", 0, area_ha=Decimal(-1)), "zones!E2: ", "below 0"),
    ("unknown developer", with_row("zones", 0, developer="KR-9"), "zones!H2: ", "does not exist"),
    (
        "unknown parent zone",
        with_row("zones", 1, parent_code="NOPE"),
        "zones!G3: ",
        "does not exist",
    ),
    ("zone parent of itself", with_row("zones", 0, parent_code="TLII"), "zones!G2: ", "itself"),
    ("zone parent cycle", with_row("zones", 0, parent_code="TLII-3"), "zones!G", "itself"),
    (
        "bad geometry",
        with_row("zones", 0, geometry='{"type": "Point", "coordinates": [1, 2]}'),
        "zones!I2: ",
        "Polygon",
    ),
    (
        "area missing on land event",
        with_row("zone_events", 1, area_ha=None),
        "zone_events!D3: ",
        "the area (ha) is required",
    ),
    (
        "unknown zone event",
        with_row("zone_events", 0, event="opened"),
        "zone_events!C2: ",
        "not one of",
    ),
    ("bad date", with_row("zone_events", 0, date="31/02/2022"), "zone_events!B2: ", "not a date"),
    (
        "project in unknown zone",
        with_row("projects", 0, zone_code="ZZ"),
        "projects!C2: ",
        "does not exist",
    ),
    (
        "project with bad origin",
        with_row("projects", 0, origin="mixed"),
        "projects!F2: ",
        "not one of",
    ),
    (
        "issued without capital",
        with_row("project_events", 0, capital=None, currency=None),
        "project_events!D2: ",
        "registered capital",
    ),
    (
        "issued with zero capital",
        with_row("project_events", 0, capital=Decimal(0)),
        "project_events!D2: ",
        "greater than 0",
    ),
    (
        "capital without currency",
        with_row("project_events", 5, currency=None),
        "project_events!D7: ",
        "currency",
    ),
    (
        "capital on an operational event",
        with_row("project_events", 2, capital=Decimal(5), currency="USD"),
        "project_events!D4: ",
        "takes no capital",
    ),
    (
        "fractions of a dong",
        with_row("project_events", 0, capital=Decimal("345000000000.5")),
        "project_events!D2: ",
        "finer than the currency's unit",
    ),
    (
        "event before issued",
        with_extra("project_events", project_code="P1", date=d(2021, 1, 1), event="operational"),
        "project_events!C8: ",
        "first event",
    ),
    (
        "second issued",
        with_extra(
            "project_events",
            project_code="P2",
            date=d(2022, 3, 1),
            event="issued",
            capital=Decimal(1),
            currency="USD",
        ),
        "project_events!C8: ",
        "a second certificate",
    ),
    (
        "resumed while not suspended",
        with_extra("project_events", project_code="P2", date=d(2022, 3, 1), event="resumed"),
        "project_events!C8: ",
        "not suspended",
    ),
    (
        "suspended before operating",
        with_extra("project_events", project_code="P1", date=d(2022, 3, 1), event="suspended"),
        "project_events!C8: ",
        "not operating",
    ),
    (
        "event after termination",
        with_extra("project_events", project_code="P1", date=d(2022, 3, 1), event="terminated")
        | {},
        None,
        None,
    ),
    (
        "project without certificate",
        with_extra(
            "projects", code="P9", name="X", zone_code="TLII", investor="JP-0001", origin="foreign"
        ),
        "projects!A4: ",
        "no 'issued'",
    ),
    (
        "rate not positive",
        with_row("fx_rates", 0, vnd_per_unit=Decimal(0)),
        "fx_rates!C2: ",
        "greater than 0",
    ),
    ("rate in VND", with_row("fx_rates", 0, currency="VND"), "fx_rates!A2: ", "not one of"),
    (
        "more foreign employees than employees",
        with_row("labor_reports", 0, foreign_employees=2000),
        "labor_reports!D2: ",
        "are more than all the employees",
    ),
    (
        "fractional employees",
        with_row("labor_reports", 0, employees="12,5"),
        "labor_reports!C2: ",
        "whole number",
    ),
    (
        "procedure without days",
        with_row("procedures", 0, working_days=0),
        "procedures!C2: ",
        "greater than 0",
    ),
    (
        "resolved before received",
        with_row("dossiers", 0, resolved_on=d(2022, 1, 1)),
        "dossiers!F2: ",
        "before the dossier was received",
    ),
    (
        "due before received",
        with_row("dossiers", 1, due_on=d(2022, 2, 1)),
        "dossiers!E3: ",
        "before the day of receipt",
    ),
    (
        "unknown procedure",
        with_row("dossiers", 0, procedure_code="XX"),
        "dossiers!B2: ",
        "does not exist",
    ),
    ("bad calendar kind", with_row("calendar", 0, kind="weekend"), "calendar!B2: ", "not one of"),
    ("bad boolean", with_row("inspections", 0, violation="maybe"), "inspections!D2: ", "yes or no"),
    (
        "bad document symbol",
        with_row("documents", 0, symbol="CTr-UBND"),
        "documents!A2: ",
        "document symbol",
    ),
    (
        "unknown parent plan",
        with_row("documents", 2, parent_symbol="999/KH-BQL"),
        "documents!J4: ",
        "does not exist",
    ),
    (
        "unknown indicator",
        with_row("targets", 0, indicator="happiness"),
        "targets!B2: ",
        "not an indicator",
    ),
    (
        "inverted range",
        with_row("targets", 1, target_max=Decimal("0.5")),
        "targets!D3: ",
        "below the target",
    ),
    (
        "unknown assigning document",
        with_row("targets", 0, assigned_by="99/CTr-UBND"),
        "targets!E2: ",
        "does not exist",
    ),
    ("bad period", with_row("narratives", 0, period="2022-Q5"), "narratives!A2: ", "Period"),
    ("bad section", with_row("narratives", 0, section="weather"), "narratives!B2: ", "not one of"),
    (
        "priority order zero",
        with_row("priorities", 0, order=0),
        "priorities!B2: ",
        "greater than 0",
    ),
    (
        "duplicate key",
        with_extra("procedures", code="IRC", name="Again", working_days=5),
        "procedures!A3: ",
        "row 2",
    ),
    (
        "duplicate keyless row",
        with_extra("inspections", project_code="P2", date=d(2022, 3, 1), kind="onsite"),
        "inspections!A3: ",
        "row 2",
    ),
    ("ambiguous number", with_row("zones", 0, area_ha="1.234"), "zones!E2: ", "ambiguous"),
]


@pytest.mark.parametrize(
    ("data", "where", "what"),
    [
        pytest.param(data, where, what, id=name)
        for name, data, where, what in BAD_WORKBOOKS
        if where is not None
    ],
)
def test_a_workbook_breaking_a_rule_is_refused_whole_with_the_cell_named(
    import_rows, data, where, what
):
    result = import_rows(data)
    assert not result.ok
    texts = [str(problem) for problem in result.problems.listed]
    assert any(text.startswith(where) and what in text for text in texts), texts
    assert record_count() == 0


def test_nothing_may_follow_a_termination(import_rows):
    data = valid()
    data["project_events"] += [
        {"project_code": "P1", "date": d(2022, 3, 1), "event": "terminated"},
        {
            "project_code": "P1",
            "date": d(2022, 3, 2),
            "event": "adjusted",
            "capital": Decimal(1),
            "currency": "VND",
        },
    ]
    result = import_rows(data)
    assert [str(p) for p in result.problems.listed] == [
        "project_events!C9: project P1: 'certificate amended' on 02/03/2022 comes after the "
        "project was terminated"
    ]
    assert record_count() == 0


def test_a_rule_broken_against_records_already_in_the_database_is_refused(import_rows):
    assert import_rows(valid()).ok
    before = record_count()
    again = {
        "project_events": [
            {
                "project_code": "P2",
                "date": d(2019, 1, 1),
                "event": "issued",
                "capital": Decimal(1),
                "currency": "USD",
            }
        ]
    }
    result = import_rows(again)
    assert not result.ok
    assert "a second certificate" in str(result.problems.listed[0])
    assert record_count() == before


def test_every_problem_is_listed_not_only_the_first(import_rows):
    data = with_row("investors", 0, code="0100109107")
    data["zones"][0]["area_ha"] = Decimal(-5)
    data["procedures"][0]["working_days"] = -1
    result = import_rows(data)
    sheets = {problem.sheet for problem in result.problems.listed}
    assert {"investors", "zones", "procedures"} <= sheets


def _raw_workbook(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_an_unknown_sheet_is_refused(tmp_path):
    path = _raw_workbook(tmp_path / "x.xlsx", {"weather": [["code"], ["x"]]})
    result = workbook_import(path)
    assert str(result.problems.listed[0]).startswith("weather!A1: weather is not a sheet")


def test_unknown_duplicate_and_missing_columns_are_refused(tmp_path):
    path = _raw_workbook(
        tmp_path / "x.xlsx",
        {
            "procedures": [["code", "Tên thủ tục", "colour", "CODE"], ["X", "Y", "red", "X"]],
        },
    )
    problems = [str(p) for p in workbook_import(path).problems.listed]
    assert (
        "procedures!C1: unknown column 'colour' (the columns of this sheet are: code, name, "
        "working_days)" in problems
    )
    assert "procedures!D1: column 'CODE' appears twice" in problems
    assert any(p.startswith("procedures!A1: the required column working_days") for p in problems)


def test_text_cells_in_vietnamese_number_and_date_style_are_read(tmp_path):
    path = _raw_workbook(
        tmp_path / "x.xlsx",
        {
            "investors": [["code", "name", "country"], ["JP-1", "A", "jp"]],
            "zones": [["Mã KCN", "Tên KCN", "Diện tích quy hoạch (ha)"], ["Z", "KCN Z", "1.180,5"]],
            "projects": [
                ["code", "name", "zone_code", "investor", "origin"],
                ["P", "Dự án", "Z", "JP-1", "foreign"],
            ],
            "project_events": [
                ["project_code", "date", "event", "capital", "currency"],
                ["P", "20/01/2022", "issued", "1.234.567,89", "USD"],
            ],
            "documents": [
                ["symbol", "date", "direction", "digitized", "secret"],
                ["01/BC-BQL", "2022-01-05", "out", "x", "không"],
            ],
        },
    )
    result = workbook_import(path)
    assert result.ok, result.problems.listed
    assert Zone.objects.get().area_ha == Decimal("1180.5")
    event = ProjectEvent.objects.get()
    assert (event.date, event.capital) == (d(2022, 1, 20), Decimal("1234567.89"))
    document = Document.objects.get()
    assert (document.digitized, document.secret, document.type) == (True, False, "BC")


def test_a_row_1_that_is_empty_is_refused(tmp_path):
    header = ["code", "name", "working_days"]
    path = _raw_workbook(tmp_path / "x.xlsx", {"procedures": [[], header]})
    assert str(workbook_import(path).problems.listed[0]) == (
        "procedures!A1: row 1 must hold the column headers"
    )


def test_an_unparseable_file_is_one_clear_error(tmp_path):
    from kcn.core.errors import KcnError

    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(KcnError, match="not an Excel workbook"):
        workbook_import(path)


def test_duplicates_are_found_across_batches_and_name_the_first_row(write_workbook):
    procedures = [{"code": f"P{i}", "name": f"Thủ tục {i}", "working_days": 5} for i in range(7)]
    procedures.append({"code": "P1", "name": "Again", "working_days": 5})  # row 9, like row 3
    procedures.append({"code": "P6", "name": "Again", "working_days": 5})  # row 10, like row 8
    result = workbook_import(write_workbook({"procedures": procedures}), batch_size=3)
    assert [str(p) for p in result.problems.listed] == [
        "procedures!A9: the same key as row 3: each row of this sheet needs its own key",
        "procedures!A10: the same key as row 8: each row of this sheet needs its own key",
    ]


def test_a_zone_refused_for_its_developer_still_lets_the_others_link_their_parents(import_rows):
    # Its parent exists, but its own row is refused: there is no record to link.
    result = import_rows(with_row("zones", 1, developer="KR-9"))
    assert [str(p) for p in result.problems.listed if p.sheet == "zones"] == [
        "zones!H3: investor KR-9 does not exist (neither in sheet investors nor in the database)"
    ]
    assert record_count() == 0
