"""The report as Markdown (CommonMark with pipe tables), for the portal and for e-mail.

Charts are PNG files beside the Markdown file (``chart_files``); the text
links to them by name and states their figures in words.

Every text of the document — the staff's narratives, names of zones and
projects, titles of documents, the generated sentences that quote them — is
text, never markup: ``text()`` backslash-escapes each character that could
open HTML, an entity, a link, an image, code, emphasis or a table cell, so a
name such as ``<script>…`` reads as itself in any Markdown viewer.
"""

from __future__ import annotations

import re

from kcn.reports.document import ReportDocument


def chart_file_name(document: ReportDocument, chart_name: str) -> str:
    """A chart's file, named per language: the Vietnamese and English reports of a period
    saved in one folder keep their own charts ("bao-cao-2022-Q1-targets.png",
    "report-2022-Q1-targets.png")."""
    return f"{file_stem(document)}-{chart_name}.png"


def file_stem(document: ReportDocument) -> str:
    """The name of a report's files: "bao-cao-2022-Q1" in Vietnamese, "report-2022-Q1"."""
    return report_stem(document.lang, document.period_code)


def report_stem(lang: str, period_code: str) -> str:
    """``file_stem`` before the document is composed (a cached file's name)."""
    return f"{'bao-cao' if lang == 'vi' else 'report'}-{period_code}"


def chart_files(document: ReportDocument) -> dict[str, bytes]:
    return {chart_file_name(document, chart.name): chart.png for chart in document.charts}


# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that open
# markup inside a line (pipe tables included).
_MARKUP = re.compile(r"([\\`*_\[\]<>&|])")


def text(value: str) -> str:
    """``value`` as literal Markdown text."""
    return _MARKUP.sub(r"\\\1", value)


def render_markdown(document: ReportDocument) -> bytes:
    t = text
    lines: list[str] = []
    if document.draft_label:
        lines += [f"> **{t(document.draft_label)}**", ""]
    lines += [
        f"{t(document.parent_body)}  ",
        f"**{t(document.issuer)}**  ",
        t(document.number_line),
        "",
        f"**{t(document.motto[0])}**  ",
        f"**{t(document.motto[1])}**  ",
        f"*{t(document.place_date)}*",
        "",
        f"# {t(document.kind)}",
        "",
        f"**{t(document.title)}**",
        "",
    ]
    for paragraph in [*document.summary, *document.framing]:
        lines += [t(paragraph), ""]
    if document.results_heading:
        lines += [f"## {t(document.results_heading)}", ""]
    if document.lead_in:
        lines += [t(document.lead_in), ""]
    for section in document.sections:
        lines += [f"### {t(section.heading)}", ""]
        for paragraph in section.paragraphs:
            lines += [t(paragraph), ""]
    table = document.table
    if table is not None:
        lines += [f"### {t(table.heading)}", ""]
        lines.append("| " + " | ".join(t(cell) for cell in table.header) + " |")
        lines.append(
            "|" + "|".join("---:" if numeric else "---" for numeric in table.numeric) + "|"
        )
        for row in table.rows:
            lines.append("| " + " | ".join(t(cell) for cell in row) + " |")
        lines.append("")
    for chart in document.charts:
        lines += [
            f"![{t(chart.caption)}]({chart_file_name(document, chart.name)})",
            "",
            f"*{t(chart.caption)}.* {t(chart.description)}.",
            "",
        ]
    if document.shortcomings:
        lines += [f"## {t(document.shortcomings_heading)}", ""]
        for paragraph in document.shortcomings:
            lines += [t(paragraph), ""]
    if document.priorities:
        lines += [
            f"## {t(document.priorities_heading)}",
            "",
            t(document.priorities_intro),
            "",
        ]
        for item in document.priorities:
            lines += [f"**{t(item.lead)}** {t(item.text)}", ""]
    lines += ["---", "", f"**{t(document.recipients_label)}**", ""]
    lines += [f"- {t(recipient.lstrip('- '))}" for recipient in document.recipients]
    lines += [""]
    for signature_line in (document.signer_authority, document.signer_title):
        if signature_line:
            lines.append(f"**{t(signature_line)}**  ")
    if document.signer_name:
        lines += ["", f"**{t(document.signer_name)}**"]
    if document.appendix is not None:
        appendix = document.appendix
        lines += ["", "---", "", f"## {t(appendix.heading)}", "", f"**{t(appendix.title)}**", ""]
        lines += [f"*{t(appendix.subtitle)}*", ""]
        lines.append("| " + " | ".join(t(cell) for cell in appendix.header) + " |")
        lines.append(
            "|" + "|".join("---:" if numeric else "---" for numeric in appendix.numeric) + "|"
        )
        empty = " |" * (len(appendix.header) - 1)
        for entry in appendix.rows:
            if entry.zone:
                lines.append(f"| **{t(entry.zone)}** |{empty}")
            else:
                lines.append("| " + " | ".join(t(cell) for cell in entry.cells) + " |")
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
