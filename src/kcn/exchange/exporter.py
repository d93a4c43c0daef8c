"""Exporting every record to an exchange workbook (docs/reference/workbook.md).

What an export writes, an import into an empty database reads back to the
same records and the same figures. Rows are streamed from the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from django.db.models import Case, IntegerField, Model, QuerySet, Value, When

from kcn.documents.models import Document
from kcn.dossiers.models import CalendarDay, Dossier, Procedure
from kcn.exchange.schema import SHEETS_BY_NAME, WORKBOOK_ORDER
from kcn.exchange.xlsx import write_workbook
from kcn.indicators.models import Target
from kcn.investors.models import Investor
from kcn.projects.models import (
    EVENT_RANK,
    ExchangeRate,
    Inspection,
    LaborReport,
    Project,
    ProjectEvent,
)
from kcn.reports.models import Narrative, Priority
from kcn.zones.models import Zone, ZoneEvent

# For each sheet: the query and the field giving each column, in the sheet's order.
EXPORTS: dict[str, tuple[type[Model], tuple[str, ...], tuple[str, ...]]] = {
    "zones": (
        Zone,
        (
            "code",
            "name",
            "province",
            "district",
            "area_ha",
            "industrial_land_ha",
            "parent__code",
            "developer__code",
            "geometry",
        ),
        ("code",),
    ),
    "zone_events": (
        ZoneEvent,
        ("zone__code", "date", "event", "area_ha", "document"),
        ("zone__code", "date", "id"),
    ),
    "investors": (Investor, ("code", "name", "country"), ("code",)),
    "projects": (
        Project,
        ("code", "name", "zone__code", "investor__code", "kind", "origin", "sector", "land_ha"),
        ("code",),
    ),
    "project_events": (
        ProjectEvent,
        ("project__code", "date", "event", "capital", "currency", "certificate_no", "note"),
        ("project__code", "date", "rank", "id"),
    ),
    "fx_rates": (
        ExchangeRate,
        ("currency", "valid_from", "vnd_per_unit"),
        ("currency", "valid_from"),
    ),
    "labor_reports": (
        LaborReport,
        ("project__code", "period_end", "employees", "foreign_employees", "new_jobs"),
        ("project__code", "period_end"),
    ),
    "procedures": (Procedure, ("code", "name", "working_days"), ("code",)),
    "dossiers": (
        Dossier,
        (
            "code",
            "procedure__code",
            "applicant",
            "received_on",
            "due_on",
            "resolved_on",
            "channel",
            "result",
        ),
        ("received_on", "code"),
    ),
    "calendar": (CalendarDay, ("date", "kind"), ("date",)),
    "inspections": (
        Inspection,
        ("project__code", "date", "kind", "violation", "note"),
        ("date", "project__code", "id"),
    ),
    "documents": (
        Document,
        (
            "symbol",
            "date",
            "type",
            "title",
            "issuer",
            "direction",
            "secret",
            "digitized",
            "electronic",
            "parent__symbol",
        ),
        ("date", "symbol"),
    ),
    "targets": (
        Target,
        ("year", "indicator", "target", "target_max", "assigned_by__symbol", "description"),
        ("year", "indicator"),
    ),
    "narratives": (Narrative, ("period", "section", "text"), ("period", "section")),
    "priorities": (Priority, ("period", "order", "text"), ("period", "order")),
}


def _cell(value: Any) -> Any:
    if value == "":
        return None
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _rows(sheet: str) -> Iterator[list[Any]]:
    model, fields, ordering = EXPORTS[sheet]
    query: QuerySet[Any] = model._default_manager.all()
    if "rank" in ordering:
        query = query.annotate(
            rank=Case(
                *(When(event=kind, then=Value(rank)) for kind, rank in EVENT_RANK.items()),
                output_field=IntegerField(),
            )
        )
    for record in query.order_by(*ordering).values_list(*fields).iterator(chunk_size=5000):
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
