"""The report's sentences adapt to the figures: zero, one, no target, over 100%, lũy kế …"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from kcn.reports.dataset import (
    CitedDocument,
    Framing,
    InfrastructureProject,
    ListedTitle,
    ZoneApproval,
)
from kcn.reports.document import compose
from tests.reports.builders import dataset


def text_of(data, lang="vi") -> str:
    return compose(data, lang, with_charts=False).text()


def section(data, heading: str, lang="vi") -> str:
    """The paragraphs of the section whose heading contains ``heading``."""
    document = compose(data, lang, with_charts=False)
    for item in document.sections:
        if heading in item.heading:
            return "\n".join(item.paragraphs)
    return ""


def test_new_domestic_projects_are_stated_the_way_the_seed_states_them():
    data = dataset(
        values={
            "new_projects": 3,
            "new_projects.domestic": 3,
            "new_capital_vnd": Decimal("345000000000"),
        }
    )
    assert (
        "Trong quý I năm 2022, đã tiếp nhận được 03 dự án có vốn đầu tư trong nước, với tổng "
        "vốn đầu tư đăng ký 345 tỷ đồng." in section(data, "thu hút đầu tư")
    )


def test_projects_of_both_origins_and_currencies_are_listed_together():
    data = dataset(
        values={
            "new_projects": 8,
            "new_projects.foreign": 5,
            "new_projects.domestic": 3,
            "new_capital_usd": Decimal("50000000"),
            "new_capital_vnd": Decimal("345000000000"),
        }
    )
    assert (
        "đã tiếp nhận được 08 dự án (gồm 05 dự án có vốn đầu tư nước ngoài và 03 dự án có vốn "
        "đầu tư trong nước), với tổng vốn đầu tư đăng ký 50 triệu USD và 345 tỷ đồng"
        in section(data, "thu hút đầu tư")
    )


def test_one_project_is_01_and_no_zero_figure_is_ever_stated():
    data = dataset(
        values={"new_projects": 1, "new_projects.foreign": 1, "new_capital_usd": 2_500_000}
    )
    text = text_of(data)
    assert "01 dự án có vốn đầu tư nước ngoài, với tổng vốn đầu tư đăng ký 2,5 triệu USD" in text
    assert not re.search(r"\b0 (dự án|tỷ đồng|triệu USD|ha|lao động|hồ sơ)", text)
    assert " 0 " not in text


def test_a_period_with_no_data_says_so_and_leaves_out_empty_sections():
    data = dataset()
    document = compose(data, "vi", with_charts=False)
    assert document.summary == [
        "Trong quý I năm 2022, chưa có hồ sơ, sự kiện hay số liệu nào được ghi nhận trong hệ thống."
    ]
    assert document.sections == []
    assert document.table is None
    assert not re.search(r"\b0\b", document.text().replace("2022", ""))


def test_a_section_without_narrative_still_states_its_figures():
    data = dataset(values={"inspections_onsite": 6})
    assert section(data, "kiểm tra, giám sát") == (
        "Ngoài việc giám sát thường xuyên thông qua các báo cáo của các doanh nghiệp, trong quý "
        "I năm 2022, Ban Quản lý các khu công nghiệp tỉnh đã tổ chức giám sát tại địa điểm thực "
        "hiện dự án đối với 06 dự án đầu tư trong các KCN."
    )


def test_a_narrative_without_figures_is_its_own_section():
    data = dataset(
        values={"workforce": 10}, narratives={"health": "Tiêm vắc xin cho người lao động."}
    )
    assert section(data, "phòng, chống dịch bệnh") == "Tiêm vắc xin cho người lao động."


def test_a_target_gives_the_percent_and_the_plan_in_the_seeds_words():
    data = dataset(
        values={"infrastructure_built_ha": Decimal("29")},
        targets={"infrastructure_built_ha": 120},
        descriptions={
            "infrastructure_built_ha": "đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp"
        },
    )
    assert (
        "được khoảng 29 ha, đạt 24% kế hoạch được UBND tỉnh giao trong năm 2022 (đầu tư xây "
        "dựng hạ tầng 120 ha đất khu công nghiệp)." in section(data, "hạ tầng")
    )


def test_a_target_without_description_is_stated_from_its_figure():
    data = dataset(values={"jobs_created": 3000}, targets={"jobs_created": 4000})
    assert "đạt 75% kế hoạch được UBND tỉnh giao trong năm 2022 (chỉ tiêu 4.000 lao động)" in (
        section(data, "sản xuất kinh doanh")
    )


def test_beyond_the_target_the_report_says_it_was_exceeded():
    data = dataset(
        values={"projects_started_operation": 36},
        targets={"projects_started_operation": 30},
        descriptions={"projects_started_operation": "có thêm 30 dự án đi vào hoạt động"},
    )
    text = section(data, "sản xuất kinh doanh")
    assert (
        "có thêm 36 dự án đầu tư mới đi vào hoạt động sản xuất kinh doanh, vượt 20% kế hoạch "
        "được UBND tỉnh giao trong năm 2022 (có thêm 30 dự án đi vào hoạt động)." in text
    )
    assert "đạt 120%" not in text  # said once: "vượt 20%", not "vượt …, đạt 120% kế hoạch"


def test_without_a_target_no_percent_is_stated():
    data = dataset(values={"jobs_created": 3000})
    text = section(data, "sản xuất kinh doanh")
    assert "tạo việc làm mới cho khoảng 3.000 lao động" in text
    assert "kế hoạch" not in text


def test_a_met_range_target_is_said_to_be_ensured():
    data = dataset(
        values={"zones_policy_approved": 1},
        targets={"zones_policy_approved": (1, 2)},
        zone_approvals=[
            ZoneApproval(
                "KCN Thăng Long II mở rộng (giai đoạn 3)",
                Decimal("180.5"),
                dt.date(2022, 2, 14),
                "123/QĐ-TTg",
                "TTg",
            )
        ],
    )
    assert (
        "Trong quý I năm 2022, dự án đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp "
        "Thăng Long II mở rộng (giai đoạn 3) với quy mô 180,5 ha đã được Thủ tướng Chính phủ "
        "chấp thuận chủ trương đầu tư; đảm bảo chỉ tiêu kế hoạch được UBND tỉnh giao trong năm "
        "2022" in section(data, "quy hoạch")
    )


def test_zero_against_a_target_says_nothing_happened_yet():
    data = dataset(values={"workforce": 10}, targets={"zones_policy_approved": (1, 2)})
    assert section(data, "quy hoạch").startswith(
        "Trong quý I năm 2022, chưa có khu công nghiệp mới hoặc mở rộng được chấp thuận chủ "
        "trương đầu tư; chưa thực hiện được chỉ tiêu kế hoạch được UBND tỉnh giao trong năm 2022"
    )


def test_a_month_report_adds_the_year_to_date_as_lũy_kế():
    data = dataset(
        "2022-11",
        values={"jobs_created": 250},
        ytd={"jobs_created": 4699},
        targets={"jobs_created": 4000},
        descriptions={"jobs_created": "tạo thêm việc làm mới cho 4.000 lao động"},
    )
    assert section(data, "sản xuất kinh doanh") == (
        "Trong tháng 11 năm 2022, các doanh nghiệp trong các KCN đã tạo việc làm mới cho khoảng "
        "250 lao động; lũy kế 11 tháng năm 2022 là khoảng 4.699 lao động, vượt 17% kế hoạch được "
        "UBND tỉnh giao trong năm 2022 (tạo thêm việc làm mới cho 4.000 lao động)."
    )


def test_a_nine_month_report_is_named_and_needs_no_second_lũy_kế():
    data = dataset("2022-9M", values={"jobs_created": 3900}, targets={"jobs_created": 4000})
    document = compose(data, "vi", with_charts=False)
    assert document.title.startswith("Tình hình thực hiện nhiệm vụ 9 tháng năm 2022")
    assert "lũy kế" not in section(data, "sản xuất kinh doanh")
    assert document.priorities_heading == ""  # no priorities recorded for 2022-Q4


def test_figures_compare_with_the_same_period_of_last_year_when_it_has_data():
    data = dataset(
        values={"attracted_capital_usd_equiv": Decimal("145060666.86")},
        previous={"attracted_capital_usd_equiv": Decimal("120000000")},
    )
    assert "là khoảng 145 triệu USD (tăng 21% so với cùng kỳ năm 2021)" in section(
        data, "thu hút đầu tư"
    )


def test_without_last_year_data_there_is_no_comparison():
    data = dataset(values={"attracted_capital_usd_equiv": Decimal("145060666.86")})
    assert "cùng kỳ" not in text_of(data)


def test_operating_projects_by_origin_and_their_share_of_valid_projects():
    data = dataset(
        values={
            "valid_projects": 486,
            "operating_projects": 420,
            "operating_projects.foreign": 240,
            "operating_projects.domestic": 180,
            "operating_share_pct": Decimal("86.4198"),
            "workforce": 73755,
        }
    )
    text = section(data, "sản xuất kinh doanh")
    assert (
        "Đến nay, tổng số dự án đầu tư đang hoạt động sản xuất kinh doanh tại "
        "các KCN là 420 dự án (gồm 240 dự án có vốn đầu tư nước ngoài và 180 dự án có vốn đầu "
        "tư trong nước), chiếm 86,4% tổng số dự án đầu tư còn hiệu lực (486 dự án)." in text
    )
    assert "trong các KCN khoảng 74.000 lao động." in text


def test_dossiers_resolved_late_are_counted_not_hidden():
    data = dataset(
        values={
            "dossiers_received": 80,
            "dossiers_resolved": 79,
            "dossiers_resolved_on_time_pct": Decimal("97.4684"),
            "dossiers_resolved_early_pct": Decimal("91.1392"),
            "dossiers_pending": 4,
            "dossiers_overdue": 1,
        },
        parts={"dossiers_resolved_on_time_pct": (77, 79)},
    )
    text = section(data, "cải cách thủ tục hành chính")
    assert "đã tiếp nhận 80 hồ sơ thủ tục hành chính, giải quyết 79 hồ sơ" in text
    assert (
        "kết quả 97% hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn, trong đó "
        "91% hồ sơ thủ tục hành chính được giải quyết trước hạn; 02 hồ sơ giải quyết sau thời "
        "hạn." in text
    )
    assert "còn 04 hồ sơ đang giải quyết, trong đó 01 hồ sơ đã quá hạn giải quyết" in text


def test_the_framing_paragraph_cites_the_programme_the_plan_and_the_thematic_plans_chosen():
    data = dataset(
        values={"workforce": 1},
        framing=Framing(
            programme=CitedDocument(
                "14/CTr-UBND", dt.date(2022, 1, 20), "CTr", "Những nhiệm vụ chủ yếu năm 2022",
                "UBND tỉnh Hưng Yên",
            ),
            plan=CitedDocument(
                "166/KH-BQL", dt.date(2022, 2, 11), "KH", "Thực hiện nhiệm vụ năm 2022", ""
            ),
            task_groups=20,
            thematic_plans=22,
            listed=[
                ListedTitle("Thực hiện Chương trình hành động số 28/CTr-UBND"),
                ListedTitle("Công tác pháp chế"),
            ],
        ),
    )  # fmt: skip
    document = compose(data, "vi", with_charts=False)
    assert document.framing == [
        "Nhằm thực hiện hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội được Ủy "
        "ban nhân dân tỉnh giao tại Chương trình hành động số 14/CTr-UBND ngày 20/01/2022 của "
        "UBND tỉnh Hưng Yên về những nhiệm vụ chủ yếu năm 2022, Ban Quản lý các khu công nghiệp "
        "tỉnh đã xây dựng, ban hành Kế hoạch số 166/KH-BQL ngày 11/02/2022 về thực hiện nhiệm "
        "vụ năm 2022. Trong kế hoạch, đã xác định 20 nhóm nhiệm vụ, giải pháp phải thực hiện. "
        "Đồng thời, Ban Quản lý các khu công nghiệp tỉnh đã xây dựng, ban hành 22 kế hoạch "
        "chuyên đề để tổ chức thực hiện các nhiệm vụ được giao, như các kế hoạch: Kế hoạch "
        "thực hiện Chương trình hành động số 28/CTr-UBND; Kế hoạch công tác pháp chế,..."
    ]
    assert document.lead_in.endswith("Cụ thể như sau:")
    assert section(data, "nhiệm vụ khác") == ""  # the plans are no longer "other tasks"


def test_the_infrastructure_project_is_reported_beside_the_attracted_capital():
    data = dataset(
        values={"infrastructure_projects_issued": 1},
        infrastructure_projects=[
            InfrastructureProject(
                "Dự án KCN", "KCN Thăng Long II mở rộng (giai đoạn 3)", dt.date(2022, 3, 1),
                Decimal("98000000"), "USD",
            )
        ],
    )  # fmt: skip
    document = compose(data, "vi", with_charts=False)
    assert (
        "đã cấp Giấy chứng nhận đăng ký đầu tư đối với dự án KCN Thăng Long II mở rộng (giai "
        "đoạn 3) với tổng vốn đầu tư của dự án là 98 triệu USD." in document.summary[0]
    )


def test_priorities_are_numbered_in_words_for_the_next_period():
    data = dataset(values={"workforce": 1}, priorities=["Tiếp tục đôn đốc.", "Đẩy mạnh cải cách."])
    document = compose(data, "vi", with_charts=False)
    assert document.priorities_heading == "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022"
    assert "trong quý II năm 2022 Ban Quản lý các khu công nghiệp tỉnh tập trung" in (
        document.priorities_intro
    )
    assert [f"{item.lead} {item.text}" for item in document.priorities] == [
        "Một là, tiếp tục đôn đốc.",
        "Hai là, đẩy mạnh cải cách.",
    ]


def test_the_letterhead_is_that_of_decree_30():
    document = compose(
        dataset(values={"workforce": 1}, number="45", issued_on=dt.date(2022, 3, 28)), "vi"
    )
    assert document.parent_body == "UBND TỈNH HƯNG YÊN"
    assert document.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert document.number_line == "Số: 45/BC-BQL"
    assert document.place_date == "Hưng Yên, ngày 28 tháng 3 năm 2022"
    assert (document.signer_authority, document.signer_title) == (
        "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
    )
    assert document.recipients == ["UBND tỉnh (để b/c);", "Lưu: VT."]


def test_a_draft_is_marked_and_has_no_number_yet():
    document = compose(dataset(values={"workforce": 1}), "vi")
    assert document.draft_label == "DỰ THẢO"
    assert re.fullmatch(r"Số:\s+/BC-BQL", document.number_line)
    assert re.fullmatch(r"Hưng Yên, ngày\s+tháng\s+năm\s+", document.place_date)
    assert "2026" not in document.place_date


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_period_form_composes_in_both_languages(lang):
    values = {"new_projects": 2, "new_projects.foreign": 2, "new_capital_usd": 30_000_000,
              "jobs_created": 500, "valid_projects": 10, "operating_projects": 8,
              "operating_projects.foreign": 8, "operating_share_pct": Decimal(80)}  # fmt: skip
    for code in ("2022-03", "2022-Q2", "2022-H1", "2022-9M", "2022", "2022-01-10..2022-02-20"):
        document = compose(dataset(code, values, targets={"jobs_created": 4000}), lang)
        assert document.sections, code
        assert document.table is not None, code
        assert "  " not in re.sub(r"(Số|No): +/", "", document.text()), code


def test_the_english_report_states_the_same_figures():
    data = dataset(
        values={
            "new_projects": 3,
            "new_projects.domestic": 3,
            "new_capital_vnd": Decimal("345000000000"),
            "jobs_created": 3000,
        },
        targets={"jobs_created": 4000},
    )
    text = text_of(data, "en")
    assert "registered 3 domestic projects with registered capital of VND 345 billion" in text
    assert "about 3,000 new jobs were created, 75% of the target the Province set for 2022" in text
    assert (
        "Progress of the tasks of the Industrial Zones Management Board of Hưng Yên in Q1 2022"
        in text
    )


def test_business_results_from_enterprises_reports_with_last_year_and_the_year_to_date():
    data = dataset(
        "2022-Q2",
        values={
            "revenue_usd_equiv": Decimal("1250000000"),
            "exports_usd": Decimal("930400000"),
            "imports_usd": Decimal("610000000"),
            "budget_paid_vnd": Decimal("1520000000000"),
            "capital_realized_usd_equiv": Decimal("48200000"),
        },
        ytd={"revenue_usd_equiv": Decimal("2400000000")},
        previous={"revenue_usd_equiv": Decimal("1000000000")},
    )
    text = section(data, "sản xuất kinh doanh")
    assert (
        "Theo báo cáo tình hình thực hiện dự án của các doanh nghiệp được Ban chấp nhận, trong "
        "quý II năm 2022, các doanh nghiệp trong các KCN đạt doanh thu khoảng 1.250 triệu USD "
        "(tăng 25% so với cùng kỳ năm 2021; lũy kế 6 tháng đầu năm 2022: khoảng 2.400 triệu "
        "USD)" in text
    )
    assert "kim ngạch xuất khẩu khoảng 930 triệu USD" in text
    assert "nộp ngân sách nhà nước khoảng 1.520 tỷ đồng" in text
    assert "vốn đầu tư thực hiện khoảng 48 triệu USD" in text
    english = section(data, "business of the projects", lang="en")
    assert "revenue of about USD 1,250 million (up 25% on the same period of 2021" in english


def test_without_accepted_reports_there_is_no_business_results_sentence():
    assert "Theo báo cáo tình hình thực hiện dự án" not in text_of(dataset())


def test_reporting_discipline_states_the_counts_and_the_missing_reports():
    data = dataset(
        "2022-Q2",
        values={"reports_on_time_pct": Decimal("84.62"), "reports_missing": 7},
        parts={"reports_on_time_pct": (110, 130)},
        issued_on=dt.date(2022, 7, 12),
    )
    text = section(data, "kiểm tra, giám sát")
    assert (
        "Về chế độ báo cáo, trong quý II năm 2022 có 110/130 báo cáo tình hình thực hiện dự án "
        "đến hạn được doanh nghiệp nộp đúng hạn, đạt 84,6%; tính đến ngày 30/06/2022, còn 07 "
        "báo cáo chưa nộp." in text
    )
