"""The sheet of investors (docs/reference/workbook.md, ``investors``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kcn.core.cells import read_code
from kcn.core.errors import KcnError
from kcn.core.sheets import Column, Lookup, Sheet
from kcn.core.taxcodes import normalize_tax_code
from kcn.investors.models import Investor
from kcn.investors.rules import normalize_country

INVESTORS = Sheet(
    "investors",
    "Nhà đầu tư",
    Investor,
    key=("code",),
    columns=(
        # A Vietnamese investor's code is its tax code, checked against the country
        # (normalize_investor_code, applied by the import's loader: it needs two columns).
        Column("code", "Mã số thuế / mã nhà đầu tư", read_code, required=True),
        Column("name", "Tên nhà đầu tư", required=True),
        Column("country", "Quốc gia", required=True, clean=normalize_country),
    ),
)


def _as_tax_code(code: str) -> str:
    """A tax code written another way ("0100 109 106"), in its canonical form; else as it is."""
    try:
        return normalize_tax_code(code)
    except KcnError:
        return code


# How another sheet names an investor (a zone's developer, a project's investor).
INVESTOR = Lookup("investors", "code", gettext_lazy("investor"), alias=_as_tax_code)
