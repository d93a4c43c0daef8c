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
from docx.enum.style import WD_STYLE_TYPE
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
ISSUER_CELL_MM, MOTTO_CELL_MM = 66, 99  # the letterhead's columns
CELL_MARGIN_MM = 1.9  # Word's default left and right cell margins (108 twips)
# The Decree's rules: empty paragraphs of these styles with a bottom border, whose indents the
# renderer sets to the length of the text above (render/docx.py).
RULE_STYLES = {
    "issuer": ("KCN Rule Issuer", ISSUER_CELL_MM - 2 * CELL_MARGIN_MM),
    "motto": ("KCN Rule Motto", MOTTO_CELL_MM - 2 * CELL_MARGIN_MM),
    "title": ("KCN Rule Title", TEXT_WIDTH_MM),
}


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
    caption.paragraph_format.keep_together = True
    for name, _width in RULE_STYLES.values():
        _rule_style(document, name)


def _rule_style(document: DocumentObject, name: str) -> None:
    """An empty paragraph drawing a solid black line along its bottom (the Decree's rules)."""
    rule = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(rule, ParagraphStyle)
    rule.base_style = document.styles["Normal"]
    rule.font.size = Pt(2)
    rule.paragraph_format.first_line_indent = Cm(0)
    rule.paragraph_format.space_before = Pt(0)
    rule.paragraph_format.space_after = Pt(4)
    rule.paragraph_format.line_spacing = 1.0
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr = rule.element.get_or_add_pPr()
    ppr.append(borders)


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


def _rule(container: DocumentObject | _Cell, kind: str) -> None:
    """A rule of the Decree under the issuing body, the motto or the trích yếu: a paragraph of
    its style, at a third of its width until the renderer gives it its length."""
    name, width = RULE_STYLES[kind]
    paragraph = container.add_paragraph(style=name)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(width / 3)


def _never_split(row: object, *, header: bool = False) -> None:
    """A table row kept on one page; a header row repeated at the top of every page."""
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


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
    _widths(table, (Mm(ISSUER_CELL_MM), Mm(MOTTO_CELL_MM)))
    _no_borders(table)
    left, right = (_fresh_cell(cell) for cell in table.rows[0].cells)
    _line(left, "{{ doc.parent_body }}", size=13)
    _line(left, "{{ doc.issuer }}", bold=True, size=13)
    _rule(left, "issuer")
    _line(left, "{{ doc.number_line }}", size=13)
    _line(right, "{{ doc.motto[0] }}", bold=True, size=12)
    _line(right, "{{ doc.motto[1] }}", bold=True, size=14)
    _rule(right, "motto")
    _line(right, "{{ doc.place_date }}", italic=True, size=14)


def _table(
    document: DocumentObject,
    header: str,
    rows: str,
    widths: tuple[float, ...],
    numeric: tuple[int, ...],
    size: float = 11,
) -> None:
    """A bordered table: a header row repeated on every page (``header``: the Jinja list of its
    cells), then a row for each item of ``rows`` (the cells ``row[0]`` …); no row splits."""
    table = document.add_table(rows=4, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, tuple(Mm(width) for width in widths))
    head, opening, body, closing = table.rows
    _never_split(head, header=True)
    _never_split(body)
    for index, cell in enumerate(head.cells):
        _fresh_cell(cell)
        _line(cell, f"{{{{ {header}[{index}] }}}}", bold=True, size=size)
    _fresh_cell(opening.cells[0])
    _line(opening.cells[0], f"{{%tr for row in {rows} %}}", size=size)
    for index, cell in enumerate(body.cells):
        _fresh_cell(cell)
        align = WD_ALIGN_PARAGRAPH.RIGHT if index in numeric else WD_ALIGN_PARAGRAPH.LEFT
        _line(cell, f"{{{{ row[{index}] }}}}", size=size, align=align)
    _fresh_cell(closing.cells[0])
    _line(closing.cells[0], "{%tr endfor %}", size=size)


def _targets_table(document: DocumentObject) -> None:
    """The table of targets, with the year-to-date column (6 columns) or without it (5: a
    period from 1 January, whose year to date is the period)."""
    _tag(document, "{%p if doc.table.header|length == 6 %}")
    _table(document, "doc.table.header", "doc.table.rows", (52, 18, 22, 22, 24, 18), (2, 3, 4, 5))
    _tag(document, "{%p else %}")
    _table(document, "doc.table.header", "doc.table.rows", (62, 20, 26, 30, 22), (2, 3, 4))
    _tag(document, "{%p endif %}")


def _appendix(document: DocumentObject) -> None:
    """The period's new projects and capital changes on pages of their own after the
    signature: one table, a heading row for each zone (merged across the table)."""
    _tag(document, "{%p if doc.appendix %}")
    heading = _line(document, "{{ doc.appendix.heading }}", bold=True)
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.keep_with_next = True
    _line(document, "{{ doc.appendix.title }}", bold=True).paragraph_format.keep_with_next = True
    subtitle = _line(document, "{{ doc.appendix.subtitle }}", italic=True)
    subtitle.paragraph_format.space_after = Pt(6)
    subtitle.paragraph_format.keep_with_next = True
    table = document.add_table(rows=8, cols=len(APPENDIX_WIDTHS_MM))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, tuple(Mm(width) for width in APPENDIX_WIDTHS_MM))
    head, opening, zone_if, zone, zone_else, item, end_if, end_for = table.rows
    _never_split(head, header=True)
    for row in (zone, item):
        _never_split(row)
    for index, cell in enumerate(head.cells):
        _line(
            _fresh_cell(cell),
            f"{{{{ doc.appendix.header[{index}] }}}}",
            bold=True,
            size=APPENDIX_PT,
        )
    for row, tag in (
        (opening, "{%tr for row in doc.appendix.rows %}"),
        (zone_if, "{%tr if row.zone %}"),
        (zone_else, "{%tr else %}"),
        (end_if, "{%tr endif %}"),
        (end_for, "{%tr endfor %}"),
    ):
        _line(_fresh_cell(row.cells[0]), tag, size=10)
    merged = zone.cells[0].merge(zone.cells[-1])
    _line(_fresh_cell(merged), "{{ row.zone }}", bold=True, size=10, align=WD_ALIGN_PARAGRAPH.LEFT)
    merged.paragraphs[0].paragraph_format.keep_with_next = True
    for index, cell in enumerate(item.cells):
        align = WD_ALIGN_PARAGRAPH.RIGHT if index in (0, 5) else WD_ALIGN_PARAGRAPH.LEFT
        _line(_fresh_cell(cell), f"{{{{ row.cells[{index}] }}}}", size=10, align=align)
    _tag(document, "{%p endif %}")


# The appendix's columns, 160 mm in all (the text's width): wide enough that no word of the
# header ("STT") and no kind of change ("Giảm vốn") wraps inside a cell, in 10 pt with
# Word's cell margins of 1.9 mm a side.
APPENDIX_WIDTHS_MM = (12, 40, 38, 27, 19, 24)
APPENDIX_PT = 10
CELL_MARGINS_MM = 2 * 1.905


def _closing(document: DocumentObject) -> None:
    """Recipients left, signature right, in one row that never splits: the signature block
    stays together on one page."""
    table = document.add_table(rows=1, cols=2)
    _widths(table, (Mm(80), Mm(80)))
    _no_borders(table)
    _never_split(table.rows[0])
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


def _draft_mark(document: DocumentObject) -> None:
    """Decree 30's mark of a draft: "DỰ THẢO" in black capitals, bold, in a frame (a border
    around the run), at the top right."""
    paragraph = _line(document, "", align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph.paragraph_format.space_after = Pt(6)
    run = paragraph.add_run("{{ doc.draft_label }}")
    run.bold = True
    run.font.size = Pt(BODY_PT)
    border = OxmlElement("w:bdr")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "2"), ("w:color", "000000")):
        border.set(qn(key), value)
    run._r.get_or_add_rPr().append(border)


def build_template() -> DocumentObject:
    """The default template, as a python-docx document (tags not yet filled)."""
    document = Document()
    _styles(document)
    _page(document)
    body = document.element.body
    for paragraph in list(document.paragraphs):  # python-docx starts with none, but be sure
        body.remove(paragraph._p)
    _tag(document, "{%p if doc.draft_label %}")
    _draft_mark(document)
    _tag(document, "{%p endif %}")
    _letterhead(document)
    _line(document, "{{ doc.kind }}", style="Title")
    _line(document, "{{ doc.title }}", bold=True)
    _rule(document, "title")
    _tag(document, "{%p for text in doc.summary %}")
    document.add_paragraph("{{ text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p for text in doc.framing %}")
    document.add_paragraph("{{ text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p if doc.results_heading %}")
    document.add_paragraph("{{ doc.results_heading }}", style="Heading 1")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if doc.lead_in %}")
    document.add_paragraph("{{ doc.lead_in }}")
    _tag(document, "{%p endif %}")
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
    _line(document, "{{ chart.image }}").paragraph_format.keep_with_next = True
    document.add_paragraph("{{ chart.caption }}", style="Caption")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if doc.shortcomings %}")
    document.add_paragraph("{{ doc.shortcomings_heading }}", style="Heading 1")
    _tag(document, "{%p for text in doc.shortcomings %}")
    document.add_paragraph("{{ text }}")
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
    _appendix(document)
    return document


@cache
def default_template() -> bytes:
    buffer = io.BytesIO()
    build_template().save(buffer)
    return buffer.getvalue()
