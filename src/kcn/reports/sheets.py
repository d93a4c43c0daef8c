"""The sheets of what staff write for a report (docs/reference/workbook.md, ``narratives``,
``priorities``)."""

from __future__ import annotations

from kcn.core.cells import POSITIVE_INT, read_choice
from kcn.core.sheets import Column, Sheet
from kcn.reports.models import Narrative, Priority
from kcn.reports.rules import period_code
from kcn.reports.sections import Section

NARRATIVES = Sheet(
    "narratives",
    "Nội dung báo cáo",
    Narrative,
    key=("period", "section"),
    columns=(
        Column("period", "Kỳ báo cáo", required=True, clean=period_code),
        Column("section", "Mục", read_choice(Section.values), required=True),
        Column("text", "Nội dung", required=True),
        Column("text_en", "Nội dung (tiếng Anh)"),
    ),
)

PRIORITIES = Sheet(
    "priorities",
    "Nhiệm vụ trọng tâm",
    Priority,
    key=("period", "order"),
    columns=(
        Column("period", "Kỳ", required=True, clean=period_code),
        Column("order", "Thứ tự", POSITIVE_INT, required=True),
        Column("text", "Nội dung", required=True),
        Column("text_en", "Nội dung (tiếng Anh)"),
    ),
)
