"""Template filters of the report's HTML."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kcn.reports.typography import UNBREAKABLE, WORD_JOINER

register = template.Library()
# Real symbols are short ("28/CTr-UBND", "166/KH-BQL"); a long one is a typing error.
LONGEST_SYMBOL = 40


@register.filter
def unbroken_symbols(text: str, joiners: bool = False) -> SafeString:
    """Escape ``text`` and keep each document symbol on one line: a reader must never see
    "14/CTr-" at the end of a line and "UBND" on the next.

    On screen a ``white-space: nowrap`` span holds it together (a browser finds and copies
    it as it is). For print (``joiners``), a word joiner (U+2060: invisible, and left out of
    the PDF's text) after each slash and hyphen: WeasyPrint breaks a line before a nowrap
    span earlier than it must, leaving a word alone on a line. A "symbol" longer than any
    real one (``LONGEST_SYMBOL``) is left to break: held together it would push the page
    sideways."""
    parts: list[str] = []
    position = 0
    for match in UNBREAKABLE.finditer(text):
        parts.append(escape(text[position : match.start()]))
        symbol = match.group()
        if len(symbol) > LONGEST_SYMBOL:
            parts.append(escape(symbol))
        elif joiners:
            symbol = symbol.replace("/", "/" + WORD_JOINER).replace("-", "-" + WORD_JOINER)
            parts.append(escape(symbol))
        else:
            parts.append(f'<span class="symbol">{escape(symbol)}</span>')
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
