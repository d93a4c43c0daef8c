"""The report as a Word file: the template (``docx_template``, or the board's own,
``KCN_REPORT_TEMPLATE``) filled by docxtpl."""

from __future__ import annotations

import io
import os
from pathlib import Path

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from kcn.core.errors import KcnError
from kcn.reports.document import ReportDocument
from kcn.reports.render.docx_template import TEXT_WIDTH_MM, default_template


def template_source() -> io.BytesIO:
    """The board's template when ``KCN_REPORT_TEMPLATE`` names one, else the default."""
    path = os.environ.get("KCN_REPORT_TEMPLATE", "").strip()
    if not path:
        return io.BytesIO(default_template())
    try:
        return io.BytesIO(Path(path).read_bytes())
    except OSError as error:
        raise KcnError(f"KCN_REPORT_TEMPLATE={path}: {error.strerror}") from None


def render_docx(document: ReportDocument) -> bytes:
    template = DocxTemplate(template_source())
    charts = [
        {
            "image": InlineImage(template, io.BytesIO(chart.png), width=Mm(TEXT_WIDTH_MM - 5)),
            "caption": chart.caption,
        }
        for chart in document.charts
    ]
    template.render({"doc": document, "charts": charts}, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
