"""A Ministry form (``kcn.reports.ministry``) as an Excel workbook, laid out as the form: its
number and the reporting board at the top, the title, the period, the table with its grouped
headings, the total, the notes, the place for the signature."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kcn.core import style
from kcn.reports.ministry import RECEIVER, FormTable, MinistryForm

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WIDTHS = {"no": 5, "zone": 30, "item": 38, "district": 14}
NUMBER_FORMATS = {"count": "#,##0", "number": "#,##0.000"}


def render_form_xlsx(form: MinistryForm) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = form.code
    width = max(len(table.columns) for table in form.tables)
    row = _heading(sheet, form, width)
    for table in form.tables:
        row = _table(sheet, table, row)
    for note in form.notes:
        sheet.cell(row, 1, f"Ghi chú: {note}").font = Font(name=FONT, italic=True, size=10)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 30
        row += 1
    signer = sheet.cell(row + 1, max(width - 3, 1), "THỦ TRƯỞNG ĐƠN VỊ")
    signer.font = Font(name=FONT, bold=True, size=12)
    sheet.page_setup.orientation = "landscape" if width > 8 else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _heading(sheet: Worksheet, form: MinistryForm, width: int) -> int:
    sheet.cell(1, 1, form.symbol).font = Font(name=FONT, bold=True, size=12)
    sheet.cell(2, 1, f"Đơn vị báo cáo: {form.reporter}").font = Font(name=FONT, size=11)
    sheet.cell(3, 1, f"Đơn vị nhận báo cáo: {RECEIVER}").font = Font(name=FONT, size=11)
    title = sheet.cell(5, 1, form.title)
    title.font = Font(name=FONT, bold=True, size=14)
    title.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    period = form.period
    line = (
        f"Kỳ báo cáo: {style.period_name(period, 'vi')} (từ ngày "
        f"{style.short_date(period.start)} đến ngày {style.short_date(period.end)})"
    )
    cell = sheet.cell(6, 1, line)
    cell.font = Font(name=FONT, italic=True, size=12)
    cell.alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=6, start_column=1, end_row=6, end_column=width)
    return 8


def _table(sheet: Worksheet, table: FormTable, row: int) -> int:
    if table.heading:
        sheet.cell(row, 1, table.heading).font = Font(name=FONT, bold=True, size=12)
        row += 1
    grouped = any(column.group for column in table.columns)
    top, below = row, row + (1 if grouped else 0)
    index = 0
    while index < len(table.columns):
        column = table.columns[index]
        letter = index + 1
        if column.group:
            span = 1
            while (
                index + span < len(table.columns)
                and table.columns[index + span].group == column.group
            ):
                span += 1
            _header(sheet, top, letter, column.group)
            sheet.merge_cells(start_row=top, start_column=letter, end_row=top,
                              end_column=letter + span - 1)  # fmt: skip
            for offset in range(span):
                _header(sheet, below, letter + offset, table.columns[index + offset].label)
            index += span
        else:
            _header(sheet, top, letter, column.label)
            if grouped:
                _header(sheet, below, letter, "")
                sheet.merge_cells(start_row=top, start_column=letter, end_row=below,
                                  end_column=letter)  # fmt: skip
            index += 1
    for letter, column in enumerate(table.columns, start=1):
        current = sheet.column_dimensions[get_column_letter(letter)].width or 0
        wanted = WIDTHS.get(column.key, 14)
        sheet.column_dimensions[get_column_letter(letter)].width = max(current, wanted)
    sheet.row_dimensions[below].height = 45
    row = below + 1
    lines = [*table.rows, *([table.total] if table.total is not None else [])]
    for number, values in enumerate(lines):
        total = table.total is not None and number == len(lines) - 1
        for letter, column in enumerate(table.columns, start=1):
            value = values.get(column.key)
            cell = sheet.cell(row, letter, float(value) if isinstance(value, Decimal) else value)
            cell.border = BOX
            cell.font = Font(name=FONT, size=11, bold=total)
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
                cell.alignment = Alignment(horizontal="right")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    return row + 1


def _header(sheet: Worksheet, row: int, column: int, text: str) -> None:
    cell = sheet.cell(row, column, text)
    cell.font = Font(name=FONT, bold=True, size=11)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.border = BOX
