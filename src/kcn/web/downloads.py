"""Rows as an Excel workbook (XlsxWriter, one sheet, streamed through a temporary file)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.http import FileResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(
    filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> FileResponse:
    """A download of ``rows`` under ``headers``: dates as dates, numbers as numbers."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    book = xlsxwriter.Workbook(spool, {"constant_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, [str(header) for header in headers], bold)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(number, column, value, date)
            elif isinstance(value, bool):
                sheet.write_boolean(number, column, value)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(number, column, float(value))
            else:
                sheet.write_string(number, column, str(value))
    sheet.freeze_panes(1, 0)
    book.close()
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX)
