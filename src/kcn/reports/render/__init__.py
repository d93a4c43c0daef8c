"""Renderers: the composed report as Markdown, HTML, PDF or Word.

Each takes a :class:`~kcn.reports.document.ReportDocument` and returns the
file's bytes; none of them decides what the report says.
"""

from __future__ import annotations

from collections.abc import Callable

from kcn.reports.document import ReportDocument

DOCUMENT_FORMATS = ("docx", "pdf", "html", "md")


def render(document: ReportDocument, fmt: str) -> bytes:
    from kcn.reports.render import docx, html, markdown, pdf

    renderers: dict[str, Callable[[ReportDocument], bytes]] = {
        "docx": docx.render_docx,
        "pdf": pdf.render_pdf,
        "html": html.render_html,
        "md": markdown.render_markdown,
    }
    return renderers[fmt](document)
