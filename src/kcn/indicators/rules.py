"""The rules a target obeys (docs/reference/workbook.md, ``targets``; indicators.md).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from kcn.core.periods import MAX_YEAR, MIN_YEAR
from kcn.core.style import number
from kcn.indicators.registry import INDICATORS


def check_indicator(code: str) -> str | None:
    """What is wrong with an indicator code, or None: it is one of the registry's."""
    if code not in INDICATORS:
        return _("%(code)s is not an indicator code (kcn indicators lists them)") % {"code": code}
    return None


def check_target_range(target: Decimal, target_max: Decimal | None) -> str | None:
    """What is wrong with a range target ("01–02 KCN"), or None: the high end is not below."""
    if target_max is not None and target_max < target:
        return _("the upper end of the range (%(high)s) is below the target (%(low)s)") % {
            "high": number(target_max, 4),
            "low": number(target, 4),
        }
    return None


def check_year(year: int) -> str | None:
    """What is wrong with a target's year, or None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _("%(year)s is not a plausible year") % {"year": year}
    return None
