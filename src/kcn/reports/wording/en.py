"""The report in English: the same facts as the Vietnamese report, in English phrasing.

The staff's texts (narratives, priority tasks, target descriptions, the names of thematic
plans, the board's letterhead) are printed in their English version; a text that has none
is printed in Vietnamese after a mark that says so, never spliced into an English sentence.
"""

from __future__ import annotations

import re
from typing import Any

from kcn.core import style
from kcn.indicators.registry import INDICATORS, Unit
from kcn.reports.dataset import CitedDocument, InfrastructureProject, ZoneApproval
from kcn.reports.sections import Section
from kcn.reports.wording.base import Writer, joined, paragraphs_of, sentence

HEADINGS = {
    Section.PLANNING: "Planning and development of industrial zones",
    Section.INFRASTRUCTURE: "Land clearance and infrastructure of the zones",
    Section.INVESTMENT: "Investment attraction",
    Section.OPERATIONS: "Implementation and business of the projects",
    Section.INSPECTION: "Inspection and supervision",
    Section.HEALTH: "Disease prevention and care for workers",
    Section.ADMIN_REFORM: "Administrative procedure reform",
    Section.OTHER: "Other tasks",
    Section.SHORTCOMINGS: "Shortcomings, limitations and their causes",
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
    "blank_date": "{gap} {gap} {gap}",
    "untranslated": "[Vietnamese only]",
    "appendix": "Appendix",
    "appendix_title": "NEW PROJECTS AND CAPITAL CHANGES, {period}",
    "appendix_of": "(To report No. {number}/BC-{abbreviation} of {date} of {board})",
    "appendix_of_draft": "(To the report of {board})",
    "col_no": "No.",
    "col_project": "Project",
    "col_investor": "Investor (country)",
    "col_certificate": "Certificate, date",
    "col_change": "Change",
    "col_capital": "Capital",
    "issued": "New",
    "increased": "Increase",
    "decreased": "Decrease",
    "zone_total": "{zone}: {new} new, {changed} capital changes",
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
DOCUMENT_TYPES = {
    "CTr": "Action Programme",
    "KH": "Plan",
    "QĐ": "Decision",
    "NQ": "Resolution",
    "CT": "Directive",
    "TB": "Notice",
    "HD": "Guidance",
}

INDICATOR_NAMES = {
    "zones_policy_approved": "New or expanded zones with investment policy approved",
    "infrastructure_built_ha": "Zone infrastructure built",
    "attracted_capital_usd_equiv": "New and added investment capital",
    "projects_started_operation": "Projects entering operation",
    "jobs_created": "New jobs",
}


def zone_name(name: str) -> str:
    """A zone's Vietnamese name read in English: "KCN Thăng Long II mở rộng (giai đoạn 3)" is
    "Thăng Long II Industrial Zone Extension (Phase 3)"; other names stay as they are."""
    match = re.match(
        r"^(?:KCN|Khu công nghiệp)\s+(.+?)(?:\s+mở rộng(?:\s+\(giai đoạn (\d+)\))?)?$", name
    )
    if match is None:
        return name
    base, phase = match.group(1), match.group(2)
    english = f"{base} Industrial Zone"
    if "mở rộng" in name:
        english += " Extension" + (f" (Phase {phase})" if phase else "")
    return english


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{style.count(n, 'en')} {word if n == 1 else (words or word + 's')}"


def about(figure: style.Figure, estimate: bool = False) -> str:
    return f"about {figure.text}" if figure.approximate or estimate else figure.text


def untranslated(text: str) -> str:
    """Staff text with no English version: kept, after a mark that says it is Vietnamese."""
    return f"{LABELS['untranslated']} {text}"


class EnglishWriter(Writer):
    lang = "en"
    AND = "and"
    ABOUT = "about"
    CONNECTORS = ("Over the same period, ", "Also, ", "In addition, ")

    @property
    def board(self) -> str:
        if self.data.board.name_in_text_en:
            return self.data.board.name_in_text_en
        province = self.data.board.province
        return f"the Industrial Zones Management Board of {province}" if province else "the Board"

    @property
    def in_period(self) -> str:
        return f"in {self.period_name}"

    def period_lead(self) -> str:
        return f"In {self.period_name}, "

    @property
    def as_of(self) -> str:
        if self.as_of_report_date:
            return "to date"
        return f"as of {self.short_date(self.period.end)}"

    @property
    def were(self) -> str:
        """The tense of a stock: as of a past day "were", to date "are"."""
        return "are" if self.as_of_report_date else "were"

    @property
    def last_year(self) -> str:
        year = self.period.year - 1
        return f"{year}" if self.is_whole_year else f"the same period of {year}"

    def estimate(self, code: str, figure: style.Figure) -> str:
        return about(figure, self.approximate(code))

    def equivalent(self, usd: Any) -> str:
        return f"about {self.usd(usd).text}"

    def target_clause(self, code: str) -> str:
        figure = self.figure(code)
        percent = self.percent_of_target(code)
        if percent is None:
            return ""
        info = self.data.targets.get(code)
        description = f" ({info.description_en})" if info and info.description_en else ""
        plan = f"the target the Province set for {self.period.year}{description}"
        if figure.target_max is not None and figure.met:
            return f", meeting {plan}"
        if percent == 0:
            return f"; nothing yet towards {plan}"
        if percent > 100:
            return f", exceeding {plan} by {self.whole_percent(percent - 100)}"
        return f", {self.whole_percent(percent)} of {plan}"

    def compared(self, code: str) -> str:
        ratio = self.change_on_last_year(code)
        if ratio is None:
            return ""
        last_year = self.last_year
        if self.small_base(code):
            before = self.data.previous_value(code)
            return f" ({last_year}: {style.count(before, 'en')})"
        if ratio == 1:
            return f" (the same as {last_year})"
        if ratio >= 2:
            return f" ({style.number(ratio, 1, 'en')} times {last_year})"
        change = (ratio - 1) * 100
        word = "up" if change > 0 else "down"
        return f" ({word} {self.whole_percent(abs(change))} on {last_year})"

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

    def zone_label(self, name: str) -> str:
        return zone_name(name)

    def cited(self, document: CitedDocument) -> str:
        kind = DOCUMENT_TYPES.get(document.type, "Document")
        return f"{kind} No. {document.symbol} of {self.short_date(document.date)}"

    # --- Staff texts ---------------------------------------------------------------

    def staff_text(self, section: Section) -> list[str]:
        english = self.data.narratives_en.get(section.value, "")
        if english.strip():
            return paragraphs_of(english)
        return [untranslated(text) for text in super().staff_text(section)]

    def staff_priorities(self) -> list[tuple[str, str]]:
        english = self.data.priorities_en
        items = []
        for order, text in enumerate(self.data.priorities, start=1):
            translated = (english[order - 1] if order <= len(english) else "").strip()
            lead = style.enumeration_lead(order, self.lang)
            items.append((lead, style.continuing(translated) if translated else untranslated(text)))
        return items

    # --- The document ----------------------------------------------------------------

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
        if actions:
            text = f"{self.board} {' and '.join(actions)}"
            if new or increased:
                text += f", for new and added capital of {self.attracted()}"
            second = sentence(text if first else f"{self.in_period}, {text}")
        elif self.is_month:
            second = ""
        else:
            second = sentence(
                f"{self.in_period}, {self.board} issued no new certificate and raised no capital"
            )
        return [text for text in [f"{first} {second}".strip()] if text]

    def approval(self, item: ZoneApproval) -> str:
        area = f" of {about(self.hectares(item.area_ha))} ha" if item.area_ha else ""
        approver = APPROVERS.get(item.issuer_code)
        by = f" by {approver}" if approver else ""
        return f"the investment policy of {zone_name(item.zone)}{area} was approved{by}"

    def infrastructure_grant(self, item: InfrastructureProject) -> str:
        money = about(style.money(item.capital, item.currency, "en"))
        zone = zone_name(item.zone) if item.zone else item.name
        return f"the infrastructure project of {zone} ({money})"

    def framing(self) -> list[str]:
        framing = self.data.framing
        programme, plan = framing.programme, framing.plan
        sentences = []
        if plan is not None:
            text = f"{self.board} issued {self.cited(plan)}"
            if programme is not None:
                text = (
                    "To meet the socio-economic targets and tasks the Provincial People's "
                    f"Committee assigned in {self.cited(programme)}, {text}"
                )
            if framing.task_groups:
                groups = plural(framing.task_groups, "group")
                text += f", which sets {groups} of tasks and solutions"
            sentences.append(sentence(text))
        elif programme is not None:
            sentences.append(
                sentence(
                    f"The Provincial People's Committee set the targets of {self.period.year} in "
                    f"{self.cited(programme)}"
                )
            )
        if plan is not None and framing.thematic_plans:
            text = (
                f"The Board also issued {plural(framing.thematic_plans, 'thematic plan')} to "
                "carry out the tasks assigned"
            )
            if framing.listed:
                titles = [item.title_en or untranslated(item.title) for item in framing.listed]
                more = ", …" if framing.thematic_plans > len(titles) else ""
                text += f", among them: {'; '.join(titles)}{more}"
            sentences.append(sentence(text))
        return [" ".join(sentences)] if sentences else []

    def lead_in(self) -> str:
        met = [code for code, figure in self.data.indicators.items() if figure.met]
        text = f"{self.in_period}, {self.board} worked to meet the targets and tasks assigned"
        if met:
            targeted = [code for code, figure in self.data.indicators.items() if figure.target]
            some = "all" if len(met) == len(targeted) else "some"
            text += f" and has met {some} of the targets the Province set for {self.period.year}"
        return sentence(text) + " In detail:"

    def section_heading(self, section: Section) -> str:
        return HEADINGS[section]

    def planning(self) -> list[str]:
        code = "zones_policy_approved"
        approved = self.n(code)
        has_target = self.has_target(code)
        text = ""
        if self.data.zone_approvals:
            text = self.opening() + joined(
                [self.approval(item) for item in self.data.zone_approvals], "and"
            )
        elif approved:
            text = f"{self.opening()}{plural(approved, 'zone')} had investment policy approved"
        elif has_target and not self.is_month:
            text = f"{self.opening()}no new or expanded zone had investment policy approved"
        if self.cumulative and has_target:
            ytd = self.ytd(code)
            if text:
                text += f"; {plural(ytd, 'zone')} in {self.ytd_name}"
            elif ytd:
                text = f"In {self.ytd_name}, {plural(ytd, 'zone')} had investment policy approved"
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
                f"{self.opening()}the zones' developers built infrastructure on "
                f"{self.estimate(code, self.hectares(built))} ha"
            )
            if self.cumulative and has_target:
                text += f"; {self.estimate(code, self.hectares(ytd))} ha in {self.ytd_name}"
        elif has_target and not self.is_month:
            text = f"{self.opening()}no further infrastructure was completed"
            if self.cumulative and ytd:
                text += f"; {self.estimate(code, self.hectares(ytd))} ha in {self.ytd_name}"
        elif has_target and self.cumulative and ytd:
            text = (
                f"In {self.ytd_name}, the zones' developers built infrastructure on "
                f"{self.estimate(code, self.hectares(ytd))} ha"
            )
        sentences = [sentence(text + self.target_clause(code))] if text else []
        done = []
        if cleared := self.n("land_cleared_ha"):
            done.append(
                f"{self.estimate('land_cleared_ha', self.hectares(cleared))} ha were cleared"
            )
        if leased := self.n("land_leased_ha"):
            done.append(
                f"{self.estimate('land_leased_ha', self.hectares(leased))} ha of industrial "
                "land were leased"
            )
        if done:
            sentences.append(sentence(self.opening() + joined(done, "and")))
        return [" ".join(sentences)] if sentences else []

    def investment(self) -> list[str]:
        sentences = []
        new = self.n("new_projects")
        if new:
            capital = self.capital(self.n("new_capital_usd"), self.n("new_capital_vnd"))
            text = f"{self.opening()}the Board registered {self.projects_by_origin('new_projects')}"
            if capital:
                text += f" with registered capital of {capital}"
            sentences.append(sentence(text))
        elif not self.is_month:
            sentences.append(sentence(f"{self.opening()}no new project was registered"))
        if increased := self.n("increased_projects"):
            capital = self.capital(
                self.n("increased_capital_usd"), self.n("increased_capital_vnd"), estimate=True
            )
            text = f"The capital of {plural(increased, 'project')} was raised"
            if capital:
                text += f" by {capital}"
            sentences.append(sentence(text))
        code = "attracted_capital_usd_equiv"
        attracted = self.n(code)
        has_target = self.has_target(code)
        text = ""
        if attracted:
            text = (
                f"New and added capital {self.in_period} came to "
                f"{self.attracted(equivalent=True)}{self.compared(code)}"
            )
        elif has_target and not self.is_month:
            text = f"New and added capital {self.in_period} was nil"
        if self.cumulative and has_target and self.ytd(code):
            so_far = f"{self.attracted(ytd=True, equivalent=True)} in {self.ytd_name}"
            text = f"{text}; {so_far}" if text else f"New and added capital came to {so_far}"
        if text:
            sentences.append(sentence(text + self.target_clause(code)))
        parts = []
        if decreased := self.n("decreased_capital_usd_equiv"):
            parts.append(f"capital was reduced by about {self.usd(decreased).text}")
        if terminated := self.n("projects_terminated"):
            parts.append(f"{plural(terminated, 'project')} terminated")
        if parts:
            sentences.append(sentence("In addition, " + joined(parts, "and")))
        grants = [self.infrastructure_grant(item) for item in self.data.infrastructure_projects]
        if grants:
            sentences.append(sentence(f"The Board also certified {joined(grants, 'and')}"))
        if not new and len(sentences) <= 1 and not (attracted or increased or grants or parts):
            return []  # only "no new project": the section has nothing to say
        return [" ".join(sentences)] if sentences else []

    def operations(self) -> list[str]:
        paragraphs, parts = [], []
        code = "projects_started_operation"
        started = self.n(code)
        if started or (self.has_target(code) and not self.is_month):
            part = (
                f"{plural(started, 'project')} entered operation{self.compared(code)}"
                if started
                else "no further project entered operation"
            )
            if self.cumulative and self.has_target(code) and self.ytd(code):
                part += f" ({style.count(self.ytd(code), 'en')} in {self.ytd_name})"
            parts.append(part + self.target_clause(code))
        elif self.has_target(code) and self.cumulative and self.ytd(code):
            parts.append(
                f"{plural(self.ytd(code), 'project')} entered operation in {self.ytd_name}"
                + self.target_clause(code)
            )
        code = "jobs_created"
        jobs = self.n(code)
        if jobs or (self.has_target(code) and not self.is_month):
            part = (
                f"{self.estimate(code, self.people(jobs))} new jobs were created"
                f"{self.compared(code)}"
                if jobs
                else "no new jobs were reported"
            )
            if self.cumulative and self.has_target(code) and self.ytd(code):
                ytd = self.estimate(code, self.people(self.ytd(code)))
                part += f" ({ytd} in {self.ytd_name})"
            parts.append(part + self.target_clause(code))
        elif self.has_target(code) and self.cumulative and self.ytd(code):
            ytd = self.estimate(code, self.people(self.ytd(code)))
            parts.append(
                f"{ytd} new jobs were created in {self.ytd_name}" + self.target_clause(code)
            )
        if parts and self.cumulative:
            paragraphs.append(" ".join(sentence(self.opening() + part) for part in parts))
        elif parts:
            paragraphs.append(sentence(self.opening() + "; ".join(parts)))
        stock = []
        if valid := self.n("valid_projects"):
            operating = self.n("operating_projects")
            share = self.n("operating_share_pct")
            foreign = self.n("operating_projects.foreign")
            domestic = self.n("operating_projects.domestic")
            stock.append(
                sentence(
                    f"{self.as_of}, {plural(operating, 'project')} {self.were} operating in the "
                    "zones "
                    f"({style.count(foreign, 'en')} foreign-invested and "
                    f"{style.count(domestic, 'en')} domestic), {self.percent(share or 0)} of the "
                    f"{style.count(valid, 'en')} valid projects"
                )
            )
        if workforce := self.n("workforce"):
            stock.append(
                sentence(
                    "The zones' enterprises employ "
                    f"{self.estimate('workforce', self.people(workforce))} workers"
                )
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
            notes = []
            if compared := self.compared(code):
                notes.append(compared.strip()[1:-1])
            if self.cumulative and self.ytd(code) != value:
                ytd = self.usd(self.ytd(code)) if money == "USD" else self.vnd(self.ytd(code))
                notes.append(f"{self.estimate(code, ytd)} in {self.ytd_name}")
            text = f"{what} of {self.estimate(code, amount)}"
            return f"{text} ({'; '.join(notes)})" if notes else text

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
            sent = "have not been sent" if self.as_of_report_date else "had not been sent"
            text += f"; {self.as_of}, {plural(missing, 'report')} {sent}"
        return sentence(text)

    def admin_reform(self) -> list[str]:
        sentences = []
        received, resolved = self.n("dossiers_received"), self.n("dossiers_resolved")
        if received or resolved:
            text = (
                f"{self.opening()}the Board received {plural(received, 'dossier')} and "
                f"resolved {style.count(resolved, 'en')}"
            )
            on_time = self.n("dossiers_resolved_on_time_pct")
            early = self.n("dossiers_resolved_early_pct")
            if resolved and on_time is not None:
                text += f"; {self.whole_percent(on_time)} on time or early"
                if early:
                    text += f", {self.whole_percent(early)} early"
                parts = self.figure("dossiers_resolved_on_time_pct").parts
                if parts is not None and (late := parts[1] - parts[0]):
                    text += f"; {style.count(late, 'en')} resolved after their due date"
            sentences.append(sentence(text))
        if pending := self.n("dossiers_pending"):
            overdue = self.n("dossiers_overdue")
            state = (
                f"{style.count(overdue, 'en')} of them past their due date"
                if overdue
                else "all within their time limit"
            )
            sentences.append(
                sentence(f"{self.as_of}, {plural(pending, 'dossier')} {self.were} pending, {state}")
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
            sentences.append(sentence(self.opening() + "; ".join(documents)))
        return [" ".join(sentences)] if sentences else []

    def other(self) -> list[str]:
        return []

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
