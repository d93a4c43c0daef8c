"""The report as PDF: the HTML page laid out on A4 by WeasyPrint (CSS paged media).

WeasyPrint draws the Decree 30 page from the same HTML: margins and the page
number from page 2 come from the ``@page`` rules of the template.
"""

from __future__ import annotations

from kcn.reports.document import ReportDocument
from kcn.reports.render.html import render_html


def render_pdf(document: ReportDocument) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango, which takes a moment

    html = render_html(document, for_print=True).decode("utf-8")
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
