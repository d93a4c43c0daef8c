"""The report as one self-contained HTML page (charts inlined), styled for screen and print."""

from __future__ import annotations

import base64

from django.template.loader import render_to_string

from kcn.reports.document import AppendixRow, ReportDocument


def html_context(document: ReportDocument, *, for_print: bool = False) -> dict[str, object]:
    table = document.table
    rows = (
        [list(zip(row, table.numeric, strict=True)) for row in table.rows]
        if table is not None
        else []
    )
    charts = [
        {
            "caption": chart.caption,
            "description": chart.description,
            "data": base64.b64encode(chart.png).decode("ascii"),
        }
        for chart in document.charts
    ]
    rules = {
        # mm with a dot whatever the language: CSS reads "60.4mm", never "60,4mm"
        name: f"{getattr(document.rules, f'{name}_mm'):.1f}"
        for name in ("issuer", "motto", "title")
    }
    return {
        "doc": document,
        "table_rows": rows,
        "charts": charts,
        "rules": rules,
        "joiners": for_print,  # symbols held together by word joiners (templatetags)
        "appendix_groups": appendix_groups(document),
    }


def appendix_groups(document: ReportDocument) -> list[dict[str, object]]:
    """The appendix's rows zone by zone: each zone's heading with its first certificate (one
    row group a page never splits: a heading is never left alone at the foot of a page), then
    the others."""
    if document.appendix is None:
        return []
    groups: list[dict[str, object]] = []
    rest: list[AppendixRow] = []
    for row in document.appendix.rows:
        if row.zone or not groups:
            rest = []
            groups.append({"zone": row.zone, "first": None, "rest": rest})
            if row.zone:
                continue
        if groups[-1]["first"] is None:
            groups[-1]["first"] = row
        else:
            rest.append(row)
    return groups


def render_html(document: ReportDocument, *, for_print: bool = False) -> bytes:
    context = html_context(document, for_print=for_print)
    return render_to_string("reports/report.html", context).encode("utf-8")
