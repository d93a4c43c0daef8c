"""The report in English: the same facts as the Vietnamese report, in English phrasing.

Staff narratives and priority tasks are data written in Vietnamese; they are
printed as they are.
"""

from __future__ import annotations

from kcn.core import style
from kcn.indicators.registry import INDICATORS, Unit
from kcn.reports.dataset import InfrastructureProject, ZoneApproval
from kcn.reports.sections import Section
from kcn.reports.wording.base import Writer, joined, sentence

HEADINGS = {
    Section.PLANNING: "Planning and development of industrial zones",
    Section.INFRASTRUCTURE: "Land clearance and infrastructure of the zones",
    Section.INVESTMENT: "Investment attraction",
    Section.OPERATIONS: "Implementation and business of the projects",
    Section.INSPECTION: "Inspection and supervision",
    Section.HEALTH: "Disease prevention and care for workers",
    Section.ADMIN_REFORM: "Administrative procedure reform",
    Section.OTHER: "Other tasks",
}

LABELS = {
    "motto_1": "SOCIALIST REPUBLIC OF VIETNAM",
    "motto_2": "Independence - Freedom - Happiness",
    "number": "No",
    "kind": "REPORT",
    "recipients": "Recipients:",
    "archive": "Archive: VT",
    "results": "RESULTS OF",
    "priorities": "PRIORITY TASKS FOR",
    "targets_table": "Progress against the targets of {year}",
    "col_indicator": "Indicator",
    "col_unit": "Unit",
    "col_target": "Target {year}",
    "col_period": "{period}",
    "col_ytd": "Year to date ({ytd})",
    "col_percent": "% of target",
    "chart_targets": "Progress against the targets of {year} ({ytd})",
    "chart_months": "Month by month, {year}",
    "chart_percent_axis": "% of the year's target",
    "chart_capital": "New and added capital (USD million)",
    "chart_jobs": "New jobs",
    "chart_started": "Projects entering operation",
    "draft": "DRAFT",
    "figure": "Figure",
    "month_short": "M{month}",
}

UNITS = {
    Unit.ZONE: "zones",
    Unit.HA: "ha",
    Unit.PROJECT: "projects",
    Unit.USD: "USD million",
    Unit.VND: "VND billion",
    Unit.PERSON: "people",
    Unit.INSPECTION: "inspections",
    Unit.DOSSIER: "dossiers",
    Unit.REPORT: "reports",
    Unit.PERCENT: "%",
}

APPROVERS = {"TTg": "the Prime Minister", "CP": "the Government", "UBND": "the Province"}
ORIGIN = {"foreign": "foreign-invested", "domestic": "domestic"}

INDICATOR_NAMES = {
    "zones_policy_approved": "New or expanded zones with investment policy approved",
    "infrastructure_built_ha": "Zone infrastructure built",
    "attracted_capital_usd_equiv": "New and added investment capital",
    "projects_started_operation": "Projects entering operation",
    "jobs_created": "New jobs",
}


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{style.count(n, 'en')} {word if n == 1 else (words or word + 's')}"


def about(figure: style.Figure) -> str:
    return f"about {figure.text}" if figure.approximate else figure.text


class EnglishWriter(Writer):
    lang = "en"
    AND = "and"
    ABOUT = "about"

    @property
    def board(self) -> str:
        province = self.data.board.province
        return f"the Industrial Zones Management Board of {province}" if province else "the Board"

    @property
    def in_period(self) -> str:
        return f"in {self.period_name}"

    @property
    def as_of(self) -> str:
        return f"as of {self.short_date(self.period.end)}"

    def target_clause(self, code: str) -> str:
        figure = self.figure(code)
        if figure.target is None or figure.percent_of_target is None:
            return ""
        info = self.data.targets.get(code)
        description = f" ({info.description})" if info and info.description else ""
        plan = f"the target the Province set for {self.period.year}{description}"
        if figure.target_max is not None and figure.met:
            return f", meeting {plan}"
        if figure.percent_of_target == 0:
            return f"; nothing yet towards {plan}"
        percent = self.whole_percent(figure.percent_of_target)
        if figure.percent_of_target > 100:
            return f", {percent} of {plan}, exceeding it"
        return f", {percent} of {plan}"

    def compared(self, code: str) -> str:
        ratio = self.change_on_last_year(code)
        if ratio is None:
            return ""
        last_year = f"the same period of {self.period.year - 1}"
        if ratio == 1:
            return f", the same as {last_year}"
        if ratio >= 2:
            return f", {style.number(ratio, 1, 'en')} times {last_year}"
        change = (ratio - 1) * 100
        word = "up" if change > 0 else "down"
        return f", {word} {self.whole_percent(abs(change))} on {last_year}"

    def projects_by_origin(self, code: str) -> str:
        total = self.n(code)
        foreign, domestic = self.n(f"{code}.foreign"), self.n(f"{code}.domestic")
        if foreign and domestic:
            return (
                f"{plural(total, 'project')} ({style.count(foreign, 'en')} "
                f"{ORIGIN['foreign']} and {style.count(domestic, 'en')} {ORIGIN['domestic']})"
            )
        origin = ORIGIN["foreign"] if foreign else ORIGIN["domestic"]
        return f"{style.count(total, 'en')} {origin} {'project' if total == 1 else 'projects'}"

    def title(self) -> str:
        return f"Progress of the tasks of {self.board} in {self.period_name}"

    def summary(self) -> list[str]:
        if not self.data.has_data:
            return [sentence(f"{self.in_period}, no record of any kind was entered")]
        parts = [self.approval(item) for item in self.data.zone_approvals]
        first = sentence(f"{self.in_period}, {joined(parts, 'and')}") if parts else ""
        granted = [self.infrastructure_grant(item) for item in self.data.infrastructure_projects]
        new = self.n("new_projects")
        if new:
            granted.append(f"{plural(new, 'project')} in the zones")
        actions = []
        if granted:
            actions.append(
                f"issued investment registration certificates to {joined(granted, 'and')}"
            )
        increased = self.n("increased_projects")
        if increased:
            actions.append(f"raised the capital of {plural(increased, 'project')}")
        attracted = self.n("attracted_capital_usd_equiv")
        if actions:
            text = f"{self.board} {' and '.join(actions)}"
            if attracted and (new or increased):
                text += f", for new and added capital of {about(self.usd(attracted))}"
            second = sentence(text if first else f"{self.in_period}, {text}")
        else:
            second = sentence(
                f"{self.in_period}, {self.board} issued no new certificate and raised no capital"
            )
        return [f"{first} {second}".strip()]

    def approval(self, item: ZoneApproval) -> str:
        area = f" of {about(self.hectares(item.area_ha))} ha" if item.area_ha else ""
        approver = APPROVERS.get(item.issuer_code)
        by = f" by {approver}" if approver else ""
        return f"the investment policy of {item.zone}{area} was approved{by}"

    def infrastructure_grant(self, item: InfrastructureProject) -> str:
        money = about(style.money(item.capital, item.currency, "en"))
        return f"the infrastructure project of {item.zone or item.name} ({money})"

    def section_heading(self, section: Section) -> str:
        return HEADINGS[section]

    def planning(self) -> list[str]:
        approved = self.n("zones_policy_approved")
        if self.data.zone_approvals:
            text = f"{self.in_period}, " + joined(
                [self.approval(item) for item in self.data.zone_approvals], "and"
            )
        elif approved:
            text = f"{self.in_period}, {plural(approved, 'zone')} had investment policy approved"
        elif self.has_target("zones_policy_approved"):
            text = f"{self.in_period}, no new or expanded zone had investment policy approved"
        else:
            return []
        if self.cumulative and self.has_target("zones_policy_approved"):
            ytd = self.ytd("zones_policy_approved")
            text += f"; {plural(ytd, 'zone')} in {self.ytd_name}"
        return [sentence(text + self.target_clause("zones_policy_approved"))]

    def infrastructure(self) -> list[str]:
        built = self.n("infrastructure_built_ha")
        has_target = self.has_target("infrastructure_built_ha")
        sentences = []
        if built or has_target:
            text = (
                f"{self.in_period}, the zones' developers built infrastructure on "
                f"{about(self.hectares(built))} ha"
                if built
                else f"{self.in_period}, no further infrastructure was completed"
            )
            if self.cumulative and has_target:
                ytd = self.ytd("infrastructure_built_ha")
                text += f"; {about(self.hectares(ytd))} ha in {self.ytd_name}"
            sentences.append(sentence(text + self.target_clause("infrastructure_built_ha")))
        done = []
        if cleared := self.n("land_cleared_ha"):
            done.append(f"{about(self.hectares(cleared))} ha were cleared")
        if leased := self.n("land_leased_ha"):
            done.append(f"{about(self.hectares(leased))} ha of industrial land were leased")
        if done:
            lead = "" if sentences else f"{self.in_period}, "
            sentences.append(sentence(lead + joined(done, "and")))
        return [" ".join(sentences)] if sentences else []

    def investment(self) -> list[str]:
        sentences = []
        if new := self.n("new_projects"):
            capital = self.capital(self.n("new_capital_usd"), self.n("new_capital_vnd"))
            text = (
                f"{self.in_period}, the Board registered {self.projects_by_origin('new_projects')}"
            )
            if capital:
                text += f" with registered capital of {capital}"
            sentences.append(sentence(text))
        else:
            sentences.append(sentence(f"{self.in_period}, no new project was registered"))
        if increased := self.n("increased_projects"):
            capital = self.capital(self.n("increased_capital_usd"), self.n("increased_capital_vnd"))
            text = f"{plural(increased, 'project')} raised their capital"
            if capital:
                text += f" by {capital}"
            sentences.append(sentence(text))
        attracted = self.n("attracted_capital_usd_equiv")
        if attracted or self.has_target("attracted_capital_usd_equiv"):
            text = f"New and added capital {self.in_period} "
            text += (
                f"came to {about(self.usd(attracted))}"
                + self.compared("attracted_capital_usd_equiv")
                if attracted
                else "was nil"
            )
            if self.cumulative and self.has_target("attracted_capital_usd_equiv"):
                ytd = self.ytd("attracted_capital_usd_equiv")
                text += f"; {about(self.usd(ytd))} in {self.ytd_name}"
            sentences.append(sentence(text + self.target_clause("attracted_capital_usd_equiv")))
        parts = []
        if decreased := self.n("decreased_capital_usd_equiv"):
            parts.append(f"capital was reduced by {about(self.usd(decreased))}")
        if terminated := self.n("projects_terminated"):
            parts.append(f"{plural(terminated, 'project')} terminated")
        if parts:
            sentences.append(sentence(joined(parts, "and")))
        grants = [self.infrastructure_grant(item) for item in self.data.infrastructure_projects]
        if grants:
            sentences.append(sentence(f"The Board also certified {joined(grants, 'and')}"))
        if len(sentences) == 1 and not new:
            return []  # only "no new project": the section has nothing to say
        return [" ".join(sentences)]

    def operations(self) -> list[str]:
        paragraphs, parts = [], []
        started = self.n("projects_started_operation")
        if started or self.has_target("projects_started_operation"):
            part = (
                f"{plural(started, 'project')} entered operation"
                + self.compared("projects_started_operation")
                if started
                else "no further project entered operation"
            )
            if self.cumulative and self.has_target("projects_started_operation"):
                ytd = style.count(self.ytd("projects_started_operation"), "en")
                part += f" ({ytd} in {self.ytd_name})"
            parts.append(part + self.target_clause("projects_started_operation"))
        jobs = self.n("jobs_created")
        if jobs or self.has_target("jobs_created"):
            part = (
                f"{about(self.people(jobs))} new jobs were created" + self.compared("jobs_created")
                if jobs
                else "no new jobs were reported"
            )
            if self.cumulative and self.has_target("jobs_created"):
                part += f" ({about(self.people(self.ytd('jobs_created')))} in {self.ytd_name})"
            parts.append(part + self.target_clause("jobs_created"))
        if parts:
            paragraphs.append(sentence(f"{self.in_period}, {'; '.join(parts)}"))
        stock = []
        if valid := self.n("valid_projects"):
            operating = self.n("operating_projects")
            share = self.n("operating_share_pct")
            foreign = self.n("operating_projects.foreign")
            domestic = self.n("operating_projects.domestic")
            stock.append(
                sentence(
                    f"{self.as_of}, {plural(operating, 'project')} were operating in the zones "
                    f"({style.count(foreign, 'en')} foreign-invested and "
                    f"{style.count(domestic, 'en')} domestic), {self.percent(share or 0)} of the "
                    f"{style.count(valid, 'en')} valid projects"
                )
            )
        if workforce := self.n("workforce"):
            stock.append(
                sentence(f"The zones' enterprises employ {about(self.people(workforce))} workers")
            )
        if stock:
            paragraphs.append(" ".join(stock))
        if results_text := self.business_results():
            paragraphs.append(results_text)
        return paragraphs

    def business_results(self) -> str:
        """What the enterprises' accepted quarterly reports say (see the Vietnamese writer)."""

        def part(code: str, what: str, money: str) -> str:
            value = self.n(code)
            if not value:
                return ""
            amount = self.usd(value) if money == "USD" else self.vnd(value)
            text = f"{what} of {about(amount)}{self.compared(code)}"
            if self.cumulative and self.ytd(code) != value:
                ytd = self.usd(self.ytd(code)) if money == "USD" else self.vnd(self.ytd(code))
                text += f" ({about(ytd)} {self.ytd_name})"
            return text

        parts = [
            text
            for text in (
                part("revenue_usd_equiv", "revenue", "USD"),
                part("exports_usd", "exports", "USD"),
                part("imports_usd", "imports", "USD"),
                part("budget_paid_vnd", "payments to the state budget", "VND"),
                part("capital_realized_usd_equiv", "capital realized", "USD"),
            )
            if text
        ]
        if not parts:
            return ""
        return sentence(
            "According to the enterprises' implementation reports accepted by the Board, "
            f"{self.in_period} the zones' enterprises reported {'; '.join(parts)}"
        )

    def inspection(self) -> list[str]:
        discipline = self.reporting_discipline()
        onsite = self.n("inspections_onsite")
        if not onsite:
            return [discipline] if discipline else []
        text = (
            f"Besides supervision through the enterprises' reports, {self.in_period} the Board "
            f"supervised {plural(onsite, 'project')} on site"
        )
        if violations := self.n("inspections_with_violation"):
            text += f", finding {plural(violations, 'violation')}"
        return [sentence(text), discipline] if discipline else [sentence(text)]

    def reporting_discipline(self) -> str:
        figure = self.figure("reports_on_time_pct")
        if figure.parts is None or not figure.parts[1]:
            return ""
        on_time, due = figure.parts
        text = (
            f"As for reporting, {self.in_period} {style.count(on_time, 'en')} of the "
            f"{plural(due, 'implementation report')} due were sent on time "
            f"({self.percent(self.n('reports_on_time_pct'))})"
        )
        if missing := self.n("reports_missing"):
            text += f"; {self.as_of}, {plural(missing, 'report')} had not been sent"
        return sentence(text)

    def admin_reform(self) -> list[str]:
        sentences = []
        received, resolved = self.n("dossiers_received"), self.n("dossiers_resolved")
        if received or resolved:
            text = (
                f"{self.in_period}, the Board received {plural(received, 'dossier')} and "
                f"resolved {style.count(resolved, 'en')}"
            )
            on_time = self.n("dossiers_resolved_on_time_pct")
            early = self.n("dossiers_resolved_early_pct")
            if resolved and on_time is not None:
                text += f"; {self.whole_percent(on_time)} on time or early"
                if early:
                    text += f", {self.whole_percent(early)} early"
            sentences.append(sentence(text))
        if pending := self.n("dossiers_pending"):
            overdue = self.n("dossiers_overdue")
            sentences.append(
                sentence(
                    f"{self.as_of}, {plural(pending, 'dossier')} were pending, "
                    f"{style.count(overdue, 'en')} of them overdue"
                )
            )
        documents = []
        if (digitized := self.n("documents_digitized_pct")) is not None:
            documents.append(
                f"{self.whole_percent(digitized)} of incoming and outgoing documents (except "
                "secret ones) were digitised"
            )
        if (electronic := self.n("documents_electronic_pct")) is not None:
            documents.append(
                f"{self.whole_percent(electronic)} of outgoing documents were sent electronically"
            )
        if documents:
            sentences.append(sentence(f"{self.in_period}, {'; '.join(documents)}"))
        return [" ".join(sentences)] if sentences else []

    def other(self) -> list[str]:
        return [
            sentence(
                f"To carry out plan {plan.symbol} of {self.short_date(plan.date)}, the Board "
                f"issued {plural(plan.children, 'thematic plan')}"
            )
            for plan in self.data.plans
        ]

    def priorities_intro(self) -> str:
        label = self.next_period_label
        when = f"in {label}" if label else "next"
        return f"To meet and exceed the targets, {when} the Board will focus on these tasks:"

    def label(self, key: str) -> str:
        return LABELS[key]

    def unit(self, code: str) -> str:
        return UNITS[INDICATORS[code].unit]

    def indicator_name(self, code: str) -> str:
        return INDICATOR_NAMES.get(code, str(INDICATORS[code].name))
