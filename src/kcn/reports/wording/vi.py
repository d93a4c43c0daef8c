"""The report in Vietnamese, phrased the way the board's own reports are.

The sentences follow the Hưng Yên board's report of 2022-Q1 (docs/reference/seed-figures.md):
"đã tiếp nhận được 03 dự án có vốn đầu tư trong nước, với tổng vốn đầu tư đăng
ký 345 tỷ đồng", "đạt 24% kế hoạch được UBND tỉnh giao trong năm 2022 (đầu tư
xây dựng hạ tầng 120 ha đất khu công nghiệp)". Each sentence is written only
when it has something to say: no "0 dự án với tổng vốn 0 tỷ đồng".
"""

from __future__ import annotations

import re
from decimal import Decimal

from kcn.core import style
from kcn.indicators.registry import INDICATORS, Unit
from kcn.reports.dataset import InfrastructureProject, ZoneApproval
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


def zone_in_text(name: str) -> str:
    """ "KCN Thăng Long II" reads "khu công nghiệp Thăng Long II" inside a sentence."""
    return re.sub(r"^(KCN|Khu công nghiệp)\s+", "khu công nghiệp ", name)


def results(text: str) -> str:
    """The seed's way to open the figures of a section: "Kết quả: Trong quý I năm 2022, …"."""
    return f"Kết quả: {text}"


def about(figure: style.Figure) -> str:
    """ "khoảng 74.000" when rounding changed the figure, else the figure."""
    return f"khoảng {figure.text}" if figure.approximate else figure.text


class VietnameseWriter(Writer):
    lang = "vi"
    AND = "và"
    ABOUT = "khoảng"

    # --- Pieces ----------------------------------------------------------------

    @property
    def board(self) -> str:
        return self.data.board.name_in_text

    @property
    def in_period(self) -> str:
        return f"trong {self.period_name}"

    @property
    def as_of(self) -> str:
        return f"tính đến ngày {self.short_date(self.period.end)}"

    def target_clause(self, code: str) -> str:
        """ ", đạt 24% kế hoạch được UBND tỉnh giao trong năm 2022 (đầu tư … 120 ha …)"."""
        figure = self.figure(code)
        if figure.target is None or figure.percent_of_target is None:
            return ""
        year = self.period.year
        description = self.target_description(code)
        plan = f"kế hoạch được UBND tỉnh giao trong năm {year}"
        if figure.target_max is not None and figure.met:
            return f"; đảm bảo chỉ tiêu {plan} ({description})"
        if figure.percent_of_target == 0:
            return f"; chưa thực hiện được chỉ tiêu {plan} ({description})"
        percent = self.whole_percent(figure.percent_of_target)
        if figure.percent_of_target > 100:
            return f", vượt {plan} ({description}), đạt {percent} kế hoạch"
        return f", đạt {percent} {plan} ({description})"

    def target_description(self, code: str) -> str:
        info = self.data.targets.get(code)
        if info and info.description:
            return info.description
        figure = self.figure(code)
        assert figure.target is not None
        low = self.target_amount(code, figure.target)
        if figure.target_max is not None:
            high = self.target_amount(code, figure.target_max)
            return f"chỉ tiêu từ {low} đến {high}"
        return f"chỉ tiêu {low}"

    def target_amount(self, code: str, amount: Decimal) -> str:
        unit = INDICATORS[code].unit
        if unit is Unit.USD:
            return self.usd(amount).text
        if unit is Unit.VND:
            return self.vnd(amount).text
        if unit is Unit.PERCENT:
            return self.percent(amount)
        return f"{style.number(amount, 1, self.lang)} {UNITS[unit]}"

    def compared(self, code: str) -> str:
        """ ", tăng 15% so với cùng kỳ năm 2021" — or nothing when last year had nothing."""
        ratio = self.change_on_last_year(code)
        if ratio is None:
            return ""
        last_year = f"cùng kỳ năm {self.period.year - 1}"
        if ratio == 1:
            return f", bằng {last_year}"
        if ratio >= 2:
            return f", gấp {style.number(ratio, 1, self.lang)} lần {last_year}"
        change = (ratio - 1) * 100
        word = "tăng" if change > 0 else "giảm"
        return f", {word} {self.whole_percent(abs(change))} so với {last_year}"

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
        attracted = self.n("attracted_capital_usd_equiv")
        actions = []
        if granted:
            actions.append(f"đã cấp Giấy chứng nhận đăng ký đầu tư đối với {joined(granted, 'và')}")
        if increased:
            actions.append(f"điều chỉnh tăng vốn cho {self.count(increased)} dự án")
        if actions:
            text = f"{self.board} {', đồng thời '.join(actions)}"
            if attracted and (new or increased):
                text += (
                    ", với tổng vốn đầu tư đăng ký mới và điều chỉnh tăng thêm "
                    f"{about(self.usd(attracted))}"
                )
            second = sentence(text if first else f"{self.in_period}, {text}")
        else:
            second = sentence(
                f"{self.in_period}, {self.board} chưa cấp mới hoặc điều chỉnh tăng vốn "
                "cho dự án đầu tư nào"
            )
        return [f"{first} {second}".strip()]

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

    def section_heading(self, section: Section) -> str:
        return HEADINGS[section]

    # --- Sections ----------------------------------------------------------------

    def planning(self) -> list[str]:
        approved = self.n("zones_policy_approved")
        target = self.target_clause("zones_policy_approved")
        if self.data.zone_approvals:
            approvals = joined([self.approval(item) for item in self.data.zone_approvals], "và")
            text = f"{self.in_period}, {approvals}"
        elif approved:
            text = (
                f"{self.in_period}, có {self.count(approved)} khu công nghiệp mới hoặc mở rộng "
                "được chấp thuận chủ trương đầu tư"
            )
        elif self.has_target("zones_policy_approved"):
            text = (
                f"{self.in_period}, chưa có khu công nghiệp mới hoặc mở rộng được chấp thuận "
                "chủ trương đầu tư"
            )
        else:
            return []
        if self.cumulative and self.has_target("zones_policy_approved"):
            ytd = self.ytd("zones_policy_approved")
            text += (
                f"; lũy kế {self.ytd_name} có {self.count(ytd)} khu công nghiệp được chấp thuận"
                " chủ trương đầu tư"
                if ytd
                else f"; lũy kế {self.ytd_name} chưa có khu công nghiệp nào"
            )
        return [sentence(text + target)]

    def infrastructure(self) -> list[str]:
        built = self.n("infrastructure_built_ha")
        has_target = self.has_target("infrastructure_built_ha")
        sentences = []
        if built or has_target:
            text = (
                f"{self.in_period}, các chủ đầu tư hạ tầng các KCN đã đầu tư xây dựng hạ tầng "
                f"kỹ thuật KCN được {about(self.hectares(built))} ha"
                if built
                else f"{self.in_period}, chưa có thêm diện tích hạ tầng kỹ thuật KCN được đầu "
                "tư xây dựng"
            )
            if self.cumulative and has_target:
                ytd = self.ytd("infrastructure_built_ha")
                text += f"; lũy kế {self.ytd_name} được {about(self.hectares(ytd))} ha"
            sentences.append(sentence(text + self.target_clause("infrastructure_built_ha")))
        done = []
        if cleared := self.n("land_cleared_ha"):
            done.append(f"giải phóng mặt bằng được {about(self.hectares(cleared))} ha")
        if leased := self.n("land_leased_ha"):
            done.append(f"cho thuê được {about(self.hectares(leased))} ha đất công nghiệp")
        if done:
            lead = "Đồng thời, đã" if sentences else f"{self.in_period}, các KCN đã"
            sentences.append(sentence(f"{lead} {joined(done, 'và')}"))
        return [results(" ".join(sentences))] if sentences else []

    def investment(self) -> list[str]:
        sentences = []
        new = self.n("new_projects")
        if new:
            capital = self.capital(self.n("new_capital_usd"), self.n("new_capital_vnd"))
            text = f"{self.in_period}, đã tiếp nhận được {self.projects_by_origin('new_projects')}"
            if capital:
                text += f", với tổng vốn đầu tư đăng ký {capital}"
            sentences.append(sentence(text))
        else:
            sentences.append(sentence(f"{self.in_period}, chưa có dự án đầu tư mới được cấp phép"))
        increased = self.n("increased_projects")
        if increased:
            capital = self.capital(self.n("increased_capital_usd"), self.n("increased_capital_vnd"))
            text = f"Đồng thời, điều chỉnh tăng vốn cho {self.count(increased)} dự án"
            if capital:
                text += f", với tổng vốn đầu tư tăng thêm {capital}"
            sentences.append(sentence(text))
        attracted = self.n("attracted_capital_usd_equiv")
        has_target = self.has_target("attracted_capital_usd_equiv")
        if attracted or has_target:
            text = f"Như vậy, tổng vốn cấp mới và điều chỉnh tăng thêm {self.in_period} "
            text += (
                f"là {about(self.usd(attracted))}{self.compared('attracted_capital_usd_equiv')}"
                if attracted
                else "chưa phát sinh"
            )
            if self.cumulative and has_target:
                text += (
                    f"; lũy kế {self.ytd_name} là "
                    f"{about(self.usd(self.ytd('attracted_capital_usd_equiv')))}"
                )
            sentences.append(sentence(text + self.target_clause("attracted_capital_usd_equiv")))
        parts = []
        if decreased := self.n("decreased_capital_usd_equiv"):
            parts.append(f"{about(self.usd(decreased))} vốn đầu tư điều chỉnh giảm")
        if self.n("projects_terminated"):
            parts.append(f"{self.projects_by_origin('projects_terminated')} chấm dứt hoạt động")
        if parts:
            sentences.append(sentence(f"{self.in_period} cũng có {joined(parts, 'và')}"))
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
        if len(sentences) == 1 and not new:
            return []  # only "no new project": the section has nothing to say
        return [results(" ".join(sentences))]

    def operations(self) -> list[str]:
        paragraphs = []
        started = self.n("projects_started_operation")
        jobs = self.n("jobs_created")
        parts = []
        if started or self.has_target("projects_started_operation"):
            if started:
                part = (
                    f"tại các KCN có thêm {self.count(started)} dự án đầu tư mới đi vào hoạt "
                    "động sản xuất kinh doanh" + self.compared("projects_started_operation")
                )
            else:
                part = "chưa có thêm dự án đi vào hoạt động sản xuất kinh doanh"
            if self.cumulative and self.has_target("projects_started_operation"):
                ytd = self.ytd("projects_started_operation")
                part += f", lũy kế {self.ytd_name} có {self.count(ytd)} dự án" if ytd else ""
            parts.append(part + self.target_clause("projects_started_operation"))
        if jobs or self.has_target("jobs_created"):
            if jobs:
                part = f"tạo việc làm mới cho {about(self.people(jobs))} lao động"
                part += self.compared("jobs_created")
            else:
                part = "chưa ghi nhận việc làm mới qua báo cáo của doanh nghiệp"
            if self.cumulative and self.has_target("jobs_created"):
                ytd = self.ytd("jobs_created")
                part += f", lũy kế {self.ytd_name} là {about(self.people(ytd))} lao động"
            parts.append(part + self.target_clause("jobs_created"))
        if parts:
            paragraphs.append(sentence(f"{self.in_period}, {'; '.join(parts)}"))
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
                    f"{about(self.people(workforce))} lao động"
                )
            )
        if stock:
            paragraphs.append(" ".join(stock))
        if results_text := self.business_results():
            paragraphs.append(results_text)
        return paragraphs

    def business_results(self) -> str:
        """What the enterprises' accepted quarterly reports say: revenue, exports, imports,
        budget paid, capital realized, with last year's same period and the year to date."""

        def part(code: str, what: str, money: str) -> str:
            value = self.n(code)
            if not value:
                return ""
            amount = self.usd(value) if money == "USD" else self.vnd(value)
            text = f"{what} {about(amount)}{self.compared(code)}"
            if self.cumulative and self.ytd(code) != value:
                ytd = self.usd(self.ytd(code)) if money == "USD" else self.vnd(self.ytd(code))
                text += f" (lũy kế {self.ytd_name}: {about(ytd)})"
            return text

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
                    f"{self.in_period}, {self.board} đã tiếp nhận, giải quyết "
                    f"{self.count(received)} hồ sơ thủ tục hành chính"
                )
            else:
                done = (
                    f"giải quyết {self.count(resolved)} hồ sơ"
                    if resolved
                    else "chưa giải quyết xong hồ sơ nào"
                )
                text = (
                    f"{self.in_period}, {self.board} đã tiếp nhận {self.count(received)} hồ sơ "
                    f"thủ tục hành chính, {done}"
                )
            if resolved:
                text += self.timeliness(resolved)
            sentences.append(sentence(text))
        pending = self.n("dossiers_pending")
        if pending:
            overdue = self.n("dossiers_overdue")
            text = f"{self.as_of}, còn {self.count(pending)} hồ sơ đang giải quyết"
            text += (
                f", trong đó {self.count(overdue)} hồ sơ quá hạn"
                if overdue
                else ", không có hồ sơ quá hạn"
            )
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
            sentences.append(sentence(f"{self.in_period}, {'; '.join(documents)}"))
        return [" ".join(sentences)] if sentences else []

    def timeliness(self, resolved: int) -> str:
        """ "; kết quả 100% hồ sơ … đúng hạn và trước hạn, trong đó 91% … trước hạn"."""
        figure = self.figure("dossiers_resolved_on_time_pct")
        on_time = self.n("dossiers_resolved_on_time_pct")
        early = self.n("dossiers_resolved_early_pct")
        if on_time is None:
            return ""
        text = (
            f"; kết quả {self.whole_percent(on_time)} hồ sơ thủ tục hành chính được giải quyết "
            "đúng hạn và trước hạn"
        )
        if figure.parts is not None:  # the counts, never rebuilt from a rounded percentage
            late = figure.parts[1] - figure.parts[0]
        else:  # a report frozen before the counts were kept
            late = resolved - round(Decimal(on_time) * resolved / 100)
        if late:
            text += f" ({self.count(late)} hồ sơ giải quyết quá hạn)"
        if early:
            text += (
                f", trong đó {self.whole_percent(early)} hồ sơ thủ tục hành chính được giải "
                "quyết trước hạn"
            )
        return text

    def other(self) -> list[str]:
        paragraphs = []
        for plan in self.data.plans:
            titles = ["Kế hoạch " + style.continuing(title) for title in plan.child_titles[:11]]
            listed = "; ".join(titles) + (",..." if len(plan.child_titles) > len(titles) else "")
            text = (
                f"Để tổ chức thực hiện Kế hoạch số {plan.symbol} ngày "
                f"{self.short_date(plan.date)}, {self.board} đã xây dựng, ban hành "
                f"{self.count(plan.children)} kế hoạch chuyên đề"
            )
            if titles:
                text += f", như các kế hoạch: {listed}"
            paragraphs.append(sentence(text))
        return paragraphs

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
