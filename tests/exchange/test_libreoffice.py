"""Workbooks saved by LibreOffice Calc: texts in the shared-strings table, Calc's booleans and
date formats. Made by ``fixtures/regenerate.py`` (``make fixtures``) from ``fixtures/records.py``.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction

from kcn.exchange.exporter import workbook_export, write_rows_workbook
from kcn.exchange.importer import workbook_import
from kcn.exchange.xlsx import CellValue, XlsxReader
from tests.exchange.fixtures.records import RECORDS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KEYS = FIXTURES / "libreoffice-keys.xlsx"
LABELS = FIXTURES / "libreoffice-labels.xlsx"
Rows = dict[str, list[tuple[int, list[CellValue]]]]


def read(path: Path, *, parallel: bool = False) -> Rows:
    with XlsxReader(path) as reader:
        return {
            sheet: [row for batch in reader.rows(sheet, parallel=parallel) for row in batch]
            for sheet in reader.sheet_names
        }


def by_header(rows: Rows, sheet: str) -> list[dict[str, CellValue]]:
    (_, header), *body = rows[sheet]
    return [
        {str(key): value for key, value in zip(header, values, strict=False) if value is not None}
        for _, values in body
    ]


@pytest.mark.parametrize("path", [KEYS, LABELS], ids=["keys", "labels"])
def test_calc_keeps_every_text_in_the_shared_strings_table(path):
    with zipfile.ZipFile(path) as book:
        assert "xl/sharedStrings.xml" in book.namelist()
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/sheet")]
        cells = "".join(book.read(name).decode() for name in sheets)
    assert 't="s"' in cells
    assert 't="inlineStr"' not in cells


def test_the_reader_gets_calcs_texts_numbers_dates_booleans_and_empty_cells():
    rows = read(KEYS)
    investors = by_header(rows, "investors")
    assert investors[0] == {"code": "0100109106", "name": "Công ty CP Phố Nối", "country": "VN"}
    # A rich-text cell (a bold word: three runs in the table) reads as its plain text.
    assert investors[2]["name"] == "Công ty TNHH Điện tử Hàn Việt"
    zones = by_header(rows, "zones")
    assert zones[0]["area_ha"] == Decimal("345")
    assert zones[0]["industrial_land_ha"] == Decimal("251.75")
    assert "industrial_land_ha" not in zones[1]  # an empty cell is no value
    events = by_header(rows, "project_events")
    assert events[0]["certificate_no"] == "1234"  # text, though it looks like a number
    assert events[0]["capital"] == Decimal("345000000000")
    assert events[0]["date"] == dt.date(2022, 1, 5)
    assert events[3]["note"] == "Tăng vốn lần 1;\nbổ sung dây chuyền sơn tĩnh điện"
    assert events[4]["capital"] == Decimal("2500000.5")
    documents = by_header(rows, "documents")
    assert (documents[0]["secret"], documents[0]["digitized"]) == (False, True)
    assert (documents[2]["digitized"], documents[2]["electronic"]) == (False, False)
    assert "electronic" not in documents[0]
    dossiers = by_header(rows, "dossiers")
    assert (dossiers[1]["code"], dossiers[1]["procedure_code"]) == ("000123", "001")
    narrative = by_header(rows, "narratives")[0]["text"]
    assert narrative == RECORDS["narratives"][0]["text"]


@pytest.mark.parametrize("path", [KEYS, LABELS], ids=["keys", "labels"])
def test_calcs_workbook_reads_the_same_in_the_parser_process(path):
    assert read(path, parallel=True) == read(path)


def imported_and_exported(path: Path, tmp_path: Path) -> tuple[dict[str, int], Rows]:
    """Import ``path`` into the database as it is, export every record, then roll back."""
    with transaction.atomic():
        result = workbook_import(path)
        assert result.ok, result.problems.listed
        exported = tmp_path / f"export-of-{path.name}"
        workbook_export(exported, english_keys=True)
        transaction.set_rollback(True)
    return {name: sheet.added for name, sheet in result.summary.items()}, read(exported)


@pytest.mark.django_db
@pytest.mark.parametrize("path", [KEYS, LABELS], ids=["keys", "labels"])
def test_importing_calcs_workbook_gives_the_same_records_as_the_workbook_we_wrote(path, tmp_path):
    ours = tmp_path / "ours.xlsx"
    write_rows_workbook(ours, RECORDS, english_keys=True)
    added, records = imported_and_exported(path, tmp_path)
    assert (added, records) == imported_and_exported(ours, tmp_path)
    assert added == {sheet: len(rows) for sheet, rows in RECORDS.items()}
