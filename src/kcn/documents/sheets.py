"""The sheet of documents (docs/reference/workbook.md, ``documents``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kcn.audit.models import VOID_FIELDS
from kcn.core.cells import read_boolean, read_choice, read_date
from kcn.core.sheets import Check, Column, Lookup, Sheet
from kcn.documents.models import Direction, Document
from kcn.documents.rules import canonical_symbol, check_type

# How another sheet names a document (a target's assigning document, a plan's parent plan).
DOCUMENT = Lookup("documents", "symbol", gettext_lazy("document"))

# The symbol is read with core.symbols.parse_symbol, which also gives the derived
# number, year and issuer code; the type defaults to the symbol's
# (documents.rules.document_type, check_type). The import's loader applies them.
DOCUMENTS = Sheet(
    "documents",
    "Văn bản",
    Document,
    key=("symbol",),
    columns=(
        Column("symbol", "Số, ký hiệu", required=True),
        Column("date", "Ngày ban hành", read_date, required=True),
        # The loader applies the rule with the type derived from the symbol when empty.
        Column("type", "Loại văn bản", checks=(Check(check_type, ("type",)),)),
        Column("title", "Trích yếu"),
        Column("issuer", "Cơ quan ban hành"),
        Column("direction", "Văn bản đến/đi", read_choice(Direction.values), required=True),
        Column("secret", "Văn bản mật", read_boolean),
        Column("digitized", "Đã số hóa", read_boolean),
        Column("electronic", "Gửi, nhận điện tử", read_boolean),
        # Linked once the sheet is written; never the document itself, nor a loop of parents.
        Column(
            "parent_symbol",
            "Thuộc kế hoạch",
            field="parent",
            lookup=DOCUMENT,
            clean=canonical_symbol,
        ),
    ),
    derived=("number", "symbol_year", "issuer_code"),
    order=("date", "symbol"),
    app_only=VOID_FIELDS,  # a voided document is left out of the workbook (decision 0014)
)
