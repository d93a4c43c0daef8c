"""The 2022-Q1 report of the demo data, read back from every format, states the seed's figures.

The demo workbook goes through the real import once for the module; the
reports are rendered, then the database is emptied again. Tests read the text
back (python-docx, pdftotext, the HTML's text, the Markdown) — never bytes.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kcn.board.services import board_profile_update
from kcn.core.periods import parse_period
from kcn.demo.generator import generate
from kcn.demo.report import load_demo_report
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import
from kcn.reports.dataset import build_dataset
from kcn.reports.document import compose
from kcn.reports.ministry import form_2104
from kcn.reports.render import render
from kcn.reports.render.xlsx import render_form_xlsx

# The marker also makes pytest-django set up the test database before the module fixture.
pytestmark = pytest.mark.django_db

SEED_PHRASES = [
    "Tình hình thực hiện nhiệm vụ quý I năm 2022 của Ban Quản lý các khu công nghiệp tỉnh Hưng Yên",
    "khu công nghiệp Thăng Long II mở rộng (giai đoạn 3) với quy mô 180,5 ha đã được Thủ tướng "
    "Chính phủ chấp thuận chủ trương đầu tư",
    "đảm bảo chỉ tiêu kế hoạch được UBND tỉnh giao trong năm 2022",
    "với tổng vốn đầu tư của dự án là 98 triệu USD",
    "đã tiếp nhận được 03 dự án có vốn đầu tư trong nước, với tổng vốn đầu tư đăng ký 345 tỷ đồng",
    "Đồng thời, điều chỉnh tăng vốn cho 12 dự án, với tổng vốn đầu tư tăng thêm khoảng 112 triệu "
    "USD và 410 tỷ đồng",
    "tổng vốn cấp mới và điều chỉnh tăng thêm trong quý I năm 2022 là khoảng 145 triệu USD",
    "đạt 32% kế hoạch được UBND tỉnh giao trong năm 2022 (thu hút 450 triệu USD vốn đầu tư vào "
    "các khu công nghiệp)",
    "Trong quý I năm 2022, các chủ đầu tư hạ tầng các KCN tiếp tục thực hiện chi trả tiền đền bù, "
    "giải phóng mặt bằng cho các hộ dân. Đồng thời, các chủ đầu tư hạ tầng các KCN đã đầu tư xây "
    "dựng hạ tầng kỹ thuật KCN được khoảng 29 ha, đạt 24% kế hoạch được UBND tỉnh giao trong "
    "năm 2022 (đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp)",
    "có thêm 08 dự án đầu tư mới đi vào hoạt động sản xuất kinh doanh",
    "đạt 27% kế hoạch được UBND tỉnh giao trong năm 2022 (có thêm 30 dự án trong các khu công "
    "nghiệp đi vào hoạt động)",
    "tạo việc làm mới cho khoảng 3.000 lao động",
    "đạt 75% kế hoạch được UBND tỉnh giao trong năm 2022 (tạo thêm việc làm mới cho 4.000 lao "
    "động)",
    "Đến nay, tổng số dự án đầu tư đang hoạt động sản xuất kinh doanh tại các KCN là 420 dự án "
    "(gồm 240 dự án có vốn đầu tư nước ngoài và 180 dự án có vốn đầu tư trong nước), chiếm 86,4% "
    "tổng số dự án đầu tư còn hiệu lực",
    "khoảng 74.000 lao động",
    "giám sát tại địa điểm thực hiện dự án đối với 06 dự án đầu tư trong các KCN",
    "đã tiếp nhận, giải quyết 79 hồ sơ thủ tục hành chính; kết quả 100% hồ sơ thủ tục hành chính "
    "được giải quyết đúng hạn và trước hạn, trong đó 91% hồ sơ thủ tục hành chính được giải "
    "quyết trước hạn",
    "100% văn bản đến, đi (trừ văn bản mật) được số hóa",
    "100% văn bản đi (trừ văn bản mật) được phát hành dưới dạng điện tử",
    "Nhằm thực hiện hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội được Ủy ban nhân "
    "dân tỉnh giao tại Chương trình hành động số 14/CTr-UBND ngày 20/01/2022 của UBND tỉnh Hưng "
    "Yên về những nhiệm vụ, giải pháp chủ yếu chỉ đạo điều hành thực hiện kế hoạch phát triển "
    "kinh tế - xã hội và dự toán ngân sách nhà nước năm 2022 tỉnh Hưng Yên",
    "Ban Quản lý các khu công nghiệp tỉnh đã xây dựng, ban hành Kế hoạch số 166/KH-BQL ngày "
    "11/02/2022 về thực hiện nhiệm vụ phát triển kinh tế - xã hội và dự toán ngân sách nhà nước "
    "năm 2022. Trong kế hoạch, đã xác định 20 nhóm nhiệm vụ, giải pháp phải thực hiện.",
    "Đồng thời, Ban Quản lý các khu công nghiệp tỉnh đã xây dựng, ban hành 22 kế hoạch chuyên đề "
    "để tổ chức thực hiện các nhiệm vụ được giao, như các kế hoạch: Kế hoạch thực hiện Chương "
    "trình hành động số 28/CTr-UBND ngày 18/02/2022",
    "Kế hoạch nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI)",
    "và đã hoàn thành một số chỉ tiêu, nhiệm vụ được Ủy ban nhân dân tỉnh giao trong năm 2022. "
    "Cụ thể như sau:",
    "Kế hoạch số 02/KH-UBND ngày 07/01/2022",
    "Chương trình hành động số 28/CTr-UBND ngày 18/02/2022",
    "Nghị quyết số 11/NQ-CP ngày 30/01/2022",
    "Nghị quyết số 43/2022/QH15",
    "NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022",
    "Một là, tiếp tục đôn đốc",
    "Tám là, tiếp tục thực hiện có hiệu quả công tác pháp chế",
    "UBND TỈNH HƯNG YÊN",
    "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 45/BC-BQL",
    "Hưng Yên, ngày 28 tháng 3 năm 2022",
    "Nơi nhận:",
    "KT. TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
]


def flat(text: str) -> str:
    """One line, single spaces: a phrase broken over lines still matches."""
    return re.sub(r"\s+", " ", text).strip()


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return flat(" ".join(parts))


def pdf_text(content: bytes, tmp: Path) -> str:
    path = tmp / "report.pdf"
    path.write_bytes(content)
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    lines = result.stdout.decode("utf-8").splitlines()
    # Page numbers stand alone on a line, where a page break cuts a paragraph.
    return flat(" ".join(line for line in lines if not line.strip().isdigit()))


def html_text(content: bytes) -> str:
    text = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", content.decode("utf-8"), flags=re.S)
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def markdown_text(content: bytes) -> str:
    # Bold markers out, then every backslash escape back to the character it keeps literal.
    return flat(re.sub(r"\\(.)", r"\1", content.decode("utf-8").replace("**", "")))


PERIODS = ("2022-Q1", "2022-11", "2022-H1", "2022-9M", "2022")


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory):
    """{(period, lang, format): bytes} for the demo data, and the Q1 dataset."""
    tmp = tmp_path_factory.mktemp("reports")
    with django_db_blocker.unblock():
        try:
            path = tmp / "demo.xlsx"
            write_rows_workbook(path, generate())
            result = workbook_import(path)
            assert result.ok
            board_profile_update(
                province="Hưng Yên",
                signer_authority="KT.",
                signer_title="TRƯỞNG BAN",
                signer_deputy_title="PHÓ TRƯỞNG BAN",
                signer_name="Nguyễn Văn Minh",
                recipients="- UBND tỉnh (để b/c);\n- Lãnh đạo Ban;",
            )
            load_demo_report()
            files: dict[tuple[str, str, str], bytes] = {}
            for code in PERIODS:
                data = build_dataset(parse_period(code))
                if code == "2022-Q1":
                    data.number = "45"
                    data.issued_on = data.period.end.replace(day=28)
                    data.version = 1
                by_period = {
                    "2022-Q1": ("md", "html", "pdf", "docx"),
                    "2022-H1": ("md", "docx", "pdf"),
                    "2022": ("md", "docx", "pdf"),
                }
                formats = by_period.get(code, ("md", "docx"))
                for lang in ("vi", "en"):
                    document = compose(data, lang)
                    for fmt in formats if lang == "vi" else ("md", "pdf", "docx"):
                        files[(code, lang, fmt)] = render(document, fmt)
            files[("form", "2104", "xlsx")] = render_form_xlsx(form_2104(parse_period("2022-Q1")))
            draft = compose(build_dataset(parse_period("2022-Q1")), "vi")
            for fmt in ("md", "html", "pdf", "docx"):
                files[("draft", "vi", fmt)] = render(draft, fmt)
            yield files, tmp
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_the_q1_report_states_every_seed_figure_in_every_format(rendered, fmt):
    files, tmp = rendered
    content = files[("2022-Q1", "vi", fmt)]
    read = {
        "md": markdown_text,
        "html": html_text,
        "pdf": lambda data: pdf_text(data, tmp),
        "docx": docx_text,
    }[fmt]
    text = read(content)
    missing = [phrase for phrase in SEED_PHRASES if flat(phrase) not in text]
    assert missing == []


def test_the_english_report_states_the_same_figures(rendered):
    files, tmp = rendered
    text = pdf_text(files[("2022-Q1", "en", "pdf")], tmp)
    for phrase in (
        "VND 345 billion",
        "USD 112 million and VND 410 billion",
        "about USD 145 million",
        "To date, 420 projects are operating",
        "86.4%",
        "about 74,000 workers",
        "SOCIALIST REPUBLIC OF VIETNAM",
    ):
        assert phrase in text


@pytest.mark.parametrize(
    ("code", "phrases"),
    [
        (
            "2022-11",
            ["nhiệm vụ tháng 11 năm 2022", "lũy kế 11 tháng năm 2022", "Thực hiện tháng 11"],
        ),
        ("2022-H1", ["nhiệm vụ 6 tháng đầu năm 2022", "Thực hiện 6 tháng đầu năm 2022"]),
        ("2022-9M", ["nhiệm vụ 9 tháng năm 2022", "Thực hiện 9 tháng năm 2022"]),
        ("2022", ["nhiệm vụ năm 2022 của", "so với năm 2021"]),
    ],
)
def test_every_period_form_gets_its_name_and_lũy_kế(rendered, code, phrases):
    files, _ = rendered
    for fmt, read in (("md", markdown_text), ("docx", docx_text)):
        text = read(files[(code, "vi", fmt)])
        for phrase in phrases:
            assert phrase in text, (fmt, phrase)


def test_the_word_file_has_the_layout_of_decree_30(rendered):
    files, _ = rendered
    document = Document(io.BytesIO(files[("2022-Q1", "vi", "docx")]))
    section = document.sections[0]
    lengths = (
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    mm = [round(length.mm) for length in lengths if length is not None]
    assert len(mm) == len(lengths)
    width, height, top, bottom, left, right = mm
    assert (width, height) == (210, 297)
    assert top in range(20, 26)
    assert bottom in range(20, 26)
    assert left in range(30, 36)
    assert right in range(15, 21)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{a}") for a in ("eastAsia", "cs")} == {
        "Times New Roman"
    }
    # Page numbers from page 2: the first page's header is its own and empty.
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    # The letterhead: issuing body left, motto right, in one borderless two-column table.
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text.strip() and "─" not in p.text] == [
        "UBND TỈNH HƯNG YÊN",
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
        "Số: 45/BC-BQL",
    ]
    assert [p.text for p in right.paragraphs if p.text.strip() and "─" not in p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hưng Yên, ngày 28 tháng 3 năm 2022",
    ]
    assert left.width <= Mm(70)


def test_the_word_file_has_the_table_of_targets_and_the_charts(rendered):
    files, _ = rendered
    document = Document(io.BytesIO(files[("2022-Q1", "vi", "docx")]))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    # A quarter from 1 January: its year to date is the quarter, so no column repeats it.
    assert rows[0][2:] == ["Kế hoạch năm 2022", "Thực hiện quý I năm 2022", "% kế hoạch"]
    assert ["Việc làm mới", "lao động", "4.000", "3.000", "75%"] in rows
    # A range reads as the text reads it ("có từ 01 - 02 khu công nghiệp").
    assert rows[1][2:4] == ["01 - 02", "01"]
    assert len(rows) == 6  # the header and the five targeted indicators of 2022
    assert len(document.inline_shapes) == 2
    captions = [p.text for p in document.paragraphs if p.style and p.style.name == "Caption"]
    assert captions[0].startswith("Biểu đồ 1. Tiến độ thực hiện các chỉ tiêu kế hoạch năm 2022")


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_the_pdf_is_a4_and_numbers_its_pages_from_the_second(rendered):
    files, tmp = rendered
    path = tmp / "q1.pdf"
    path.write_bytes(files[("2022-Q1", "vi", "pdf")])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info.stdout)
    found = re.search(r"Pages:\s+(\d+)", info.stdout)
    assert found is not None, info.stdout
    pages = int(found.group(1))
    assert pages >= 3
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
        capture_output=True, check=True, text=True,
    ).stdout  # fmt: skip
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-layout", str(path), "-"],
        capture_output=True, check=True, text=True,
    ).stdout  # fmt: skip
    assert first.strip().splitlines()[0].strip() != "1"
    assert second.strip().splitlines()[0].strip() == "2"


def test_the_html_page_is_self_contained_with_its_charts(rendered):
    files, _ = rendered
    page = files[("2022-Q1", "vi", "html")].decode("utf-8")
    assert page.count('src="data:image/png;base64,') == 2
    assert "http://" not in page
    assert "https://" not in page
    assert '<html lang="vi">' in page


# --- Round two (issue 13): the seed's order, honest dates, Word that behaves, English -------


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_the_report_keeps_the_seeds_order(rendered, fmt):
    files, tmp = rendered
    read = {"md": markdown_text, "html": html_text, "docx": docx_text}.get(
        fmt, lambda data: pdf_text(data, tmp)
    )
    text = read(files[("2022-Q1", "vi", fmt)])
    order = [
        "Trong quý I năm 2022, dự án đầu tư xây dựng và kinh doanh hạ tầng",  # the summary
        "Nhằm thực hiện hoàn thành các chỉ tiêu",  # the framing paragraph
        "Cụ thể như sau:",
        "Về quy hoạch, phát triển KCN",
        "Về cải cách thủ tục hành chính",
        "NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022",
        "Phụ lục",
    ]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    assert "Các nhiệm vụ khác" not in text  # the framing is no longer moved to the end


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_a_draft_leaves_its_number_and_date_blank_under_a_framed_mark(rendered, fmt):
    files, tmp = rendered
    content = files[("draft", "vi", fmt)]
    if fmt == "docx":
        document = Document(io.BytesIO(content))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    elif fmt == "pdf":
        (tmp / "draft.pdf").write_bytes(content)
        text = subprocess.run(["pdftotext", "-layout", str(tmp / "draft.pdf"), "-"],
                              capture_output=True, check=True, text=True).stdout  # fmt: skip
    else:
        text = html.unescape(re.sub(r"<[^>]+>", " ", content.decode("utf-8")))
    text = text.replace("\u00a0", " ")  # the gaps are non-breaking spaces: no format drops them
    assert "DỰ THẢO" in text
    assert re.search(r"Số: {4,}/BC-BQL", text), "the number is left blank, with room for it"
    assert re.search(r"Hưng Yên, ngày {4,}tháng {4,}năm", text), "the date is left blank"
    assert "2026" not in text  # no day of the draft's making stands as the report's date


def test_the_draft_mark_is_framed_and_black_in_word_and_html(rendered):
    files, _ = rendered
    document = Document(io.BytesIO(files[("draft", "vi", "docx")]))
    mark = next(p for p in document.paragraphs if p.text.strip() == "DỰ THẢO")
    run = next(r for r in mark.runs if r.text == "DỰ THẢO")
    properties = run._r.rPr
    assert properties is not None
    assert properties.find(qn("w:bdr")) is not None  # a frame around the word
    assert run.font.color.rgb is None
    assert run.bold
    page = files[("draft", "vi", "html")].decode("utf-8")
    assert '<div class="draft"><span>DỰ THẢO</span></div>' in page
    assert "#b22222" not in page
    assert "letter-spacing" not in page


def test_word_rows_never_split_and_table_headers_repeat(rendered):
    files, _ = rendered
    document = Document(io.BytesIO(files[("2022", "vi", "docx")]))
    bordered = [t for t in document.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(bordered) == 2  # the targets and the appendix
    for table in bordered:
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None
                   for row in rows)  # fmt: skip
    signature = document.tables[-2]._tbl.findall(qn("w:tr"))  # recipients and signature
    assert signature[0].trPr.find(qn("w:cantSplit")) is not None


@pytest.mark.parametrize(("lang", "tag"), [("vi", "vi-VN"), ("en", "en-GB")])
def test_word_checks_the_spelling_in_the_reports_language(rendered, lang, tag):
    files, _ = rendered
    document = Document(io.BytesIO(files[("2022-Q1", lang, "docx")]))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    languages = {element.get(qn("w:val")) for element in defaults.iter(qn("w:lang"))} | {
        element.get(qn("w:val")) for element in document.styles.element.iter(qn("w:lang"))
    }
    assert languages == {tag}
    assert "en-US" not in document.styles.element.xml


def test_word_never_breaks_a_document_symbol_or_covid_19_at_its_hyphen(rendered):
    files, _ = rendered
    document = Document(io.BytesIO(files[("2022-Q1", "vi", "docx")]))
    body = document.element.body
    texts = [t.text or "" for t in body.iter(qn("w:t"))]
    assert not any(re.search(r"\d+/[^\s]*-$|Covid-$|/CTr-", text) for text in texts)
    assert not any("CTr-UBND" in text or "Covid-19" in text for text in texts)
    assert len(list(body.iter(qn("w:noBreakHyphen")))) > 10
    assert "14/CTr-UBND" in docx_text(files[("2022-Q1", "vi", "docx")])  # still reads the same


def test_word_rules_have_the_lengths_of_decree_30(rendered):
    from kcn.reports.document import ISSUER_PT, MOTTO_PT, TEXT_WIDTH_MM, TITLE_PT
    from kcn.reports.measure import longest_line_mm, text_width_mm
    from kcn.reports.render.docx_template import RULE_STYLES

    files, _ = rendered
    document = Document(io.BytesIO(files[("2022-Q1", "vi", "docx")]))
    letterhead = document.tables[0].rows[0].cells
    paragraphs = [*document.paragraphs, *letterhead[0].paragraphs, *letterhead[1].paragraphs]
    lengths = {}
    for paragraph in paragraphs:
        for kind, (style, width) in RULE_STYLES.items():
            if paragraph.style.name == style:
                fmt = paragraph.paragraph_format
                lengths[kind] = width - fmt.left_indent.mm - fmt.right_indent.mm
                assert abs(fmt.left_indent - fmt.right_indent) < Mm(0.1)  # centred
    motto = text_width_mm("Độc lập - Tự do - Hạnh phúc", MOTTO_PT, bold=True)
    assert abs(lengths["motto"] - motto) < 1  # as long as the motto
    title = longest_line_mm(
        "Tình hình thực hiện nhiệm vụ quý I năm 2022 của Ban Quản lý các khu công nghiệp tỉnh "
        "Hưng Yên", TITLE_PT, TEXT_WIDTH_MM, bold=True,
    )  # fmt: skip
    assert title / 3 <= lengths["title"] <= title / 2
    issuer = longest_line_mm("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", ISSUER_PT, 62.2, bold=True)
    assert issuer / 3 <= lengths["issuer"] <= issuer / 2


def test_symbols_hold_together_by_a_span_on_screen_and_word_joiners_in_print():
    from kcn.reports.templatetags.report_text import unbroken_symbols

    text = "Theo 14/CTr-UBND <b> và Covid-19."
    assert unbroken_symbols(text) == (
        'Theo <span class="symbol">14/CTr-UBND</span> &lt;b&gt; và '
        '<span class="symbol">Covid-19</span>.'
    )
    assert unbroken_symbols(text, True) == (
        "Theo 14/\u2060CTr-\u2060UBND &lt;b&gt; và Covid-\u206019."
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_line_of_the_pdf_ends_inside_a_document_symbol(rendered, lang):
    files, tmp = rendered
    path = tmp / f"symbols-{lang}.pdf"
    path.write_bytes(files[("2022-Q1", lang, "pdf")])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout  # fmt: skip
    assert "\u2060" not in text  # the joiners are invisible and left out of the text
    broken = [line for line in text.splitlines() if re.search(r"\w[/-]$", line.rstrip())]
    assert broken == []
    assert "14/CTr-UBND" in text
    page = files[("2022-Q1", "vi", "html")].decode("utf-8")
    assert '<span class="symbol">14/CTr-UBND</span>' in page  # on screen: found and copied whole
    assert "\u2060" not in page


def test_no_word_of_the_appendixs_header_or_kind_of_change_wraps_in_its_column(rendered):
    from kcn.reports.measure import text_width_mm
    from kcn.reports.render.docx_template import APPENDIX_PT, CELL_MARGINS_MM

    files, _ = rendered
    document = Document(io.BytesIO(files[("2022-Q1", "vi", "docx")]))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    widths = [Mm(int(col.get(qn("w:w"))) / 1440 * 25.4) for col in table._tbl.tblGrid]
    assert abs(sum(width.mm for width in widths) - 160) < 0.5  # the text's width
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    kinds = {row[4] for row in rows[1:] if row[0] != row[4]}  # zone rows are merged
    assert kinds
    assert kinds <= {"Cấp mới", "Tăng vốn", "Giảm vốn"}
    for column, width in enumerate(widths):
        room = width.mm - CELL_MARGINS_MM
        words = rows[0][column].split()
        assert all(text_width_mm(word, APPENDIX_PT, bold=True) < room for word in words), column
    for kind in kinds:
        assert text_width_mm(kind, APPENDIX_PT) < widths[4].mm - CELL_MARGINS_MM, kind


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nothing_in_the_pdf_runs_past_the_right_margin(rendered, lang):
    """No word beyond the text's right edge (A4 less 20 mm): an amount too wide for its
    column ("VND 140 billion") wraps instead of running over the table's border."""
    files, tmp = rendered
    path = tmp / f"margin-{lang}.pdf"
    path.write_bytes(files[("2022-Q1", lang, "pdf")])
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                           check=True, text=True).stdout  # fmt: skip
    edge = (210 - 20) / 25.4 * 72  # points
    words = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)
    assert len(words) > 1000
    # 4 pt of slack: pdftotext measures a justified line's last word with stacked marks
    # ("Mỹ", "Kiểm") up to 2.6 pt wide of where it ends; the overflow it catches was 10 pt.
    beyond = [(word, round(float(x_max), 1)) for x_max, word in words if float(x_max) > edge + 4]
    assert beyond == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("code", ["2022-Q1", "2022"])
def test_no_page_of_the_pdf_is_left_half_empty(rendered, code):
    """Every page but the last of the report and the last of its appendix is at least three
    quarters full: the lowest mark on it lies in its last quarter."""
    from PIL import Image

    files, tmp = rendered
    data = files.get((code, "vi", "pdf"), None)
    if data is None:
        pytest.skip("rendered as Markdown and Word only")
    folder = tmp / f"pages-{code}"
    folder.mkdir()
    path = folder / "report.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(path), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.pgm"))
    texts = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout.split("\f")
    appendix = next(index for index, text in enumerate(texts) if "DANH SÁCH DỰ ÁN" in text)
    last_of_part = {len(pages) - 1, appendix - 1}
    for index, page in enumerate(pages):
        if index in last_of_part:
            continue
        image = Image.open(page)
        width, height = image.size
        pixels = image.load()
        assert pixels is not None
        lowest = max(
            (y for y in range(height) for x in range(0, width, 2) if pixels[x, y] < 200),
            default=0,
        )
        assert lowest / height > 0.75, f"page {index + 1} ends at {lowest / height:.0%}"


@pytest.mark.parametrize("code", ["2022-Q1", "2022-H1", "2022"])
def test_no_page_of_the_appendix_ends_with_a_zones_heading_alone(rendered, code):
    """Each zone's heading goes to the next page with its first certificate: the half year's
    appendix left "KCN Tân Dân" alone at the foot of page 6."""
    files, tmp = rendered
    path = tmp / f"zones-{code}.pdf"
    path.write_bytes(files[(code, "vi", "pdf")])
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                           check=True, text=True).stdout.split("\f")  # fmt: skip
    start = next(index for index, text in enumerate(pages) if "DANH SÁCH DỰ ÁN" in text)
    zones = set(re.findall(r"^\s*(KCN [^\s].*?)\s*$", "\n".join(pages[start:]), re.M))
    assert len(zones) >= 3
    for index in range(start, len(pages) - 1):
        lines = [line.strip() for line in pages[index].splitlines() if line.strip()]
        if lines:
            assert lines[-1] not in zones, f"page {index + 1} ends with {lines[-1]!r}"


def test_the_html_groups_each_zones_heading_with_its_first_certificate(rendered):
    page = rendered[0][("2022-Q1", "vi", "html")].decode("utf-8")
    groups = re.findall(r'<tbody class="zone-start">(.*?)</tbody>', page, re.S)
    assert len(groups) >= 3
    for group in groups:
        assert group.count('<tr class="zone">') == 1
        assert group.count("<tr>") == 1  # the zone's first certificate, nothing more


def test_markdown_charts_are_named_per_language(rendered):
    files, _ = rendered
    vietnamese = files[("2022-Q1", "vi", "md")].decode("utf-8")
    english = files[("2022-Q1", "en", "md")].decode("utf-8")
    assert "(bao-cao-2022-Q1-targets.png)" in vietnamese
    assert "(report-2022-Q1-targets.png)" in english


def test_the_english_report_is_english_with_the_demos_texts(rendered):
    files, _ = rendered
    text = markdown_text(files[("2022-Q1", "en", "md")])
    body = text.split("Appendix")[0]  # the appendix lists projects by their own names
    assert "[Vietnamese only]" not in body
    for vietnamese in (" của ", " được ", " các ", "tiếp tục", "Một là", "Số:", "Nơi nhận"):
        assert vietnamese not in body, vietnamese
    for phrase in (
        "HUNG YEN PROVINCIAL PEOPLE'S COMMITTEE",
        "INDUSTRIAL ZONES MANAGEMENT BOARD",
        "Thăng Long II Industrial Zone Extension (Phase 3)",
        "Plan No. 166/KH-BQL of 11/02/2022, which sets 20 groups of tasks and solutions",
        "among them: Plan to carry out Action Programme No. 28/CTr-UBND",
        "First, continue to urge, guide and support",
        "(infrastructure built on 120 ha of industrial land)",
        "FOR THE HEAD",
        "DEPUTY HEAD",
    ):
        assert phrase in text, phrase


def test_form_2104_of_the_demos_first_quarter_gives_the_seeds_projects(rendered):
    from openpyxl import load_workbook

    files, _ = rendered
    sheet = load_workbook(io.BytesIO(files[("form", "2104", "xlsx")])).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(row for row in rows if row[2] == "Số dự án còn hiệu lực")
    total = next(row for row in rows if row[1] == "Tổng số")
    fdi, ddi = 2, 2 + 10  # the FDI group, then the domestic one, ten columns each
    assert header[ddi] == "Số dự án còn hiệu lực"
    # The seed: 420 operating projects (240 FDI, 180 domestic) of 486 valid; 74.000 workers.
    assert (total[fdi + 2], total[ddi + 2]) == (240, 180)
    assert total[fdi] + total[ddi] == 486
    assert sum(total[index] for index in (fdi + 8, fdi + 9, ddi + 8, ddi + 9)) == 73_755
