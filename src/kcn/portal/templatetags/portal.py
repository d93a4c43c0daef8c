"""Template filters of the portal: areas, shares and counts in the page's language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from kcn.core import style

register = template.Library()


@register.filter
def area(value: Any) -> str:
    """Hectares with at most one decimal, "180,5"; "-" when unknown."""
    if value is None or value == "":
        return "-"
    return style.number(Decimal(value), 1)


@register.filter
def share(value: Any) -> str:
    """A percentage with one decimal, "86,4%"; "-" when it cannot be computed (no industrial
    land), as the Ministry's statistics forms write it."""
    if value is None or value == "":
        return "-"
    return style.percent(Decimal(value))


@register.filter
def whole(value: Any) -> str:
    """A count, grouped: "1.234"."""
    if value is None or value == "":
        return "-"
    return style.number(Decimal(value), 0)
