"""Exporting every record to an exchange workbook (docs/reference/workbook.md).

What an export writes, an import into an empty database reads back to the
same records and the same figures. Rows are streamed from the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from kcn.exchange.schema import SHEETS_BY_NAME, WORKBOOK_ORDER
from kcn.exchange.xlsx import write_workbook


def _cell(value: Any) -> Any:
    if value == "":
        return None
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _rows(name: str) -> Iterator[list[Any]]:
    """The sheet's records, each as its columns' export values (``Column.export``)."""
    sheet = SHEETS_BY_NAME[name]
    query = sheet.model._default_manager.order_by(*sheet.export_order)
    for record in query.values_list(*sheet.exports).iterator(chunk_size=5000):
        yield [_cell(value) for value in record]


def workbook_export(path: Path, *, english_keys: bool = False) -> dict[str, int]:
    """Write every record to ``path``; returns the number of rows of each sheet."""
    counts: dict[str, int] = {}

    def counted(sheet: str) -> Iterator[list[Any]]:
        counts[sheet] = 0
        for row in _rows(sheet):
            counts[sheet] += 1
            yield row

    write_workbook(
        path, [(name, _header(name, english_keys), counted(name)) for name in WORKBOOK_ORDER]
    )
    return counts


def _header(sheet: str, english_keys: bool) -> list[str]:
    schema = SHEETS_BY_NAME[sheet]
    return schema.keys if english_keys else schema.labels


def _dict_rows(sheet: str, rows: Sequence[Mapping[str, Any]]) -> Iterator[list[Any]]:
    keys = SHEETS_BY_NAME[sheet].keys
    for row in rows:
        yield [_cell(row.get(key)) for key in keys]


def write_rows_workbook(
    path: Path, data: Mapping[str, Sequence[Mapping[str, Any]]], *, english_keys: bool = False
) -> None:
    """Write rows given as ``{sheet: [{column key: value}]}`` (e.g. the demo data)."""
    sheets = []
    for name in WORKBOOK_ORDER:
        if name not in data:
            continue
        sheets.append((name, _header(name, english_keys), _dict_rows(name, data[name])))
    write_workbook(path, sheets)
