"""Rows as an Excel workbook people can print and sum (XlsxWriter, streamed through a
temporary file).

One named sheet: a title, the period, headers in the page's language, then the
rows with dates as dates and numbers as numbers in their format (USD with two
decimals, VND whole, hectares with two, thousands grouped: Excel shows the
grouping of the reader's own locale, "1.234.567" in a Vietnamese Excel), and
a row of totals under the columns that add up.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

import xlsxwriter
from django.http import FileResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from xlsxwriter.utility import xl_rowcol_to_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Kind(Enum):
    """What a column holds, hence its number format and whether it adds up."""

    TEXT = "text"
    DATE = "date"
    USD = "usd"
    VND = "vnd"
    HECTARES = "hectares"
    COUNT = "count"
    NUMBER = "number"
    # An amount in the currency named by another column of its row: USD's format or VND's.
    MONEY = "money"


FORMATS = {
    Kind.DATE: "dd/mm/yyyy",
    Kind.USD: "#,##0.00",
    Kind.VND: "#,##0",
    Kind.HECTARES: "#,##0.00",
    Kind.COUNT: "#,##0",
    Kind.NUMBER: "#,##0.00",
}
TOTALLED = {Kind.USD, Kind.VND, Kind.HECTARES, Kind.COUNT}


@dataclass(frozen=True)
class Column:
    heading: str
    kind: Kind = Kind.TEXT
    currency: int | None = None  # for MONEY: the index of the column naming the currency


def sheet_name(text: str) -> str:
    """A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", text).strip(" '") or "Sheet"
    return cleaned[:31].strip()


def xlsx_response(
    filename: str,
    *,
    title: str,
    period: str,
    sheet: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
) -> FileResponse:
    """A download of ``rows`` under ``columns``, titled, with the period and totals."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    book = xlsxwriter.Workbook(spool, {"constant_memory": True, "strings_to_numbers": False})
    worksheet = book.add_worksheet(sheet_name(sheet))
    heading = book.add_format({"bold": True, "font_size": 14})
    header = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "border": 1, "bg_color": "#EEF1F5"}
    )
    formats = {kind: book.add_format({"num_format": code}) for kind, code in FORMATS.items()}
    total_label = book.add_format({"bold": True, "top": 1})
    totals_format = {
        kind: book.add_format({"bold": True, "top": 1, "num_format": FORMATS[kind]})
        for kind in TOTALLED
    }
    worksheet.write_string(0, 0, title, heading)
    worksheet.write_string(1, 0, period)
    first = 3  # the header row
    worksheet.write_row(first, 0, [capfirst(column.heading) for column in columns], header)
    for index, column in enumerate(columns):
        width = 12 if column.kind is not Kind.TEXT else min(max(len(column.heading), 14), 40)
        worksheet.set_column(index, index, width)
    sums: dict[int, Decimal] = {
        index: Decimal(0) for index, column in enumerate(columns) if column.kind in TOTALLED
    }
    number = first
    for number, row in enumerate(rows, start=first + 1):
        for index, value in enumerate(row):
            if value is None or value == "":
                continue
            column = columns[index]
            if isinstance(value, dt.date):
                worksheet.write_datetime(number, index, value, formats[Kind.DATE])
            elif isinstance(value, bool):
                worksheet.write_string(number, index, _("yes") if value else _("no"))
            elif isinstance(value, int | float | Decimal):
                kind = column.kind
                if kind is Kind.MONEY:
                    currency = row[column.currency] if column.currency is not None else ""
                    kind = Kind.VND if currency == "VND" else Kind.USD
                elif kind is Kind.TEXT:
                    kind = Kind.NUMBER
                worksheet.write_number(number, index, float(value), formats[kind])
                if index in sums:
                    sums[index] += Decimal(str(value))
            else:
                worksheet.write_string(number, index, str(value))
    if sums and number > first:
        total_row = number + 1
        worksheet.write_string(total_row, 0, _("Total"), total_label)
        for index, column in enumerate(columns):
            if index in sums:
                cells = f"{xl_rowcol_to_cell(first + 1, index)}:{xl_rowcol_to_cell(number, index)}"
                worksheet.write_formula(
                    total_row,
                    index,
                    f"=SUM({cells})",
                    totals_format[column.kind],
                    float(sums[index]),
                )
    worksheet.freeze_panes(first + 1, 0)
    worksheet.repeat_rows(first)
    worksheet.set_landscape()
    worksheet.fit_to_pages(1, 0)
    book.close()
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX)
