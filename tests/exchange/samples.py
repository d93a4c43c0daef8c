"""A small valid workbook, as rows, that the import tests break one rule at a time."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

d = dt.date

VALID: dict[str, list[dict[str, Any]]] = {
    "investors": [
        {"code": "0100109106", "name": "Công ty CP Phố Nối", "country": "VN"},
        {"code": "JP-0001", "name": "Sumi Industrial Park Co.", "country": "JP"},
    ],
    "zones": [
        {
            "code": "TLII",
            "name": "KCN Thăng Long II",
            "province": "Hưng Yên",
            "area_ha": Decimal("345"),
            "developer": "JP-0001",
        },
        {
            "code": "TLII-3",
            "name": "KCN Thăng Long II mở rộng (giai đoạn 3)",
            "area_ha": Decimal("180.5"),
            "parent_code": "TLII",
            "developer": "JP-0001",
            "geometry": '{"type": "Polygon", "coordinates": [[[106.0, 20.9], [106.1, 20.9], '
            "[106.1, 21.0], [106.0, 20.9]]]}",
        },
    ],
    "zone_events": [
        {
            "zone_code": "TLII-3",
            "date": d(2022, 3, 10),
            "event": "policy_approved",
            "document": "123/QĐ-TTg",
        },
        {
            "zone_code": "TLII",
            "date": d(2022, 2, 10),
            "event": "infrastructure_built",
            "area_ha": Decimal("29"),
        },
    ],
    "projects": [
        {
            "code": "P1",
            "name": "Nhà máy A",
            "zone_code": "TLII",
            "investor": "0100109106",
            "origin": "domestic",
        },
        {
            "code": "P2",
            "name": "Nhà máy B",
            "zone_code": "TLII",
            "investor": "JP-0001",
            "origin": "foreign",
            "sector": "2610",
            "land_ha": Decimal("5.5"),
        },
    ],
    "project_events": [
        {
            "project_code": "P1",
            "date": d(2022, 1, 5),
            "event": "issued",
            "capital": Decimal("345000000000"),
            "currency": "VND",
            "certificate_no": "1234",
        },
        {
            "project_code": "P2",
            "date": d(2020, 1, 5),
            "event": "issued",
            "capital": Decimal("10000000"),
            "currency": "USD",
        },
        {"project_code": "P2", "date": d(2021, 1, 5), "event": "operational"},
        {"project_code": "P2", "date": d(2021, 6, 1), "event": "suspended"},
        {"project_code": "P2", "date": d(2021, 9, 1), "event": "resumed"},
        {
            "project_code": "P2",
            "date": d(2022, 2, 5),
            "event": "adjusted",
            "capital": Decimal("112000000"),
            "currency": "USD",
        },
    ],
    "fx_rates": [
        {"currency": "USD", "valid_from": d(2020, 1, 1), "vnd_per_unit": Decimal("23000")},
    ],
    "labor_reports": [
        {
            "project_code": "P2",
            "period_end": d(2022, 3, 31),
            "employees": 1200,
            "foreign_employees": 10,
            "new_jobs": 300,
        },
    ],
    "procedures": [{"code": "IRC", "name": "Cấp GCNĐKĐT", "working_days": 15}],
    "calendar": [{"date": d(2022, 1, 29), "kind": "working_day"}],
    "dossiers": [
        {
            "code": "D1",
            "procedure_code": "IRC",
            "received_on": d(2022, 1, 28),
            "resolved_on": d(2022, 2, 9),
            "channel": "online",
            "result": "approved",
        },
        {
            "code": "D2",
            "procedure_code": "IRC",
            "received_on": d(2022, 3, 1),
            "due_on": d(2022, 3, 10),
        },
    ],
    "inspections": [{"project_code": "P2", "date": d(2022, 3, 1), "kind": "onsite"}],
    "documents": [
        {"symbol": "14/CTr-UBND", "date": d(2022, 1, 20), "direction": "in", "digitized": True},
        {
            "symbol": "166/KH-BQL",
            "date": d(2022, 2, 11),
            "direction": "out",
            "digitized": True,
            "electronic": True,
        },
        {
            "symbol": "201/KH-BQL",
            "date": d(2022, 2, 20),
            "direction": "out",
            "parent_symbol": "166/KH-BQL",
        },
    ],
    "targets": [
        {
            "year": 2022,
            "indicator": "infrastructure_built_ha",
            "target": Decimal("120"),
            "assigned_by": "14/CTr-UBND",
            "description": "đầu tư xây dựng hạ tầng 120 ha",
        },
        {
            "year": 2022,
            "indicator": "zones_policy_approved",
            "target": Decimal(1),
            "target_max": Decimal(2),
        },
    ],
    "narratives": [{"period": "2022-Q1", "section": "planning", "text": "Ban tiếp tục đôn đốc."}],
    "priorities": [{"period": "2022-Q2", "order": 1, "text": "Tiếp tục đôn đốc."}],
}


def valid() -> dict[str, list[dict[str, Any]]]:
    return copy.deepcopy(VALID)


def with_row(sheet: str, index: int, **changes: Any) -> dict[str, list[dict[str, Any]]]:
    """The valid workbook with one row changed (a value of None empties the cell)."""
    data = valid()
    data[sheet][index].update(changes)
    return data


def with_extra(sheet: str, **row: Any) -> dict[str, list[dict[str, Any]]]:
    data = valid()
    data[sheet].append(row)
    return data
