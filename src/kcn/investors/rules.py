"""The rules an investor obeys (docs/reference/workbook.md, sheet ``investors``).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

import unicodedata

import pycountry
from django.utils.translation import gettext as _

from kcn.core.errors import KcnError
from kcn.core.taxcodes import normalize_tax_code

DOMESTIC_COUNTRY = "VN"


def normalize_country(raw: str) -> str:
    """The ISO 3166-1 alpha-2 code ``raw`` names, in capitals; ``KcnError`` for anything else."""
    country = unicodedata.normalize("NFC", raw).strip().upper()
    if country != DOMESTIC_COUNTRY and pycountry.countries.get(alpha_2=country) is None:
        raise KcnError(
            _("%(country)s is not an ISO 3166-1 country code such as VN, JP or KR")
            % {"country": raw}
        )
    return country


def normalize_investor_code(raw: str, country: str) -> str:
    """The investor's key: the tax code (checked, canonical) for a Vietnamese investor.

    A foreign investor has no Vietnamese tax code; any unique code is kept as
    written (trimmed). ``KcnError`` for a Vietnamese code that is not a valid
    tax code (Circular 105/2020/TT-BTC, art. 5).
    """
    code = unicodedata.normalize("NFC", raw).strip()
    if country == DOMESTIC_COUNTRY:
        return normalize_tax_code(code)
    return code
