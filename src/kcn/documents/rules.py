"""The rules a registered document obeys (spec: workbook.md, ``documents``).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from kcn.core.symbols import DOCUMENT_TYPES, DocumentSymbol

TYPE_MAX_LENGTH = 8  # Document.type


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


def makes_parent_cycle(
    symbol: str, parent_symbol: str, parent_of: Callable[[str], str | None]
) -> bool:
    """True when making ``parent_symbol`` the parent of ``symbol`` would make a cycle.

    ``parent_of`` gives the parent symbol of a document as it is now (None
    for a document without a parent).
    """
    seen = {symbol}
    current: str | None = parent_symbol
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parent_of(current)
    return False
