"""Issue 13, the report's second round: each sentence a board's office sent back, as it reads
now (docs/decisions/0012-report-wording-round-two.md)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from kcn.core.periods import parse_period
from kcn.reports.dataset import ReportDataset
from kcn.reports.document import compose
from kcn.reports.json import report_json
from kcn.reports.render import render
from kcn.reports.wording.base import split_sentences
from tests import factories as f
from tests.reports.builders import dataset
from tests.reports.test_documents import docx_text, html_text, markdown_text

TARGETS = {
    "zones_policy_approved": (1, 2),
    "infrastructure_built_ha": 120,
    "attracted_capital_usd_equiv": 450_000_000,
    "projects_started_operation": 30,
    "jobs_created": 4000,
}


def sections_of(data, lang="vi") -> dict[str, str]:
    document = compose(data, lang, with_charts=False)
    return {item.heading: "\n".join(item.paragraphs) for item in document.sections}


def section(data, heading: str, lang="vi") -> str:
    return next((text for name, text in sections_of(data, lang).items() if heading in name), "")


# --- "Trong quý I năm 2022, các chủ đầu tư…" twice in a row --------------------------------


def test_after_the_staffs_sentence_of_the_period_the_figures_do_not_open_with_it_again():
    data = dataset(
        values={"infrastructure_built_ha": Decimal(29), "land_cleared_ha": Decimal("36.6")},
        targets={"infrastructure_built_ha": 120},
        narratives={
            "infrastructure": "Ban đã đôn đốc các chủ đầu tư. Trong quý I năm 2022, các chủ đầu "
            "tư hạ tầng các KCN tiếp tục chi trả tiền đền bù."
        },
    )
    text = section(data, "hạ tầng")
    assert text == (
        "Ban đã đôn đốc các chủ đầu tư. Trong quý I năm 2022, các chủ đầu tư hạ tầng các KCN "
        "tiếp tục chi trả tiền đền bù. Đồng thời, các chủ đầu tư hạ tầng các KCN đã đầu tư xây "
        "dựng hạ tầng kỹ thuật KCN được khoảng 29 ha, đạt 24% kế hoạch được UBND tỉnh giao "
        "trong năm 2022 (chỉ tiêu 120 ha). Bên cạnh đó, các KCN đã giải phóng mặt bằng được "
        "khoảng 36,6 ha."
    )
    assert text.count("Trong quý I năm 2022") == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_section_opens_two_sentences_with_its_period(lang):
    data = dataset(
        values={
            "dossiers_received": 79, "dossiers_resolved": 79,
            "dossiers_resolved_on_time_pct": Decimal(100), "documents_digitized_pct": Decimal(100),
            "new_projects": 3, "new_projects.domestic": 3, "new_capital_vnd": 345 * 10**9,
            "projects_started_operation": 8, "jobs_created": 3000,
            "infrastructure_built_ha": Decimal(29), "land_leased_ha": Decimal("18.5"),
        },
        targets=TARGETS,
    )  # fmt: skip
    lead = "Trong quý I năm 2022" if lang == "vi" else "In Q1 2022"
    for heading, text in sections_of(data, lang).items():
        openings = [s for p in text.split("\n") for s in split_sentences(p) if s.startswith(lead)]
        assert len(openings) <= 1, heading


# --- "(03 hồ sơ giải quyết quá hạn)… không có hồ sơ quá hạn" -------------------------------


def test_dossiers_resolved_late_and_dossiers_pending_in_time_do_not_read_as_a_contradiction():
    data = dataset(
        "2022-H1",
        values={
            "dossiers_received": 207, "dossiers_resolved": 204,
            "dossiers_resolved_on_time_pct": Decimal("98.53"),
            "dossiers_resolved_early_pct": Decimal("89.22"),
            "dossiers_pending": 3, "dossiers_overdue": 0,
        },
        parts={"dossiers_resolved_on_time_pct": (201, 204)},
        issued_on=dt.date(2022, 7, 5),
    )  # fmt: skip
    text = section(data, "cải cách thủ tục hành chính")
    assert "; 03 hồ sơ giải quyết sau thời hạn." in text
    assert (
        "Tính đến ngày 30/06/2022, còn 03 hồ sơ đang giải quyết, đều còn trong thời hạn giải "
        "quyết." in text
    )
    assert "không có hồ sơ quá hạn" not in text


def test_a_late_count_comes_from_the_counts_never_from_a_rounded_percentage():
    # A report frozen before the counts were kept has the percentage only: no count is rebuilt.
    data = dataset(
        values={"dossiers_received": 79, "dossiers_resolved": 79,
                "dossiers_resolved_on_time_pct": Decimal("97.47")},
    )  # fmt: skip
    text = section(data, "cải cách thủ tục hành chính")
    assert "97%" in text
    assert "sau thời hạn" not in text


# --- "vượt kế hoạch …, đạt 103% kế hoạch" --------------------------------------------------


@pytest.mark.parametrize(
    ("ytd", "phrase"),
    [
        (4115, "vượt 3% kế hoạch được UBND tỉnh giao trong năm 2022"),
        (4000, "đạt 100% kế hoạch được UBND tỉnh giao trong năm 2022"),
        (4008, "vượt 0,2% kế hoạch được UBND tỉnh giao trong năm 2022"),  # never "vượt 0%"
    ],
)
def test_beyond_the_target_the_excess_is_said_once(ytd, phrase):
    data = dataset("2022-11", values={"jobs_created": 250}, ytd={"jobs_created": ytd},
                   targets={"jobs_created": 4000})  # fmt: skip
    text = section(data, "sản xuất kinh doanh")
    assert phrase in text
    assert not re.search(r"vượt kế hoạch.*đạt \d+% kế hoạch", text)


# --- "so với cùng kỳ năm 2021" in a year report -------------------------------------------


def test_a_years_report_compares_with_last_year_not_with_its_same_period():
    values = {"attracted_capital_usd_equiv": Decimal(468_000_000)}
    previous = {"attracted_capital_usd_equiv": Decimal(590_000_000)}
    year = section(dataset("2022", values, previous=previous), "thu hút đầu tư")
    assert "(giảm 21% so với năm 2021)" in year
    assert "cùng kỳ" not in year
    half = section(dataset("2022-H1", values, previous=previous), "thu hút đầu tư")
    assert "(giảm 21% so với cùng kỳ năm 2021)" in half
    english = section(dataset("2022", values, previous=previous), "Investment", "en")
    assert "(down 21% on 2021)" in english


# --- Comma splices around "lũy kế"; "giảm 50%" on a base of two projects -------------------


def test_the_year_to_date_is_its_own_clause_never_a_comma_splice():
    data = dataset(
        "2022-11",
        values={"projects_started_operation": 1, "jobs_created": 250},
        ytd={"projects_started_operation": 24, "jobs_created": 4115},
        targets=TARGETS,
        previous={"projects_started_operation": 2},
    )
    text = section(data, "sản xuất kinh doanh")
    assert text == (
        "Trong tháng 11 năm 2022, tại các KCN có thêm 01 dự án đầu tư mới đi vào hoạt động sản "
        "xuất kinh doanh (cùng kỳ năm 2021: 02 dự án); lũy kế 11 tháng năm 2022 có 24 dự án đi "
        "vào hoạt động, đạt 80% kế hoạch được UBND tỉnh giao trong năm 2022 (chỉ tiêu 30 dự "
        "án). Đồng thời, các doanh nghiệp trong các KCN đã tạo việc làm mới cho khoảng 250 lao "
        "động; lũy kế 11 tháng năm 2022 là khoảng 4.115 lao động, vượt 3% kế hoạch được UBND "
        "tỉnh giao trong năm 2022 (chỉ tiêu 4.000 lao động)."
    )
    assert ", lũy kế" not in text
    assert "giảm 50%" not in text


def test_a_change_on_a_large_base_is_a_percentage():
    data = dataset(values={"projects_started_operation": 30},
                   previous={"projects_started_operation": 25})  # fmt: skip
    assert "(tăng 20% so với cùng kỳ năm 2021)" in section(data, "sản xuất kinh doanh")


# --- Zeros in monthly reports ---------------------------------------------------------------


def test_a_monthly_report_states_no_zero_only_the_year_so_far():
    data = dataset(
        "2022-11",
        values={"dossiers_received": 58, "dossiers_resolved": 54},
        ytd={"infrastructure_built_ha": Decimal("92.2"), "jobs_created": 4115,
             "zones_policy_approved": 1, "projects_started_operation": 24,
             "attracted_capital_usd_equiv": Decimal(445_400_000)},
        targets=TARGETS,
    )  # fmt: skip
    text = compose(data, "vi", with_charts=False).text()
    assert "chưa" not in text  # "chưa ghi nhận việc làm mới", "chưa có thêm diện tích" …
    assert (
        "Lũy kế 11 tháng năm 2022, các chủ đầu tư hạ tầng các KCN đã đầu tư xây dựng hạ tầng "
        "kỹ thuật KCN được khoảng 92,2 ha, đạt 77% kế hoạch" in text
    )
    assert "Lũy kế 11 tháng năm 2022, các doanh nghiệp trong các KCN đã tạo việc làm mới" in text
    # A quarter still says what did not happen against a target.
    quarter = compose(dataset(values={"workforce": 1}, targets=TARGETS), "vi").text()
    assert "chưa có thêm diện tích hạ tầng kỹ thuật KCN được đầu tư xây dựng" in quarter


# --- A dangling "Kết quả:" -------------------------------------------------------------------


def test_kết_quả_follows_the_staffs_account_and_nothing_else():
    values = {"new_projects": 3, "new_projects.domestic": 3, "new_capital_vnd": 345 * 10**9}
    bare = section(dataset(values=values), "thu hút đầu tư")
    assert bare.startswith("Trong quý I năm 2022, đã tiếp nhận được 03 dự án")
    assert "Kết quả" not in bare
    told = section(
        dataset(values=values, narratives={"investment": "Ban đã xúc tiến đầu tư."}),
        "thu hút đầu tư",
    )
    assert told.startswith("Ban đã xúc tiến đầu tư.\nKết quả: Trong quý I năm 2022, đã tiếp nhận")


# --- "khoảng 5,2 triệu USD" for a VND-only amount ----------------------------------------


def test_capital_in_dong_only_is_stated_in_dong_with_its_usd_equivalent_after_it():
    data = dataset(
        "2022-11",
        values={
            "new_projects": 1, "new_projects.domestic": 1, "new_capital_vnd": 125 * 10**9,
            "attracted_capital_usd_equiv": Decimal("5227391.30"),
        },
        targets={"attracted_capital_usd_equiv": 450_000_000},
        ytd={"attracted_capital_usd_equiv": Decimal("445400000")},
    )  # fmt: skip
    document = compose(data, "vi", with_charts=False)
    assert document.summary[0].endswith(
        "với tổng vốn đầu tư đăng ký mới và điều chỉnh tăng thêm 125 tỷ đồng."
    )
    assert (
        "Như vậy, tổng vốn cấp mới và điều chỉnh tăng thêm trong tháng 11 năm 2022 là 125 tỷ "
        "đồng (tương đương khoảng 5,2 triệu USD)" in section(data, "thu hút đầu tư")
    )


# --- The year-to-date column only where it differs ----------------------------------------


@pytest.mark.parametrize(("code", "columns"), [("2022-Q1", 5), ("2022-9M", 5), ("2022-Q3", 6)])
def test_the_year_to_date_column_only_where_it_differs_from_the_period(code, columns):
    table = compose(dataset(code, {"jobs_created": 10}, targets=TARGETS), "vi").table
    assert table is not None
    assert len(table.header) == columns
    assert all(len(row) == columns for row in table.rows)


# --- "01- 02" in the text but "1 - 2" in the table ------------------------------------------


def test_a_range_reads_the_same_in_the_text_and_the_table():
    data = dataset(values={"workforce": 1}, targets={"zones_policy_approved": (1, 2)})
    document = compose(data, "vi", with_charts=False)
    assert document.table is not None
    assert document.table.rows[0][2] == "01 - 02"
    assert "(chỉ tiêu 01 - 02 KCN)" in section(data, "quy hoạch")


# --- The seed's "khoảng" -----------------------------------------------------------------


def test_khoảng_marks_estimates_and_rounded_figures_never_the_boards_own_counts():
    data = dataset(
        values={
            "infrastructure_built_ha": Decimal(29), "jobs_created": 3000, "workforce": 73755,
            "new_projects": 3, "new_projects.domestic": 3, "new_capital_vnd": 345 * 10**9,
            "increased_projects": 12, "increased_capital_usd": 112_000_000,
            "increased_capital_vnd": 410 * 10**9,
            "attracted_capital_usd_equiv": Decimal("145060666.86"),
        },
    )  # fmt: skip
    text = compose(data, "vi", with_charts=False).text()
    for estimate in ("khoảng 29 ha", "khoảng 3.000 lao động", "khoảng 74.000 lao động",
                     "khoảng 112 triệu USD và 410 tỷ đồng", "khoảng 145 triệu USD"):  # fmt: skip
        assert estimate in text, estimate
    assert "đăng ký 345 tỷ đồng" in text  # registered on the board's own certificates
    assert "khoảng 03" not in text


# --- Honest percentages in the table and the charts ----------------------------------------


def test_the_table_and_the_charts_never_round_a_target_to_100_percent():
    data = dataset(values={"jobs_created": 3999}, targets={"jobs_created": 4000})
    document = compose(data, "vi")
    assert document.table is not None
    assert document.table.rows[0][-1] == "99,98%"
    assert "100%" not in document.text()
    assert "Việc làm mới: 99,98%" in document.charts[0].description


@pytest.mark.django_db
def test_percent_of_target_of_a_percentage_is_rounded_from_the_exact_quotient():
    """111 of 142 dossiers on time is 78.169…%; against a target of 76% that is 102.853…%,
    "102.85" — from the rounded 78.17% it would read 102.86."""
    for number in range(142):
        received = dt.date(2022, 1, 3) + dt.timedelta(days=number % 60)
        due = received + dt.timedelta(days=10)
        late = number >= 111
        resolved = due + dt.timedelta(days=2) if late else due - dt.timedelta(days=1)
        f.dossier(f"HS-{number}", received, due, resolved)
    f.target(2022, "dossiers_resolved_on_time_pct", 76)
    data = json.loads(report_json(parse_period("2022")))
    figure = data["indicators"]["dossiers_resolved_on_time_pct"]
    assert figure["value"] == pytest.approx(78.17)
    assert Decimal(str(figure["percent_of_target"])) == Decimal("102.85")


# --- The English report marks what the staff did not translate -------------------------


def test_english_uses_the_staffs_english_and_marks_what_has_none():
    data = dataset(
        values={"workforce": 1, "jobs_created": 3000},
        targets={"jobs_created": 4000},
        descriptions={"jobs_created": "tạo thêm việc làm mới cho 4.000 lao động"},
        descriptions_en={"jobs_created": "4,000 new jobs"},
        narratives={"health": "Tiêm vắc xin.", "planning": "Đôn đốc các chủ đầu tư."},
        narratives_en={"health": "Vaccination of the workers."},
        priorities=["Tiếp tục đôn đốc.", "Đẩy mạnh cải cách."],
        priorities_en=["Keep urging the developers."],
    )
    document = compose(data, "en", with_charts=False)
    text = document.text()
    assert "Vaccination of the workers." in text
    assert "[Vietnamese only] Đôn đốc các chủ đầu tư." in text
    assert "(4,000 new jobs)" in text
    assert "tạo thêm" not in text
    assert [f"{item.lead} {item.text}" for item in document.priorities] == [
        "First, keep urging the developers.",
        "Second, [Vietnamese only] Đẩy mạnh cải cách.",  # never "Second, đẩy mạnh …"
    ]


def test_a_dataset_frozen_before_round_two_still_renders():
    data = dataset(values={"workforce": 1})
    frozen = data.to_json()
    for key in ("framing", "capital_changes", "narratives_en", "priorities_en"):
        del frozen[key]
    frozen["plans"] = [
        {"symbol": "166/KH-BQL", "date": "2022-02-11", "title": "Kế hoạch năm", "children": 22,
         "child_titles": ["Công tác pháp chế"]}
    ]  # fmt: skip
    again = ReportDataset.from_json(frozen)
    assert again.framing.thematic_plans == 22
    assert compose(again, "vi", with_charts=False).sections


# --- Chart axes in the report's number style ("3000") ----------------------------------------


def test_chart_axes_read_in_the_reports_number_style():
    from kcn.core import style
    from kcn.reports.charts import axis_numbers

    vietnamese = axis_numbers(lambda value: style.number(value, 1, "vi"))
    english = axis_numbers(lambda value: style.number(value, 1, "en"))
    assert [vietnamese(value, 0) for value in (0.0, 0.5, 3000.0, 74000.0)] == [
        "0", "0,5", "3.000", "74.000"
    ]  # fmt: skip
    assert english(3000.0, 0) == "3,000"


# --- The optional shortcomings part and the appendix -----------------------------------------


def _with_shortcomings(**extra):
    return dataset(
        values={"jobs_created": 3000},
        narratives={
            "health": "Tiêm vắc xin cho người lao động.",
            "shortcomings": "Tiến độ giải phóng mặt bằng còn chậm.\nNguyên nhân: thiếu quỹ đất.",
        },
        priorities=["Tiếp tục đôn đốc."],
        **extra,
    )


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_shortcomings_part_follows_the_sections_and_precedes_the_priorities(fmt):
    document = compose(_with_shortcomings(), "vi", with_charts=False)
    assert document.shortcomings_heading == "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"
    assert document.shortcomings == [
        "Tiến độ giải phóng mặt bằng còn chậm.",
        "Nguyên nhân: thiếu quỹ đất.",
    ]
    assert document.priorities_heading.startswith("III. ")
    read = {"md": markdown_text, "html": html_text, "docx": docx_text}[fmt]
    text = read(render(document, fmt))
    order = [
        "Tiêm vắc xin cho người lao động.",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "Tiến độ giải phóng mặt bằng còn chậm.",
        "Nguyên nhân: thiếu quỹ đất.",
        "III. NHIỆM VỤ TRỌNG TÂM",
    ]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)


def test_without_the_staffs_shortcomings_the_part_is_left_out():
    data = dataset(
        values={"jobs_created": 3000},
        narratives={"health": "Tiêm vắc xin."},
        priorities=["Tiếp tục đôn đốc."],
    )
    document = compose(data, "vi", with_charts=False)
    assert document.shortcomings == []
    assert "TỒN TẠI" not in document.text()
    assert document.priorities_heading.startswith("II. ")


def test_the_english_shortcomings_use_the_staffs_english_or_are_marked():
    marked = compose(_with_shortcomings(), "en", with_charts=False)
    assert marked.shortcomings_heading == "II. SHORTCOMINGS, LIMITATIONS AND THEIR CAUSES"
    assert marked.shortcomings[0] == "[Vietnamese only] Tiến độ giải phóng mặt bằng còn chậm."
    english = _with_shortcomings(narratives_en={"shortcomings": "Land clearance is slow."})
    assert compose(english, "en", with_charts=False).shortcomings == ["Land clearance is slow."]


def _change(zone, project, event, capital, currency="USD", day=10):
    from kcn.reports.dataset import CapitalChange

    return CapitalChange(
        zone=zone,
        project=project,
        investor=f"Công ty {project}",
        country="JP" if currency == "USD" else "",
        origin="foreign" if currency == "USD" else "domestic",
        date=dt.date(2022, 2, day),
        event=event,
        certificate_no=f"GCN-{project}",
        capital=Decimal(capital),
        currency=currency,
    )


def test_the_appendix_lists_the_periods_certificates_zone_by_zone():
    changes = [
        _change("KCN Phố Nối A", "Alpha", "issued", 98_000_000),
        _change("KCN Phố Nối A", "Beta", "adjusted", -2_500_000, day=12),
        _change("KCN Thăng Long II mở rộng (giai đoạn 3)", "Gamma", "adjusted", 12_350_000_000,
                currency="VND"),
    ]  # fmt: skip
    data = dataset(values={"workforce": 1}, capital_changes=changes)
    vietnamese = compose(data, "vi", with_charts=False).appendix
    assert vietnamese is not None
    assert [(row.zone, row.cells[:1] + row.cells[4:]) for row in vietnamese.rows] == [
        ("KCN Phố Nối A", []),
        ("", ["1", "Cấp mới", "98 triệu USD"]),
        ("", ["2", "Giảm vốn", "-2,5 triệu USD"]),
        ("KCN Thăng Long II mở rộng (giai đoạn 3)", []),
        ("", ["3", "Tăng vốn", "12,35 tỷ đồng"]),
    ]
    assert vietnamese.rows[1].cells[1:4] == ["Alpha", "Công ty Alpha (JP)", "GCN-Alpha, 10/02/2022"]
    english = compose(data, "en", with_charts=False).appendix
    assert english is not None
    assert [row.zone for row in english.rows if row.zone] == [
        "Phố Nối A Industrial Zone",
        "Thăng Long II Industrial Zone Extension (Phase 3)",
    ]
    assert english.rows[-1].cells[-1] == "VND 12.35 billion"


def test_a_period_without_certificates_has_no_appendix():
    assert compose(dataset(values={"workforce": 1}), "vi", with_charts=False).appendix is None


# --- The board's profile in English -------------------------------------------------------


def test_the_english_letterhead_uses_the_boards_english_and_marks_what_has_none():
    import dataclasses

    from tests.reports.builders import BOARD

    marked = compose(dataset(values={"workforce": 1}), "en", with_charts=False)
    assert marked.parent_body == "[Vietnamese only] UBND TỈNH HƯNG YÊN"
    assert marked.signer_authority == "[Vietnamese only] KT. [Vietnamese only] TRƯỞNG BAN"
    assert marked.recipients[0] == "[Vietnamese only] UBND tỉnh (để b/c);"
    english = dataclasses.replace(
        BOARD,
        parent_body_en="HUNG YEN PROVINCIAL PEOPLE'S COMMITTEE",
        name_en="INDUSTRIAL ZONES MANAGEMENT BOARD",
        name_in_text_en="the Hung Yen Industrial Zones Management Board",
        place_en="Hung Yen",
        signer_authority_en="FOR",
        signer_title_en="THE HEAD",
        signer_deputy_title_en="DEPUTY HEAD",
        recipients_en=["Provincial People's Committee (for report);"],
    )
    document = compose(
        dataset(values={"workforce": 1}, board=english, number="45", version=1,
                issued_on=dt.date(2022, 3, 28)),
        "en", with_charts=False,
    )  # fmt: skip
    assert "[Vietnamese only]" not in document.text()
    assert (document.parent_body, document.issuer) == (
        "HUNG YEN PROVINCIAL PEOPLE'S COMMITTEE",
        "INDUSTRIAL ZONES MANAGEMENT BOARD",
    )
    assert (document.signer_authority, document.signer_title) == ("FOR THE HEAD", "DEPUTY HEAD")
    assert document.place_date.startswith("Hung Yen, ")
    assert document.recipients[0] == "Provincial People's Committee (for report);"
    assert "the Hung Yen Industrial Zones Management Board" in document.title
    vietnamese = compose(dataset(values={"workforce": 1}, board=english), "vi", with_charts=False)
    assert vietnamese.parent_body == "UBND TỈNH HƯNG YÊN"


# --- No figure as of a day after the report's own ----------------------------------------


@pytest.mark.parametrize(
    ("issued_on", "lang", "said", "never"),
    [
        (dt.date(2022, 3, 28), "vi", "Đến nay", "31/03/2022"),
        (dt.date(2022, 3, 28), "en", "To date", "31/03/2022"),
        (dt.date(2022, 4, 5), "vi", "31/03/2022", "Đến nay"),
        (None, "vi", "Đến nay", "31/03/2022"),  # a draft made on 28/03: as of that day
        (None, "en", "As of 31/03/2022", "To date"),  # a draft made on 05/04
    ],
)
def test_stocks_are_stated_as_of_the_reports_date_when_it_comes_before_the_periods_end(
    issued_on, lang, said, never
):
    made = dt.datetime(2022, 4, 5, 9, 0, tzinfo=dt.UTC) if lang == "en" and not issued_on else None
    data = dataset(
        values={
            "operating_projects": 420, "operating_projects.foreign": 240,
            "operating_projects.domestic": 180, "valid_projects": 486, "workforce": 74_000,
            "operating_share_pct": Decimal("86.42"),
            "dossiers_received": 79, "dossiers_resolved": 76, "dossiers_pending": 3,
            "dossiers_overdue": 0,
        },
        number="45" if issued_on else "",
        issued_on=issued_on,
    )  # fmt: skip
    if made is not None:
        data.generated_at = made
    text = "\n".join(
        p for s in compose(data, lang, with_charts=False).sections for p in s.paragraphs
    )
    assert said in text
    assert never not in text
