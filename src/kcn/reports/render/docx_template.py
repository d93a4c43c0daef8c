"""The default Word template of the report, built with python-docx and filled by docxtpl.

The template is an ordinary .docx with Jinja tags in its paragraphs. An
official can write it out (``kcn report template -o mau-bao-cao.docx``), open it
in Word, restyle it (fonts, spacing, the letterhead, the signature block) and
point ``KCN_REPORT_TEMPLATE`` at the result; the tags are the only part that
must stay.

The layout is that of Decree 30/2020/NĐ-CP, Appendix I: A4 portrait; margins
top and bottom 20 mm, left 30 mm, right 20 mm; Times New Roman 14 pt; the
issuing body at the top left under its parent body, the national motto at the
top right; the number and symbol under the issuing body, place and date under
the motto; page numbers centred at the top from the second page; recipients at
the bottom left, the signature at the bottom right.
"""

from __future__ import annotations

import io
from functools import cache

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_MM = 160  # A4 210 mm less 30 mm and 20 mm margins


def _set_font(style: ParagraphStyle, size: float, *, bold: bool = False) -> None:
    """Times New Roman for every script: Word picks the eastAsia/cs font for some letters."""
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _set_font(normal, BODY_PT)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Cm(1)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, indent in (("Heading 1", BODY_PT, 0), ("Heading 2", BODY_PT, 1)):
        heading = styles[name]
        assert isinstance(heading, ParagraphStyle)
        _set_font(heading, size, bold=True)
        heading.font.italic = False
        heading.paragraph_format.first_line_indent = Cm(indent)
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = styles["Title"]
    assert isinstance(title, ParagraphStyle)
    _set_font(title, BODY_PT, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Cm(0)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(0)
    # The default Title style draws a blue line under itself.
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    caption = styles["Caption"]
    assert isinstance(caption, ParagraphStyle)
    _set_font(caption, 12)
    caption.font.italic = True
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Cm(0)


def _page(document: DocumentObject) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.header_distance = Mm(10)
    # Page numbers from page 2: the first page has a header of its own, left empty.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.first_line_indent = Cm(0)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)


def _line(
    container: DocumentObject | _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    style: str | None = None,
) -> Paragraph:
    paragraph = container.add_paragraph(style=style)
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    if bold:  # otherwise inherit from the style (the Title style is bold)
        run.bold = True
    if italic:
        run.italic = True
    if size:
        run.font.size = Pt(size)
    return paragraph


def _tag(document: DocumentObject | _Cell, tag: str) -> None:
    """A paragraph holding only a docxtpl block tag: it disappears when rendered."""
    paragraph = document.add_paragraph(tag)
    paragraph.paragraph_format.first_line_indent = Cm(0)


def _rule(cell: _Cell, width_mm: float) -> None:
    """The short line under the issuing body and under the motto (a bottom border)."""
    paragraph = cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_after = Pt(6)
    run = paragraph.add_run("\u2500" * int(width_mm / 2.6))
    run.font.size = Pt(8)


def _no_borders(table: object) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl.tblPr.append(borders)


def _widths(table: Table, widths: tuple[Length, ...]) -> None:
    """Fixed column widths: Word reads the cells, LibreOffice the grid; set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _fresh_cell(cell: _Cell) -> _Cell:
    """A table cell starts with an empty paragraph; remove it so content starts at the top."""
    for paragraph in list(cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _letterhead(document: DocumentObject) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (Mm(66), Mm(99)))
    _no_borders(table)
    left, right = (_fresh_cell(cell) for cell in table.rows[0].cells)
    _line(left, "{{ doc.parent_body }}", size=13)
    _line(left, "{{ doc.issuer }}", bold=True, size=13)
    _rule(left, 30)
    _line(left, "{{ doc.number_line }}", size=13)
    _line(right, "{{ doc.motto[0] }}", bold=True, size=12)
    _line(right, "{{ doc.motto[1] }}", bold=True, size=14)
    _rule(right, 50)
    _line(right, "{{ doc.place_date }}", italic=True, size=14)


def _targets_table(document: DocumentObject) -> None:
    table = document.add_table(rows=4, cols=6)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Mm(52), Mm(18), Mm(22), Mm(22), Mm(24), Mm(18))
    _widths(table, widths)
    header, opening, body, closing = table.rows
    for index, cell in enumerate(header.cells):
        _fresh_cell(cell)
        _line(cell, f"{{{{ doc.table.header[{index}] }}}}", bold=True, size=11)
    _fresh_cell(opening.cells[0])
    _line(opening.cells[0], "{%tr for row in doc.table.rows %}", size=11)
    for index, cell in enumerate(body.cells):
        _fresh_cell(cell)
        align = WD_ALIGN_PARAGRAPH.RIGHT if index >= 2 else WD_ALIGN_PARAGRAPH.LEFT
        _line(cell, f"{{{{ row[{index}] }}}}", size=11, align=align)
    _fresh_cell(closing.cells[0])
    _line(closing.cells[0], "{%tr endfor %}", size=11)


def _closing(document: DocumentObject) -> None:
    table = document.add_table(rows=1, cols=2)
    _widths(table, (Mm(80), Mm(80)))
    _no_borders(table)
    left, right = (_fresh_cell(cell) for cell in table.rows[0].cells)
    _line(left, "{{ doc.recipients_label }}", bold=True, italic=True, size=12,
          align=WD_ALIGN_PARAGRAPH.LEFT)  # fmt: skip
    _tag(left, "{%p for recipient in doc.recipients %}")
    _line(left, "- {{ recipient }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _tag(left, "{%p endfor %}")
    _tag(right, "{%p if doc.signer_authority %}")
    _line(right, "{{ doc.signer_authority }}", bold=True)
    _tag(right, "{%p endif %}")
    _line(right, "{{ doc.signer_title }}", bold=True)
    for _ in range(4):  # room for the signature and the seal
        _line(right, "")
    _line(right, "{{ doc.signer_name }}", bold=True)


def build_template() -> DocumentObject:
    """The default template, as a python-docx document (tags not yet filled)."""
    document = Document()
    _styles(document)
    _page(document)
    body = document.element.body
    for paragraph in list(document.paragraphs):  # python-docx starts with none, but be sure
        body.remove(paragraph._p)
    _tag(document, "{%p if doc.draft_label %}")
    _line(document, "{{ doc.draft_label }}", bold=True)
    _tag(document, "{%p endif %}")
    _letterhead(document)
    _line(document, "{{ doc.kind }}", style="Title")
    _line(document, "{{ doc.title }}", bold=True)
    _line(document, "\u2500" * 12, size=8)
    _tag(document, "{%p for text in doc.summary %}")
    document.add_paragraph("{{ text }}")
    _tag(document, "{%p endfor %}")
    document.add_paragraph("{{ doc.results_heading }}", style="Heading 1")
    _tag(document, "{%p for section in doc.sections %}")
    document.add_paragraph("{{ section.heading }}", style="Heading 2")
    _tag(document, "{%p for text in section.paragraphs %}")
    document.add_paragraph("{{ text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p if doc.table %}")
    document.add_paragraph("{{ doc.table.heading }}", style="Heading 2")
    _targets_table(document)
    _tag(document, "{%p for chart in charts %}")
    _line(document, "{{ chart.image }}")
    document.add_paragraph("{{ chart.caption }}", style="Caption")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if doc.priorities %}")
    document.add_paragraph("{{ doc.priorities_heading }}", style="Heading 1")
    document.add_paragraph("{{ doc.priorities_intro }}")
    _tag(document, "{%p for item in doc.priorities %}")
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ item.lead }}").bold = True
    paragraph.add_run(" {{ item.text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endif %}")
    _closing(document)
    return document


@cache
def default_template() -> bytes:
    buffer = io.BytesIO()
    build_template().save(buffer)
    return buffer.getvalue()
