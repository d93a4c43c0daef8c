"""The report as Markdown (CommonMark with pipe tables), for the portal and for e-mail.

Charts are PNG files beside the Markdown file (``chart_files``); the text
links to them by name and states their figures in words.
"""

from __future__ import annotations

from kcn.reports.document import ReportDocument


def chart_file_name(document: ReportDocument, chart_name: str) -> str:
    return f"report-{document.period_code}-{chart_name}.png"


def chart_files(document: ReportDocument) -> dict[str, bytes]:
    return {chart_file_name(document, chart.name): chart.png for chart in document.charts}


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(document: ReportDocument) -> bytes:
    lines: list[str] = []
    if document.draft_label:
        lines += [f"> **{document.draft_label}**", ""]
    lines += [
        f"{document.parent_body}  ",
        f"**{document.issuer}**  ",
        document.number_line,
        "",
        f"**{document.motto[0]}**  ",
        f"**{document.motto[1]}**  ",
        f"*{document.place_date}*",
        "",
        f"# {document.kind}",
        "",
        f"**{document.title}**",
        "",
    ]
    for paragraph in document.summary:
        lines += [paragraph, ""]
    lines += [f"## {document.results_heading}", ""]
    for section in document.sections:
        lines += [f"### {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
    table = document.table
    if table is not None:
        lines += [f"### {table.heading}", ""]
        lines.append("| " + " | ".join(_escape(cell) for cell in table.header) + " |")
        lines.append(
            "|" + "|".join("---:" if numeric else "---" for numeric in table.numeric) + "|"
        )
        for row in table.rows:
            lines.append("| " + " | ".join(_escape(cell) for cell in row) + " |")
        lines.append("")
    for chart in document.charts:
        lines += [
            f"![{chart.caption}]({chart_file_name(document, chart.name)})",
            "",
            f"*{chart.caption}.* {chart.description}.",
            "",
        ]
    if document.priorities:
        lines += [f"## {document.priorities_heading}", "", document.priorities_intro, ""]
        for item in document.priorities:
            lines += [f"**{item.lead}** {item.text}", ""]
    lines += ["---", "", f"**{document.recipients_label}**", ""]
    lines += [f"- {recipient.lstrip('- ')}" for recipient in document.recipients]
    lines += [""]
    for signature_line in (document.signer_authority, document.signer_title):
        if signature_line:
            lines.append(f"**{signature_line}**  ")
    if document.signer_name:
        lines += ["", f"**{document.signer_name}**"]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
