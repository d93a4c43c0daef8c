"""The report as a Word file: the template (``docx_template``, or the board's own,
``KCN_REPORT_TEMPLATE``) filled by docxtpl, then finished for Word's own rules: the
language Word checks the spelling in, hyphens that never break a document symbol
("14/CTr-UBND", "Covid-19") across two lines, and the Decree's rules at their lengths."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from kcn.core.errors import KcnError
from kcn.reports.document import ReportDocument
from kcn.reports.render.docx_template import RULE_STYLES, TEXT_WIDTH_MM, default_template
from kcn.reports.typography import UNBREAKABLE

# The language of the text, for Word's spelling and hyphenation: Vietnamese as Vietnam
# writes it, English as the board's English readers do.
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}


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
    word = template.docx
    assert word is not None
    set_language(word, LANGUAGE_TAGS[document.lang])
    unbreakable_hyphens(word)
    rule_lengths(word, document)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def set_language(word: DocumentObject, tag: str) -> None:
    """Every run's language (the document's defaults and the Normal style) is ``tag``, so that
    Word checks Vietnamese as Vietnamese, never as English."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    holder = defaults.find(qn("w:rPrDefault"))
    if holder is None:
        holder = OxmlElement("w:rPrDefault")
        defaults.insert(0, holder)
    targets = [holder.find(qn("w:rPr"))]
    if targets[0] is None:
        targets[0] = OxmlElement("w:rPr")
        holder.append(targets[0])
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            targets.append(style.get_or_add_rPr())
    for rpr in targets:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
        lang.set(qn("w:bidi"), "ar-SA")
        rpr.append(lang)
    settings = word.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        settings.append(theme)
    theme.set(qn("w:val"), tag)


def unbreakable_hyphens(word: DocumentObject) -> None:
    """Each hyphen of a document symbol or "Covid-19" as Word's non-breaking hyphen
    (``w:noBreakHyphen``): the line never breaks after it."""
    body = word.element.body
    for text in list(body.iter(qn("w:t"))):
        value = text.text or ""
        cuts = [
            match.start() + offset
            for match in UNBREAKABLE.finditer(value)
            for offset, char in enumerate(match.group())
            if char == "-"
        ]
        if not cuts:
            continue
        run = text.getparent()
        position = run.index(text)
        pieces: list[Any] = []
        start = 0
        for cut in cuts:
            pieces.append(_text(value[start:cut]))
            pieces.append(OxmlElement("w:noBreakHyphen"))
            start = cut + 1
        pieces.append(_text(value[start:]))
        run.remove(text)
        for offset, piece in enumerate(pieces):
            run.insert(position + offset, piece)


def _text(value: str) -> Any:
    element = OxmlElement("w:t")
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = value
    return element


def rule_lengths(word: DocumentObject, document: ReportDocument) -> None:
    """Each rule of the Decree at its length, centred under its text: indents that leave
    ``length`` of the column (Decree 30: the motto's rule as long as the motto; the issuer's
    and the trích yếu's a third to a half of their line)."""
    lengths = {
        RULE_STYLES["issuer"][0]: (document.rules.issuer_mm, RULE_STYLES["issuer"][1]),
        RULE_STYLES["motto"][0]: (document.rules.motto_mm, RULE_STYLES["motto"][1]),
        RULE_STYLES["title"][0]: (document.rules.title_mm, RULE_STYLES["title"][1]),
    }
    paragraphs = list(word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    for paragraph in paragraphs:
        found = lengths.get(paragraph.style.name if paragraph.style is not None else "")
        if found is None:
            continue
        length, width = found
        side = Mm(max(0.0, (width - min(length, width)) / 2))
        paragraph.paragraph_format.left_indent = side
        paragraph.paragraph_format.right_indent = side
