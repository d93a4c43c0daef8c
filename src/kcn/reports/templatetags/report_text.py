"""Template filters of the report's HTML."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kcn.reports.typography import UNBREAKABLE

register = template.Library()


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
