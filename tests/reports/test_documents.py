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
from docx.shared import Mm, Pt

from kcn.board.services import board_profile_update
from kcn.core.periods import parse_period
from kcn.demo.generator import generate
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import
from kcn.reports.dataset import build_dataset
from kcn.reports.document import compose
from kcn.reports.render import render

# The marker also makes pytest-django set up the test database before the module fixture.
pytestmark = pytest.mark.django_db

SEED_PHRASES = [
    "Tình hình thực hiện nhiệm vụ quý I năm 2022 của Ban Quản lý các khu công nghiệp tỉnh Hưng Yên",
    "khu công nghiệp Thăng Long II mở rộng (giai đoạn 3) với quy mô 180,5 ha đã được Thủ tướng "
    "Chính phủ chấp thuận chủ trương đầu tư",
    "đảm bảo chỉ tiêu kế hoạch được UBND tỉnh giao trong năm 2022",
    "với tổng vốn đầu tư của dự án là 98 triệu USD",
    "đã tiếp nhận được 03 dự án có vốn đầu tư trong nước, với tổng vốn đầu tư đăng ký 345 tỷ đồng",
    "điều chỉnh tăng vốn cho 12 dự án, với tổng vốn đầu tư tăng thêm 112 triệu USD và 410 tỷ đồng",
    "tổng vốn cấp mới và điều chỉnh tăng thêm trong quý I năm 2022 là khoảng 145 triệu USD",
    "đạt 32% kế hoạch được UBND tỉnh giao trong năm 2022 (thu hút 450 triệu USD vốn đầu tư vào "
    "các khu công nghiệp)",
    "đầu tư xây dựng hạ tầng kỹ thuật KCN được 29 ha, đạt 24% kế hoạch được UBND tỉnh giao trong "
    "năm 2022 (đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp)",
    "có thêm 08 dự án đầu tư mới đi vào hoạt động sản xuất kinh doanh",
    "đạt 27% kế hoạch được UBND tỉnh giao trong năm 2022 (có thêm 30 dự án trong các khu công "
    "nghiệp đi vào hoạt động)",
    "tạo việc làm mới cho 3.000 lao động",
    "đạt 75% kế hoạch được UBND tỉnh giao trong năm 2022 (tạo thêm việc làm mới cho 4.000 lao "
    "động)",
    "là 420 dự án (gồm 240 dự án có vốn đầu tư nước ngoài và 180 dự án có vốn đầu tư trong "
    "nước), chiếm 86,4% tổng số dự án đầu tư còn hiệu lực",
    "khoảng 74.000 lao động",
    "giám sát tại địa điểm thực hiện dự án đối với 06 dự án đầu tư trong các KCN",
    "đã tiếp nhận, giải quyết 79 hồ sơ thủ tục hành chính; kết quả 100% hồ sơ thủ tục hành chính "
    "được giải quyết đúng hạn và trước hạn, trong đó 91% hồ sơ thủ tục hành chính được giải "
    "quyết trước hạn",
    "100% văn bản đến, đi (trừ văn bản mật) được số hóa",
    "100% văn bản đi (trừ văn bản mật) được phát hành dưới dạng điện tử",
    "Chương trình hành động số 14/CTr-UBND ngày 20/01/2022",
    "Kế hoạch số 166/KH-BQL ngày 11/02/2022",
    "đã xây dựng, ban hành 22 kế hoạch chuyên đề",
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
            files: dict[tuple[str, str, str], bytes] = {}
            for code in PERIODS:
                data = build_dataset(parse_period(code))
                if code == "2022-Q1":
                    data.number = "45"
                    data.issued_on = data.period.end.replace(day=28)
                    data.version = 1
                formats = ("md", "html", "pdf", "docx") if code == "2022-Q1" else ("md", "docx")
                for lang in ("vi", "en"):
                    document = compose(data, lang)
                    for fmt in formats if lang == "vi" else ("md", "pdf"):
                        files[(code, lang, fmt)] = render(document, fmt)
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
        "420 projects were operating",
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
        ("2022-9M", ["nhiệm vụ 9 tháng năm 2022", "Lũy kế 9 tháng năm 2022"]),
        ("2022", ["nhiệm vụ năm 2022 của", "so với cùng kỳ năm 2021"]),
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
    assert rows[0][2:] == [
        "Kế hoạch năm 2022",
        "Thực hiện quý I năm 2022",
        "Lũy kế 3 tháng năm 2022",
        "% kế hoạch",
    ]
    assert ["Việc làm mới", "lao động", "4.000", "3.000", "3.000", "75%"] in rows
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
