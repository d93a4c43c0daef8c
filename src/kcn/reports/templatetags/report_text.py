"""Template filters of the report's HTML."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# A document symbol ("14/CTr-UBND", "43/2022/QH15", "166/KH-BQL") or a date ("20/01/2022").
UNBREAKABLE = re.compile(r"\b\d+(?:/[0-9A-Za-zÀ-ỹĐđ]+)+(?:-[0-9A-Za-zÀ-ỹĐđ]+)*")


@register.filter
def unbroken_symbols(text: str) -> SafeString:
    """Escape ``text`` and keep each document symbol on one line: a reader must never see
    "14/CTr-" at the end of a line and "UBND" on the next."""
    parts: list[str] = []
    position = 0
    for match in UNBREAKABLE.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<span class="symbol">{escape(match.group())}</span>')
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
