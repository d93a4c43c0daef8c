"""The rules a registered document obeys (docs/reference/workbook.md, ``documents``).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kcn.core.symbols import DOCUMENT_TYPES, DocumentSymbol, parse_symbol
from kcn.core.trees import makes_cycle

TYPE_MAX_LENGTH = 8  # Document.type


def canonical_symbol(raw: str) -> str:
    """A document's symbol as the register writes it ("166/KH- BQL" → "166/KH-BQL").

    ``KcnError`` when ``raw`` is not a document symbol.
    """
    return parse_symbol(raw).symbol


def document_type(symbol: DocumentSymbol, given: str) -> str:
    """The type code: the one given, else the one the symbol says ("KH" in 166/KH-BQL), else ""."""
    return given or symbol.type_code or ""


def check_type(type_code: str) -> str | None:
    """What is wrong with a type code, or None."""
    if len(type_code) > TYPE_MAX_LENGTH:
        return _("%(type)s is not a type code such as %(examples)s") % {
            "type": type_code,
            "examples": ", ".join(list(DOCUMENT_TYPES)[:8]),
        }
    return None


makes_parent_cycle = makes_cycle  # the one rule for every parent link (kcn.core.trees)
