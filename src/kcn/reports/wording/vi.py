"""The report in Vietnamese, phrased the way the board's own reports are.

The sentences follow the Hưng Yên board's report of 2022-Q1 (docs/reference/seed-figures.md):
"đã tiếp nhận được 03 dự án có vốn đầu tư trong nước, với tổng vốn đầu tư đăng
ký 345 tỷ đồng", "đạt 24% kế hoạch được UBND tỉnh giao trong năm 2022 (đầu tư
xây dựng hạ tầng 120 ha đất khu công nghiệp)". Each sentence is written only
when it has something to say: no "0 dự án với tổng vốn 0 tỷ đồng", and a
monthly report states no zero at all. How a sentence opens, when it says
"khoảng" and how it compares with last year: docs/decisions/0012-report-wording-round-two.md.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from kcn.core import style
from kcn.indicators.registry import INDICATORS, Unit
from kcn.reports.dataset import CitedDocument, InfrastructureProject, ZoneApproval
from kcn.reports.sections import Section
from kcn.reports.wording.base import Writer, joined, sentence

HEADINGS = {
    Section.PLANNING: "Về quy hoạch, phát triển KCN",
    Section.INFRASTRUCTURE: "Về giải phóng mặt bằng và đầu tư xây dựng hạ tầng các KCN",
    Section.INVESTMENT: "Về thu hút đầu tư",
    Section.OPERATIONS: "Về việc triển khai và hoạt động sản xuất kinh doanh của các dự án",
    Section.INSPECTION: "Về công tác kiểm tra, giám sát",
    Section.HEALTH: "Về phòng, chống dịch bệnh và chăm lo người lao động",
    Section.ADMIN_REFORM: "Về cải cách thủ tục hành chính",
    Section.OTHER: "Các nhiệm vụ khác",
    Section.SHORTCOMINGS: "Tồn tại, hạn chế và nguyên nhân",
}

LABELS = {
    "motto_1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "motto_2": "Độc lập - Tự do - Hạnh phúc",
    "number": "Số",
    "kind": "BÁO CÁO",
    "recipients": "Nơi nhận:",
    "archive": "Lưu: VT",
    "results": "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
    "priorities": "NHIỆM VỤ TRỌNG TÂM",
    "targets_table": "Kết quả thực hiện các chỉ tiêu kế hoạch năm {year}",
    "col_indicator": "Chỉ tiêu",
    "col_unit": "Đơn vị tính",
    "col_target": "Kế hoạch năm {year}",
    "col_period": "Thực hiện {period}",
    "col_ytd": "Lũy kế {ytd}",
    "col_percent": "% kế hoạch",
    "chart_targets": "Tiến độ thực hiện các chỉ tiêu kế hoạch năm {year} (lũy kế {ytd})",
    "chart_months": "Kết quả theo tháng năm {year}",
    "chart_percent_axis": "% kế hoạch năm",
    "chart_capital": "Vốn cấp mới và tăng thêm (triệu USD)",
    "chart_jobs": "Việc làm mới (lao động)",
    "chart_started": "Dự án đi vào hoạt động",
    "draft": "DỰ THẢO",
    "figure": "Biểu đồ",
    "month_short": "T{month}",
    "blank_date": "ngày {gap} tháng {gap} năm {gap}",
    "appendix": "Phụ lục",
    "appendix_title": "DANH SÁCH DỰ ÁN CẤP MỚI VÀ ĐIỀU CHỈNH VỐN ĐẦU TƯ {period}",
    "appendix_of": "(Kèm theo Báo cáo số {number}/BC-{abbreviation} ngày {date} của {board})",
    "appendix_of_draft": "(Kèm theo Báo cáo của {board})",
    "col_no": "STT",
    "col_project": "Dự án",
    "col_investor": "Nhà đầu tư (quốc gia)",
    "col_certificate": "Số GCNĐKĐT, ngày",
    "col_change": "Nội dung",
    "col_capital": "Vốn đầu tư",
    "issued": "Cấp mới",
    "increased": "Tăng vốn",
    "decreased": "Giảm vốn",
    "zone_total": "Cộng {zone}: {new} dự án cấp mới, {changed} lượt điều chỉnh vốn",
}

UNITS = {
    Unit.ZONE: "KCN",
    Unit.HA: "ha",
    Unit.PROJECT: "dự án",
    Unit.USD: "triệu USD",
    Unit.VND: "tỷ đồng",
    Unit.PERSON: "lao động",
    Unit.INSPECTION: "cuộc",
    Unit.DOSSIER: "hồ sơ",
    Unit.REPORT: "báo cáo",
    Unit.PERCENT: "%",
}

# Who approves an investment policy, by the issuer in the decision's symbol.
APPROVERS = {"TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ", "UBND": "UBND tỉnh"}

ORIGIN = {"foreign": "có vốn đầu tư nước ngoài", "domestic": "có vốn đầu tư trong nước"}

# How a cited document is named by its type ("Chương trình hành động số 14/CTr-UBND").
DOCUMENT_TYPES = {
    "CTr": "Chương trình hành động",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
}


def zone_in_text(name: str) -> str:
    """ "KCN Thăng Long II" reads "khu công nghiệp Thăng Long II" inside a sentence."""
    return re.sub(r"^(KCN|Khu công nghiệp)\s+", "khu công nghiệp ", name)


class Part(NamedTuple):
    """A part of a sentence, and whether the period (or a connector) opens it."""

    text: str
    needs_lead: bool = True


def about(figure: style.Figure, estimate: bool = False) -> str:
    """ "khoảng 74.000" when rounding changed the figure or it is an estimate by nature."""
    return f"khoảng {figure.text}" if figure.approximate or estimate else figure.text


class VietnameseWriter(Writer):
    lang = "vi"
    AND = "và"
    ABOUT = "khoảng"
    CONNECTORS = ("Đồng thời, ", "Bên cạnh đó, ", "Ngoài ra, ")

    # --- Pieces ----------------------------------------------------------------

    @property
    def board(self) -> str:
        return self.data.board.name_in_text

    @property
    def in_period(self) -> str:
        return f"trong {self.period_name}"

    def period_lead(self) -> str:
        return f"Trong {self.period_name}, "

    @property
    def as_of(self) -> str:
        """ "tính đến ngày 31/03/2022"; "đến nay" in a report dated before that day."""
        if self.as_of_report_date:
            return "đến nay"
        return f"tính đến ngày {self.short_date(self.period.end)}"

    @property
    def last_year(self) -> str:
        """ "cùng kỳ năm 2021"; a year's report compares with "năm 2021"."""
        year = self.period.year - 1
        return f"năm {year}" if self.is_whole_year else f"cùng kỳ năm {year}"

    def results(self, text: str) -> str:
        """The seed's way to open a section's figures after the staff's account of its work:
        "Kết quả: Trong quý I năm 2022, …". Without that account, or when the figures do not
        open with the period, there is nothing for "Kết quả" to follow."""
        if self.narrative and text.startswith(self.period_lead()):
            return f"Kết quả: {text}"
        return text

    def estimate(self, code: str, figure: style.Figure) -> str:
        return about(figure, self.approximate(code))

    def equivalent(self, usd: Any) -> str:
        return f"tương đương khoảng {self.usd(usd).text}"

    def target_clause(self, code: str) -> str:
        """ ", đạt 24% kế hoạch được UBND tỉnh giao trong năm 2022 (đầu tư … 120 ha …)";
        beyond the target ", vượt 17% kế hoạch … (…)"."""
        figure = self.figure(code)
        percent = self.percent_of_target(code)
        if percent is None:
            return ""
        year = self.period.year
        description = self.target_description(code)
        plan = f"kế hoạch được UBND tỉnh giao trong năm {year}"
        if figure.target_max is not None and figure.met:
            return f"; đảm bảo chỉ tiêu {plan} ({description})"
        if percent == 0:
            return f"; chưa thực hiện được chỉ tiêu {plan} ({description})"
        if percent > 100:
            return f", vượt {self.whole_percent(percent - 100)} {plan} ({description})"
        return f", đạt {self.whole_percent(percent)} {plan} ({description})"

    def target_description(self, code: str) -> str:
        info = self.data.targets.get(code)
        if info and info.description:
            return info.description
        figure = self.figure(code)
        assert figure.target is not None
        amount = self.target_amount(code, figure.target)
        if figure.target_max is not None:  # "chỉ tiêu 01 - 02 KCN", as the table writes it
            high = self.target_amount(code, figure.target_max)
            low, _space, _unit = amount.partition(" ")
            amount = f"{low} - {high}"
        return f"chỉ tiêu {amount}"

    def target_amount(self, code: str, amount: Decimal) -> str:
        unit = INDICATORS[code].unit
        if unit is Unit.USD:
            return self.usd(amount).text
        if unit is Unit.VND:
            return self.vnd(amount).text
        if unit is Unit.PERCENT:
            return self.percent(amount)
        if amount == amount.to_integral_value() and unit is not Unit.HA:
            return f"{self.count(int(amount))} {UNITS[unit]}"
        return f"{style.number(amount, 1, self.lang)} {UNITS[unit]}"

    def compared(self, code: str) -> str:
        """ " (tăng 15% so với cùng kỳ năm 2021)"; on a small base last year's count
        (" (cùng kỳ năm 2021: 02 dự án)"); nothing when last year had nothing."""
        ratio = self.change_on_last_year(code)
        if ratio is None:
            return ""
        last_year = self.last_year
        if self.small_base(code):
            before = self.data.previous_value(code)
            return f" ({last_year}: {self.count(before)} {UNITS[INDICATORS[code].unit]})"
        if ratio == 1:
            return f" (bằng {last_year})"
        if ratio >= 2:
            return f" (gấp {style.number(ratio, 1, self.lang)} lần {last_year})"
        change = (ratio - 1) * 100
        word = "tăng" if change > 0 else "giảm"
        return f" ({word} {self.whole_percent(abs(change))} so với {last_year})"

    def projects_by_origin(self, code: str) -> str:
        """ "03 dự án có vốn đầu tư trong nước" or "08 dự án (gồm 05 dự án … và 03 dự án …)"."""
        total = self.n(code)
        foreign, domestic = self.n(f"{code}.foreign"), self.n(f"{code}.domestic")
        if foreign and domestic:
            parts = (
                f"{self.count(foreign)} dự án {ORIGIN['foreign']} và "
                f"{self.count(domestic)} dự án {ORIGIN['domestic']}"
            )
            return f"{self.count(total)} dự án (gồm {parts})"
        origin = ORIGIN["foreign"] if foreign else ORIGIN["domestic"]
        return f"{self.count(total)} dự án {origin}"

    def cited(self, document: CitedDocument, *, own: bool = False) -> str:
        """ "Kế hoạch số 166/KH-BQL ngày 11/02/2022 về thực hiện nhiệm vụ …" (with "của UBND
        tỉnh …" when another body issued it)."""
        kind = DOCUMENT_TYPES.get(document.type, "Văn bản")
        text = f"{kind} số {document.symbol} ngày {self.short_date(document.date)}"
        if document.issuer and not own:
            text += f" của {document.issuer}"
        if document.title:
            text += f" về {style.continuing(document.title)}"
        return text

    # --- The document ------------------------------------------------------------

    def title(self) -> str:
        board = self.board
        if self.data.board.province:
            board = f"{board} {self.data.board.province}"
        return f"Tình hình thực hiện nhiệm vụ {self.period_name} của {board}"

    def summary(self) -> list[str]:
        if not self.data.has_data:
            return [
                sentence(
                    f"{self.in_period}, chưa có hồ sơ, sự kiện hay số liệu nào được ghi nhận "
                    "trong hệ thống"
                )
            ]
        approvals = [self.approval(item) for item in self.data.zone_approvals]
        first = sentence(f"{self.in_period}, {joined(approvals, 'và')}") if approvals else ""
        granted = [self.infrastructure_grant(item) for item in self.data.infrastructure_projects]
        new = self.n("new_projects")
        if new:
            granted.append(f"{self.count(new)} dự án đầu tư vào trong các KCN")
        increased = self.n("increased_projects")
        actions = []
        if granted:
            actions.append(f"đã cấp Giấy chứng nhận đăng ký đầu tư đối với {joined(granted, 'và')}")
        if increased:
            actions.append(f"điều chỉnh tăng vốn cho {self.count(increased)} dự án")
        if actions:
            text = f"{self.board} {', đồng thời '.join(actions)}"
            if new or increased:
                text += (
                    f", với tổng vốn đầu tư đăng ký mới và điều chỉnh tăng thêm {self.attracted()}"
                )
            second = sentence(text if first else f"{self.in_period}, {text}")
        elif self.is_month:
            second = ""
        else:
            second = sentence(
                f"{self.in_period}, {self.board} chưa cấp mới hoặc điều chỉnh tăng vốn "
                "cho dự án đầu tư nào"
            )
        return [text for text in [f"{first} {second}".strip()] if text]

    def approval(self, item: ZoneApproval) -> str:
        area = f" với quy mô {about(self.hectares(item.area_ha))} ha" if item.area_ha else ""
        approver = APPROVERS.get(item.issuer_code)
        by = f" đã được {approver} chấp thuận" if approver else " đã được chấp thuận"
        return (
            f"dự án đầu tư xây dựng và kinh doanh hạ tầng {zone_in_text(item.zone)}{area}"
            f"{by} chủ trương đầu tư"
        )

    def infrastructure_grant(self, item: InfrastructureProject, *, formal: bool = False) -> str:
        """ "dự án KCN Thăng Long II … với tổng vốn đầu tư của dự án là 98 triệu USD"; the
        formal form names the project in full ("dự án đầu tư xây dựng và kinh doanh hạ tầng
        khu công nghiệp …, với …")."""
        money = about(style.money(item.capital, item.currency, self.lang))
        if not item.zone:
            return f"{style.continuing(item.name)}, với tổng vốn đầu tư của dự án là {money}"
        if formal:
            return (
                "dự án đầu tư xây dựng và kinh doanh hạ tầng "
                f"{zone_in_text(item.zone)}, với tổng vốn đầu tư của dự án là {money}"
            )
        return f"dự án {item.zone} với tổng vốn đầu tư của dự án là {money}"

    def framing(self) -> list[str]:
        framing = self.data.framing
        programme, plan = framing.programme, framing.plan
        sentences = []
        if plan is not None:
            issued = f"{self.board} đã xây dựng, ban hành {self.cited(plan, own=True)}"
            if programme is not None:
                issued = (
                    "Nhằm thực hiện hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội "
                    f"được Ủy ban nhân dân tỉnh giao tại {self.cited(programme)}, {issued}"
                )
            sentences.append(sentence(issued))
        elif programme is not None:
            sentences.append(
                sentence(
                    f"Các chỉ tiêu, nhiệm vụ năm {self.period.year} được Ủy ban nhân dân tỉnh "
                    f"giao tại {self.cited(programme)}"
                )
            )
        if plan is not None and framing.task_groups:
            sentences.append(
                f"Trong kế hoạch, đã xác định {self.count(framing.task_groups)} nhóm nhiệm vụ, "
                "giải pháp phải thực hiện."
            )
        if plan is not None and framing.thematic_plans:
            text = (
                f"Đồng thời, {self.board} đã xây dựng, ban hành "
                f"{self.count(framing.thematic_plans)} kế hoạch chuyên đề để tổ chức thực hiện "
                "các nhiệm vụ được giao"
            )
            if framing.listed:
                titles = ["Kế hoạch " + style.continuing(item.title) for item in framing.listed]
                more = ",..." if framing.thematic_plans > len(titles) else ""
                text += f", như các kế hoạch: {'; '.join(titles)}{more}"
            sentences.append(sentence(text))
        return [" ".join(sentences)] if sentences else []

    def lead_in(self) -> str:
        met = [code for code, figure in self.data.indicators.items() if figure.met]
        text = (
            f"{self.in_period}, {self.board} đã quyết liệt thực hiện đồng bộ nhiều giải pháp "
            "nhằm hoàn thành các chỉ tiêu, nhiệm vụ được giao"
        )
        if met:
            targeted = [code for code, figure in self.data.indicators.items() if figure.target]
            some = "các" if len(met) == len(targeted) else "một số"
            text += (
                f" và đã hoàn thành {some} chỉ tiêu, nhiệm vụ được Ủy ban nhân dân tỉnh giao "
                f"trong năm {self.period.year}"
            )
        return sentence(text) + " Cụ thể như sau:"

    def section_heading(self, section: Section) -> str:
        return HEADINGS[section]

    # --- Sections ----------------------------------------------------------------

    def planning(self) -> list[str]:
        code = "zones_policy_approved"
        approved = self.n(code)
        has_target = self.has_target(code)
        text = ""
        if self.data.zone_approvals:
            approvals = joined([self.approval(item) for item in self.data.zone_approvals], "và")
            text = f"{self.opening()}{approvals}"
        elif approved:
            text = (
                f"{self.opening()}có {self.count(approved)} khu công nghiệp mới hoặc mở rộng "
                "được chấp thuận chủ trương đầu tư"
            )
        elif has_target and not self.is_month:
            text = (
                f"{self.opening()}chưa có khu công nghiệp mới hoặc mở rộng được chấp thuận chủ "
                "trương đầu tư"
            )
        if self.cumulative and has_target:
            ytd = self.ytd(code)
            if text:
                text += (
                    f"; lũy kế {self.ytd_name} có {self.count(ytd)} khu công nghiệp được chấp "
                    "thuận chủ trương đầu tư"
                    if ytd
                    else f"; lũy kế {self.ytd_name} chưa có khu công nghiệp nào"
                )
            elif ytd:  # a month without approvals: only the year so far
                text = (
                    f"Lũy kế {self.ytd_name}, có {self.count(ytd)} khu công nghiệp mới hoặc mở "
                    "rộng được chấp thuận chủ trương đầu tư"
                )
        if not text:
            return []
        return [sentence(text + self.target_clause(code))]

    def infrastructure(self) -> list[str]:
        code = "infrastructure_built_ha"
        built = self.n(code)
        has_target = self.has_target(code)
        ytd = self.ytd(code)
        text = ""
        if built:
            text = (
                f"{self.opening()}các chủ đầu tư hạ tầng các KCN đã đầu tư xây dựng hạ tầng kỹ "
                f"thuật KCN được {self.estimate(code, self.hectares(built))} ha"
            )
            if self.cumulative and has_target:
                text += (
                    f"; lũy kế {self.ytd_name} được {self.estimate(code, self.hectares(ytd))} ha"
                )
        elif has_target and not self.is_month:
            text = (
                f"{self.opening()}chưa có thêm diện tích hạ tầng kỹ thuật KCN được đầu tư xây dựng"
            )
            if self.cumulative:
                text += (
                    f"; lũy kế {self.ytd_name} được {self.estimate(code, self.hectares(ytd))} ha"
                    if ytd
                    else ""
                )
        elif has_target and self.cumulative and ytd:  # a month without any: the year so far
            text = (
                f"Lũy kế {self.ytd_name}, các chủ đầu tư hạ tầng các KCN đã đầu tư xây dựng hạ "
                f"tầng kỹ thuật KCN được {self.estimate(code, self.hectares(ytd))} ha"
            )
        sentences = [sentence(text + self.target_clause(code))] if text else []
        done = []
        if cleared := self.n("land_cleared_ha"):
            done.append(
                "giải phóng mặt bằng được "
                f"{self.estimate('land_cleared_ha', self.hectares(cleared))} ha"
            )
        if leased := self.n("land_leased_ha"):
            done.append(
                f"cho thuê được {self.estimate('land_leased_ha', self.hectares(leased))} ha đất "
                "công nghiệp"
            )
        if done:
            sentences.append(sentence(f"{self.opening()}các KCN đã {joined(done, 'và')}"))
        return [self.results(" ".join(sentences))] if sentences else []

    def investment(self) -> list[str]:
        sentences = []
        new = self.n("new_projects")
        if new:
            capital = self.capital(self.n("new_capital_usd"), self.n("new_capital_vnd"))
            text = f"{self.opening()}đã tiếp nhận được {self.projects_by_origin('new_projects')}"
            if capital:
                text += f", với tổng vốn đầu tư đăng ký {capital}"
            sentences.append(sentence(text))
        elif not self.is_month:
            sentences.append(sentence(f"{self.opening()}chưa có dự án đầu tư mới được cấp phép"))
        increased = self.n("increased_projects")
        if increased:
            capital = self.capital(
                self.n("increased_capital_usd"), self.n("increased_capital_vnd"), estimate=True
            )
            text = f"Đồng thời, điều chỉnh tăng vốn cho {self.count(increased)} dự án"
            if capital:
                text += f", với tổng vốn đầu tư tăng thêm {capital}"
            sentences.append(sentence(text))
        code = "attracted_capital_usd_equiv"
        attracted = self.n(code)
        has_target = self.has_target(code)
        total = f"tổng vốn cấp mới và điều chỉnh tăng thêm {self.in_period}"
        text = ""
        if attracted:
            text = f"Như vậy, {total} là {self.attracted(equivalent=True)}{self.compared(code)}"
        elif has_target and not self.is_month:
            text = f"Như vậy, {total} chưa phát sinh"
        if self.cumulative and has_target and self.ytd(code):
            so_far = f"lũy kế {self.ytd_name} là {self.attracted(ytd=True, equivalent=True)}"
            text = f"{text}; {so_far}" if text else f"Như vậy, {so_far}"
        if text:
            sentences.append(sentence(text + self.target_clause(code)))
        parts = []
        if decreased := self.n("decreased_capital_usd_equiv"):
            parts.append(f"khoảng {self.usd(decreased).text} vốn đầu tư điều chỉnh giảm")
        if self.n("projects_terminated"):
            parts.append(f"{self.projects_by_origin('projects_terminated')} chấm dứt hoạt động")
        if parts:
            sentences.append(sentence(f"Ngoài ra, {self.in_period} có {joined(parts, 'và')}"))
        grants = [
            self.infrastructure_grant(item, formal=True)
            for item in self.data.infrastructure_projects
        ]
        if grants:
            sentences.append(
                sentence(
                    f"Bên cạnh đó, {self.board} đã cấp Giấy chứng nhận đăng ký đầu tư đối với "
                    + joined(grants, "và")
                )
            )
        if not new and len(sentences) <= 1 and not (attracted or increased or grants or parts):
            return []  # only "no new project": the section has nothing to say
        return [self.results(" ".join(sentences))] if sentences else []

    def operations(self) -> list[str]:
        paragraphs = []
        parts = [part for part in (self.projects_started(), self.jobs()) if part]
        if parts and self.cumulative:  # each with its year to date: a sentence of its own
            paragraphs.append(" ".join(sentence(self.lead(part)) for part in parts))
        elif parts:  # one sentence, as the seed writes it
            first, *rest = parts
            paragraphs.append(sentence("; ".join([self.lead(first), *(p.text for p in rest)])))
        operating = self.n("operating_projects")
        valid = self.n("valid_projects")
        stock = []
        if valid:
            if operating:
                share = self.n("operating_share_pct")
                stock.append(
                    sentence(
                        f"{self.as_of}, tổng số dự án đầu tư đang hoạt động sản xuất kinh doanh "
                        f"tại các KCN là {self.operating_projects()}, chiếm {self.percent(share)} "
                        f"tổng số dự án đầu tư còn hiệu lực ({self.count(valid)} dự án)"
                    )
                )
            else:
                stock.append(
                    sentence(
                        f"{self.as_of}, các KCN có {self.count(valid)} dự án đầu tư còn hiệu lực, "
                        "chưa có dự án nào đi vào hoạt động sản xuất kinh doanh"
                    )
                )
        workforce = self.n("workforce")
        if workforce:
            stock.append(
                sentence(
                    "Tổng số lao động đang làm việc tại các doanh nghiệp trong các KCN "
                    f"{self.estimate('workforce', self.people(workforce))} lao động"
                )
            )
        if stock:
            paragraphs.append(" ".join(stock))
        if results_text := self.business_results():
            paragraphs.append(results_text)
        return paragraphs

    def lead(self, part: Part) -> str:
        """A part of a sentence with the opening it needs (none after "Lũy kế …")."""
        return f"{self.opening()}{part.text}" if part.needs_lead else part.text

    def projects_started(self) -> Part | None:
        code = "projects_started_operation"
        started = self.n(code)
        has_target = self.has_target(code)
        ytd = self.ytd(code)
        if started:
            text = (
                f"tại các KCN có thêm {self.count(started)} dự án đầu tư mới đi vào hoạt động "
                f"sản xuất kinh doanh{self.compared(code)}"
            )
        elif has_target and not self.is_month:
            text = "chưa có thêm dự án đi vào hoạt động sản xuất kinh doanh"
        elif has_target and self.cumulative and ytd:  # a month without any: the year so far
            text = (
                f"Lũy kế {self.ytd_name}, tại các KCN có {self.count(ytd)} dự án đầu tư mới đi "
                "vào hoạt động sản xuất kinh doanh"
            )
            return Part(text + self.target_clause(code), needs_lead=False)
        else:
            return None
        if self.cumulative and has_target and ytd:
            text += f"; lũy kế {self.ytd_name} có {self.count(ytd)} dự án đi vào hoạt động"
        return Part(text + self.target_clause(code))

    def jobs(self) -> Part | None:
        code = "jobs_created"
        jobs = self.n(code)
        has_target = self.has_target(code)
        ytd = self.ytd(code)
        subject = "các doanh nghiệp trong các KCN đã "
        if jobs:
            text = (
                f"tạo việc làm mới cho {self.estimate(code, self.people(jobs))} lao động"
                f"{self.compared(code)}"
            )
        elif has_target and not self.is_month:
            text = "chưa ghi nhận việc làm mới qua báo cáo của doanh nghiệp"
            subject = ""
        elif has_target and self.cumulative and ytd:  # a month without any: the year so far
            text = (
                f"Lũy kế {self.ytd_name}, các doanh nghiệp trong các KCN đã tạo việc làm mới cho "
                f"{self.estimate(code, self.people(ytd))} lao động"
            )
            return Part(text + self.target_clause(code), needs_lead=False)
        else:
            return None
        if self.cumulative and has_target and ytd:
            text += f"; lũy kế {self.ytd_name} là {self.estimate(code, self.people(ytd))} lao động"
        # After the projects, in the seed's one sentence, the jobs need no subject of their own.
        alone = self.cumulative or not self.projects_started()
        return Part((subject if alone else "") + text + self.target_clause(code))

    def business_results(self) -> str:
        """What the enterprises' accepted quarterly reports say: revenue, exports, imports,
        budget paid, capital realized, with last year's same period and the year to date."""

        def part(code: str, what: str, money: str) -> str:
            value = self.n(code)
            if not value:
                return ""
            amount = self.usd(value) if money == "USD" else self.vnd(value)
            notes = []
            if compared := self.compared(code):
                notes.append(compared.strip()[1:-1])
            if self.cumulative and self.ytd(code) != value:
                ytd = self.usd(self.ytd(code)) if money == "USD" else self.vnd(self.ytd(code))
                notes.append(f"lũy kế {self.ytd_name}: {self.estimate(code, ytd)}")
            text = f"{what} {self.estimate(code, amount)}"
            return f"{text} ({'; '.join(notes)})" if notes else text

        trade = [
            text
            for text in (
                part("revenue_usd_equiv", "doanh thu", "USD"),
                part("exports_usd", "kim ngạch xuất khẩu", "USD"),
                part("imports_usd", "kim ngạch nhập khẩu", "USD"),
            )
            if text
        ]
        clauses = [f"đạt {', '.join(trade)}"] if trade else []
        if budget := part("budget_paid_vnd", "nộp ngân sách nhà nước", "VND"):
            clauses.append(budget)
        if capital := part("capital_realized_usd_equiv", "vốn đầu tư thực hiện", "USD"):
            clauses.append(f"{capital}")
        if not clauses:
            return ""
        return sentence(
            "Theo báo cáo tình hình thực hiện dự án của các doanh nghiệp được Ban chấp nhận, "
            f"{self.in_period}, các doanh nghiệp trong các KCN {'; '.join(clauses)}"
        )

    def operating_projects(self) -> str:
        total = self.n("operating_projects")
        foreign = self.n("operating_projects.foreign")
        domestic = self.n("operating_projects.domestic")
        if foreign and domestic:
            return (
                f"{self.count(total)} dự án (gồm {self.count(foreign)} dự án {ORIGIN['foreign']}"
                f" và {self.count(domestic)} dự án {ORIGIN['domestic']})"
            )
        origin = ORIGIN["foreign"] if foreign else ORIGIN["domestic"]
        return f"{self.count(total)} dự án (đều là dự án {origin})"

    def inspection(self) -> list[str]:
        discipline = self.reporting_discipline()
        onsite = self.n("inspections_onsite")
        if not onsite:
            return [discipline] if discipline else []
        text = (
            "Ngoài việc giám sát thường xuyên thông qua các báo cáo của các doanh nghiệp, "
            f"{self.in_period}, {self.board} đã tổ chức giám sát tại địa điểm thực hiện dự án "
            f"đối với {self.count(onsite)} dự án đầu tư trong các KCN"
        )
        violations = self.n("inspections_with_violation")
        if violations:
            text += (
                f"; qua kiểm tra, giám sát phát hiện {self.count(violations)} trường hợp vi phạm"
            )
        return [sentence(text), discipline] if discipline else [sentence(text)]

    def reporting_discipline(self) -> str:
        """How many of the quarterly reports due in the period the enterprises sent on time,
        from the counts (never from a rounded percentage), and how many are still missing."""
        figure = self.figure("reports_on_time_pct")
        if figure.parts is None or not figure.parts[1]:
            return ""
        on_time, due = figure.parts
        text = (
            f"Về chế độ báo cáo, {self.in_period} có {self.count(on_time)}/{self.count(due)} "
            "báo cáo tình hình thực hiện dự án đến hạn được doanh nghiệp nộp đúng hạn, đạt "
            f"{self.percent(self.n('reports_on_time_pct'))}"
        )
        if missing := self.n("reports_missing"):
            text += f"; {self.as_of}, còn {self.count(missing)} báo cáo chưa nộp"
        return sentence(text)

    def admin_reform(self) -> list[str]:
        sentences = []
        received = self.n("dossiers_received")
        resolved = self.n("dossiers_resolved")
        if received or resolved:
            if received == resolved:
                text = (
                    f"{self.opening()}{self.board} đã tiếp nhận, giải quyết "
                    f"{self.count(received)} hồ sơ thủ tục hành chính"
                )
            elif not resolved:
                text = (
                    f"{self.opening()}{self.board} đã tiếp nhận {self.count(received)} hồ sơ "
                    "thủ tục hành chính"
                )
            else:
                received_text = (
                    f"tiếp nhận {self.count(received)} hồ sơ thủ tục hành chính, "
                    if received
                    else ""
                )
                text = (
                    f"{self.opening()}{self.board} đã {received_text}giải quyết "
                    f"{self.count(resolved)} hồ sơ" + ("" if received else " thủ tục hành chính")
                )
            if resolved:
                text += self.timeliness()
            sentences.append(sentence(text))
        pending = self.n("dossiers_pending")
        if pending:
            overdue = self.n("dossiers_overdue")
            text = f"{self.as_of}, còn {self.count(pending)} hồ sơ đang giải quyết"
            if overdue == pending:
                text += ", đều đã quá hạn giải quyết"
            elif overdue:
                text += f", trong đó {self.count(overdue)} hồ sơ đã quá hạn giải quyết"
            else:
                text += ", đều còn trong thời hạn giải quyết"
            sentences.append(sentence(text))
        documents = []
        digitized = self.n("documents_digitized_pct")
        if digitized is not None:
            documents.append(
                f"{self.whole_percent(digitized)} văn bản đến, đi (trừ văn bản mật) được số hóa "
                "và cập nhật trên Hệ thống Quản lý văn bản và điều hành"
            )
        electronic = self.n("documents_electronic_pct")
        if electronic is not None:
            documents.append(
                f"{self.whole_percent(electronic)} văn bản đi (trừ văn bản mật) được phát hành "
                "dưới dạng điện tử"
            )
        if documents:
            sentences.append(sentence(f"{self.opening()}{'; '.join(documents)}"))
        return [" ".join(sentences)] if sentences else []

    def timeliness(self) -> str:
        """ "; kết quả 100% hồ sơ … đúng hạn và trước hạn, trong đó 91% … trước hạn", and the
        dossiers resolved late, counted (never rebuilt from a rounded percentage)."""
        figure = self.figure("dossiers_resolved_on_time_pct")
        on_time = self.n("dossiers_resolved_on_time_pct")
        early = self.n("dossiers_resolved_early_pct")
        if on_time is None:
            return ""
        text = (
            f"; kết quả {self.whole_percent(on_time)} hồ sơ thủ tục hành chính được giải quyết "
            "đúng hạn và trước hạn"
        )
        if early:
            text += (
                f", trong đó {self.whole_percent(early)} hồ sơ thủ tục hành chính được giải "
                "quyết trước hạn"
            )
        if figure.parts is not None and (late := figure.parts[1] - figure.parts[0]):
            text += f"; {self.count(late)} hồ sơ giải quyết sau thời hạn"
        return text

    def other(self) -> list[str]:
        return []  # the board's plans are in the framing paragraph; "other" is the staff's

    def priorities_intro(self) -> str:
        label = self.next_period_label
        next_name = f"trong {label}" if label else "trong thời gian tới"
        return (
            "Để tiếp tục thực hiện hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ "
            f"được giao, {next_name} {self.board} tập trung thực hiện tốt một số nhiệm vụ "
            "trọng tâm sau:"
        )

    def label(self, key: str) -> str:
        return LABELS[key]

    def unit(self, code: str) -> str:
        return UNITS[INDICATORS[code].unit]

    def indicator_name(self, code: str) -> str:
        return INDICATOR_NAMES.get(code, str(INDICATORS[code].name))


# How the table of targets names each targeted indicator (the registry's names are
# translated labels for the web app; the report uses the plan's own words).
INDICATOR_NAMES = {
    "zones_policy_approved": "KCN mới hoặc mở rộng được quyết định chủ trương đầu tư",
    "land_cleared_ha": "Diện tích giải phóng mặt bằng",
    "infrastructure_built_ha": "Diện tích đầu tư xây dựng hạ tầng KCN",
    "land_leased_ha": "Diện tích đất công nghiệp cho thuê",
    "attracted_capital_usd_equiv": "Vốn đầu tư cấp mới và điều chỉnh tăng thêm",
    "new_projects": "Dự án cấp mới",
    "projects_started_operation": "Dự án đi vào hoạt động",
    "jobs_created": "Việc làm mới",
    "dossiers_resolved_on_time_pct": "Hồ sơ TTHC giải quyết đúng hạn và trước hạn",
    "documents_digitized_pct": "Văn bản đến, đi được số hóa",
    "documents_electronic_pct": "Văn bản đi dưới dạng điện tử",
}
