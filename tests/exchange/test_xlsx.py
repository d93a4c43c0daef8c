"""The streaming reader against workbooks written by openpyxl (shared strings, styles)."""

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from kcn.core.errors import KcnError
from kcn.exchange.xlsx import XlsxReader, column_index, column_letter, write_workbook


def test_column_letters_round_trip():
    for index in (0, 25, 26, 27, 701, 702, 16383):
        assert column_index(column_letter(index)) == index
    assert column_letter(26) == "AA"


def test_it_reads_values_written_by_openpyxl_with_exact_numbers_and_dates(tmp_path):
    path = tmp_path / "book.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "dossiers"
    sheet.append(["code", "received_on", "amount", "flag", "note"])
    sheet.append(["D1", dt.date(2022, 1, 28), 1234567.25, True, "Hưng Yên"])
    sheet.append([])  # an empty row is skipped
    sheet.append(["D2", dt.datetime(2022, 2, 9, 10, 30), 0.1, False, None])
    sheet["B4"].number_format = "dd/mm/yyyy hh:mm"
    sheet["G5"] = "far"
    book.save(path)
    with XlsxReader(path) as reader:
        rows = [row for batch in reader.rows("dossiers") for row in batch]
    assert rows[0] == (1, ["code", "received_on", "amount", "flag", "note"])
    assert rows[1] == (2, ["D1", dt.date(2022, 1, 28), Decimal("1234567.25"), True, "Hưng Yên"])
    assert rows[2] == (4, ["D2", dt.datetime(2022, 2, 9, 10, 30), Decimal("0.1"), False])
    assert rows[3] == (5, [None, None, None, None, None, None, "far"])


def test_it_streams_in_batches(tmp_path):
    path = tmp_path / "book.xlsx"
    write_workbook(path, [("labor_reports", ["a"], ([i] for i in range(25)))])
    with XlsxReader(path) as reader:
        batches = list(reader.rows("labor_reports", batch_size=10))
        assert reader.row_count("labor_reports") == 26
    assert [len(batch) for batch in batches] == [10, 10, 6]


def test_a_file_that_is_not_a_workbook_gets_one_clear_error(tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_text("not a zip")
    with pytest.raises(KcnError, match="not an Excel workbook"):
        XlsxReader(path)
