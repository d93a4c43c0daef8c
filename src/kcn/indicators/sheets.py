"""The sheet of targets (docs/reference/workbook.md, ``targets``)."""

from __future__ import annotations

from kcn.core.cells import POSITIVE_INT, read_decimal
from kcn.core.sheets import Check, Column, Sheet
from kcn.documents.rules import canonical_symbol
from kcn.documents.sheets import DOCUMENT
from kcn.indicators.models import Target
from kcn.indicators.rules import check_indicator, check_target_range, check_year

TARGETS = Sheet(
    "targets",
    "Chỉ tiêu giao",
    Target,
    key=("year", "indicator"),
    columns=(
        Column("year", "Năm", POSITIVE_INT, required=True, checks=(Check(check_year, ("year",)),)),
        Column(
            "indicator",
            "Chỉ tiêu",
            required=True,
            checks=(Check(check_indicator, ("indicator",)),),
        ),
        Column("target", "Kế hoạch", read_decimal, required=True),
        Column(
            "target_max",
            "Kế hoạch (mức cao)",
            read_decimal,
            checks=(Check(check_target_range, ("target", "target_max")),),
        ),
        Column("assigned_by", "Văn bản giao", lookup=DOCUMENT, clean=canonical_symbol),
        Column("description", "Diễn giải"),
        Column("description_en", "Diễn giải (tiếng Anh)"),
    ),
)
