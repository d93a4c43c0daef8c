"""A period's report as a file to download: its name, its content type and its bytes.

The one way a report document is made, whoever asks: the reports page's preview and quick
downloads, a background job (kcn.jobs, for Word and PDF) and the command line.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from kcn.core.periods import Period
from kcn.reports.document import compose
from kcn.reports.render import render
from kcn.reports.render.markdown import chart_files, file_stem
from kcn.reports.selectors import report_dataset

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "application/zip",  # the Markdown with its chart images
}


@dataclass(frozen=True)
class ReportFile:
    name: str
    content_type: str
    content: bytes


def report_file(period: Period, fmt: str, *, live: bool, language: str) -> ReportFile:
    """The report of ``period`` in ``fmt`` (docx, pdf, html, md), written in ``language``:
    the published figures, or the records as they are now with ``live``. Raises KcnError
    when it cannot be made (e.g. a VND amount with no exchange rate in force)."""
    document = compose(report_dataset(period, live=live), language)
    content = render(document, fmt)
    name = file_stem(document)  # in the report's language: bao-cao-2022-Q1, report-2022-Q1
    if fmt == "md":  # the Markdown and its chart images, zipped together
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{name}.md", content)
            for file_name, png in chart_files(document).items():
                archive.writestr(file_name, png)
        return ReportFile(f"{name}-markdown.zip", CONTENT_TYPES[fmt], buffer.getvalue())
    return ReportFile(f"{name}.{fmt}", CONTENT_TYPES[fmt], content)
