"""Workbooks made by hand, XML part by part, to be damaged or hostile in one way each."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{items}</Relationships>"
)
RELATION = (
    '<Relationship Id="rId{n}" Target="worksheets/sheet{n}.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{items}</sheets></workbook>"
)
SHEET_ITEM = '<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>'
SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>{rows}</sheetData></worksheet>"
)


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def number_cell(ref: str, number: str) -> str:
    return f'<c r="{ref}"><v>{number}</v></c>'


def row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def handmade_workbook(
    path: Path,
    sheets: list[tuple[str, str]],
    *,
    shared_strings: bytes | None = None,
    extra: dict[str, bytes] | None = None,
    prolog: str = "",
) -> Path:
    """A workbook of ``(sheet name, rows XML)``; ``prolog`` goes before the first sheet's root
    element (a DTD), ``extra`` adds parts."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        relations = "".join(RELATION.format(n=n) for n in range(1, len(sheets) + 1))
        archive.writestr("xl/_rels/workbook.xml.rels", RELS.format(items=relations))
        items = "".join(
            SHEET_ITEM.format(name=name, n=n) for n, (name, _rows) in enumerate(sheets, start=1)
        )
        archive.writestr("xl/workbook.xml", WORKBOOK.format(items=items))
        for n, (_name, rows) in enumerate(sheets, start=1):
            xml = SHEET.format(rows=rows)
            if prolog and n == 1:
                head, _sep, body = xml.partition("?>")
                xml = f"{head}?>{prolog}{body}"
            archive.writestr(f"xl/worksheets/sheet{n}.xml", xml)
        if shared_strings is not None:
            archive.writestr("xl/sharedStrings.xml", shared_strings)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def fx_rates_sheet(*rows_after_header: str) -> tuple[str, str]:
    header = row(
        1,
        text_cell("A1", "currency"),
        text_cell("B1", "valid_from"),
        text_cell("C1", "vnd_per_unit"),
    )
    return ("fx_rates", header + "".join(rows_after_header))
