"""The sheets of the exchange workbook (docs/reference/workbook.md), gathered from the apps.

Each record app defines its sheets once, in its ``sheets.py`` (the shape is
``kcn.core.sheets``). Here they are only put in order: ``SHEETS`` is the
order an import loads them in (what a row refers to is loaded first),
``WORKBOOK_ORDER`` the order of the reference, used when writing a workbook.
"""

from __future__ import annotations

from kcn.core.sheets import Column, Sheet, normalize_header
from kcn.documents.sheets import DOCUMENTS
from kcn.dossiers.sheets import CALENDAR, DOSSIERS, PROCEDURES
from kcn.indicators.sheets import TARGETS
from kcn.investors.sheets import INVESTORS
from kcn.projects.sheets import FX_RATES, INSPECTIONS, LABOR_REPORTS, PROJECT_EVENTS, PROJECTS
from kcn.reports.sheets import NARRATIVES, PRIORITIES
from kcn.zones.sheets import ZONE_EVENTS, ZONES

__all__ = ["SHEETS", "SHEETS_BY_NAME", "WORKBOOK_ORDER", "Column", "Sheet", "normalize_header"]

SHEETS: tuple[Sheet, ...] = (
    INVESTORS,
    ZONES,
    ZONE_EVENTS,
    PROJECTS,
    PROJECT_EVENTS,
    FX_RATES,
    LABOR_REPORTS,
    PROCEDURES,
    CALENDAR,
    DOSSIERS,
    INSPECTIONS,
    DOCUMENTS,
    TARGETS,
    NARRATIVES,
    PRIORITIES,
)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}

# The order of docs/reference/workbook.md, used when writing a workbook.
WORKBOOK_ORDER = (
    "zones",
    "zone_events",
    "investors",
    "projects",
    "project_events",
    "fx_rates",
    "labor_reports",
    "procedures",
    "dossiers",
    "calendar",
    "inspections",
    "documents",
    "targets",
    "narratives",
    "priorities",
)
