"""What every report writer shares: reading the dataset's figures, and the outline.

A writer turns the dataset of a period into the sentences of the report in
one language. The facts are chosen the same way in every language (what is
zero, what has a target, whether a year-to-date figure is needed); only the
phrasing differs, so each language is a subclass that says things its own way.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kcn.core import style
from kcn.core.periods import PeriodKind, parse_period
from kcn.indicators.engine import IndicatorValue
from kcn.indicators.registry import COUNT_UNITS, INDICATORS
from kcn.reports.dataset import ReportDataset
from kcn.reports.sections import Section

# Below this many things last year, a change is stated as last year's count, not as a
# percentage: "giảm 50%" on a base of two projects says more than it knows.
SMALL_BASE = 20

# Figures that are estimates by nature, read "khoảng" ("about") whatever their digits
# (docs/decisions/0012-report-wording-round-two.md): what developers and enterprises report
# to the board, and totals of capital changed by amended certificates.
ESTIMATES = frozenset(
    {
        "land_cleared_ha",
        "infrastructure_built_ha",
        "land_leased_ha",
        "jobs_created",
        "workforce",
        "increased_capital_usd",
        "increased_capital_vnd",
        "decreased_capital_usd_equiv",
        "capital_realized_usd_equiv",
        "revenue_usd_equiv",
        "exports_usd",
        "imports_usd",
        "budget_paid_vnd",
    }
)


class Writer(ABC):
    lang: str
    AND: str  # "và", "and"
    ABOUT: str  # "khoảng", "about": before an approximate figure
    # How sentences after the first of a section open instead of repeating the period.
    CONNECTORS: tuple[str, ...]

    def __init__(self, data: ReportDataset) -> None:
        self.data = data
        self.period = data.period
        self._opened = False  # whether the section being written has stated its period
        self._connector = 0
        self.narrative: list[str] = []  # the staff's paragraphs of the section being written

    # --- Figures -------------------------------------------------------------

    def n(self, code: str) -> Any:
        """The period's value, zero when there is nothing (percentages stay None).

        A percentage with its counts is their exact quotient, so that the style
        rounds it once, for what it shows: 19,999 of 20,000 is "99,995%", never
        a "100%" that an earlier rounding to two places would have made.
        """
        figure = self.data.figure(code)
        return _exact(figure.value, figure.parts, code)

    def ytd(self, code: str) -> Any:
        figure = self.data.figure(code)
        return _exact(figure.ytd, figure.ytd_parts, code)

    def figure(self, code: str) -> IndicatorValue:
        return self.data.figure(code)

    @property
    def cumulative(self) -> bool:
        """Whether year-to-date figures need stating beside the period's ("lũy kế")."""
        return not self.period.is_year_to_date

    @property
    def is_month(self) -> bool:
        """A monthly report states what happened, never a zero ("chưa có …")."""
        return self.period.kind is PeriodKind.MONTH

    @property
    def is_whole_year(self) -> bool:
        """A year's report compares with last year, not with its "same period"."""
        start, end = self.period.start, self.period.end
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)

    @property
    def as_of_report_date(self) -> bool:
        """Whether the report is dated before its period's end: its stocks then read "as of
        now" ("Đến nay"), never as of a day after the report."""
        return self.data.report_date < self.period.end

    def has_target(self, code: str) -> bool:
        return self.figure(code).target is not None

    def percent_of_target(self, code: str) -> Decimal | None:
        """The year to date over the year's target (its low end) × 100, exact: the style rounds
        it once, for what it shows (a 99.996% never reads "100%")."""
        figure = self.figure(code)
        if figure.target is None or not figure.target:
            return None
        ytd = self.ytd(code)
        if ytd is None:
            return None
        return Decimal(ytd) * 100 / figure.target

    def approximate(self, code: str) -> bool:
        """Whether ``code``'s figure is an estimate by nature ("khoảng" whatever its digits)."""
        return code.partition(".")[0] in ESTIMATES

    # --- Openings: the period is stated once per section ----------------------------------

    def begin_section(self, narrative: list[str]) -> None:
        """Start a section after the staff's ``narrative``: when it already opened a sentence
        with the period ("Trong quý I năm 2022, …"), the figures do not open with it again."""
        self.narrative = narrative
        lead = self.period_lead()
        self._opened = any(
            sentence_text.startswith(lead)
            for paragraph in narrative
            for sentence_text in split_sentences(paragraph)
        )
        self._connector = 0

    def opening(self) -> str:
        """How a sentence of figures opens: the period the first time in a section ("Trong quý I
        năm 2022, "), a connector after that ("Đồng thời, ", "Bên cạnh đó, ")."""
        if not self._opened:
            self._opened = True
            return self.period_lead()
        connector = self.CONNECTORS[self._connector % len(self.CONNECTORS)]
        self._connector += 1
        return connector

    @property
    @abstractmethod
    def board(self) -> str:
        """The board as sentences name it ("Ban Quản lý các khu công nghiệp tỉnh")."""

    @abstractmethod
    def period_lead(self) -> str:
        """The period as a sentence opens with it: "Trong quý I năm 2022, "."""

    def change_on_last_year(self, code: str) -> Decimal | None:
        """The period's value against the same period of last year, as a ratio (1.15 = +15%).

        None when last year's period has no records or the indicator was zero then:
        a comparison with nothing says nothing.
        """
        before = self.data.previous_value(code)
        now = self.n(code)
        if not before:
            return None
        return Decimal(now) / Decimal(before)

    def small_base(self, code: str) -> bool:
        """Whether last year's count is too small for a percentage change to mean much."""
        before = self.data.previous_value(code)
        return (
            INDICATORS[code].unit in COUNT_UNITS and before is not None and 0 < before < SMALL_BASE
        )

    def capital(self, usd: Decimal | int, vnd: Decimal | int, *, estimate: bool = False) -> str:
        """ "112 triệu USD và 410 tỷ đồng" (each currency that has an amount), preceded by
        "khoảng" when either is rounded, or when the total is an ``estimate`` by nature."""
        parts = []
        approximate = estimate
        for amount, writer in ((usd, self.usd), (vnd, self.vnd)):
            if amount:
                figure = writer(amount)
                parts.append(figure.text)
                approximate = approximate or figure.approximate
        text = joined(parts, self.AND)
        return f"{self.ABOUT} {text}" if approximate and text else text

    def attracted(self, *, ytd: bool = False, equivalent: bool = False) -> str:
        """New and added capital ("tổng vốn cấp mới và điều chỉnh tăng thêm"): in its own
        currency when it has one ("125 tỷ đồng", with ``equivalent`` its USD equivalent after
        it), "khoảng 145 triệu USD" (the USD equivalent) when it mixes currencies."""
        get = self.ytd if ytd else self.n
        usd = (get("new_capital_usd") or 0) + (get("increased_capital_usd") or 0)
        vnd = (get("new_capital_vnd") or 0) + (get("increased_capital_vnd") or 0)
        estimate = bool(get("increased_capital_usd") or get("increased_capital_vnd"))
        total = get("attracted_capital_usd_equiv") or 0
        if (usd and vnd) or not (usd or vnd):
            return f"{self.ABOUT} {self.usd(total).text}"
        if usd:
            return self.capital(usd, 0, estimate=estimate)
        text = self.capital(0, vnd, estimate=estimate)
        return f"{text} ({self.equivalent(total)})" if equivalent else text

    @abstractmethod
    def equivalent(self, usd: Any) -> str:
        """ "tương đương khoảng 5,2 triệu USD"."""

    # --- Style shortcuts in the writer's language ---------------------------------

    def count(self, value: int) -> str:
        return style.count(value, self.lang)

    def percent(self, value: Any) -> str:
        return style.percent(value, self.lang)

    def whole_percent(self, value: Any) -> str:
        return style.whole_percent(value, self.lang)

    def usd(self, value: Any) -> style.Figure:
        return style.usd(value, self.lang)

    def vnd(self, value: Any) -> style.Figure:
        return style.vnd(value, self.lang)

    def hectares(self, value: Any) -> style.Figure:
        return style.hectares(value, self.lang)

    def people(self, value: int) -> style.Figure:
        return style.people(value, self.lang)

    def short_date(self, value: Any) -> str:
        return style.short_date(value, self.lang)

    @property
    def period_name(self) -> str:
        return style.period_name(self.period, self.lang)

    @property
    def ytd_name(self) -> str:
        return style.year_to_date_name(self.period, self.lang)

    @property
    def next_period_label(self) -> str:
        """The name of the period the priority tasks are for ("quý II năm 2022"), or ""."""
        if not self.data.next_period:
            return ""
        return style.period_name(parse_period(self.data.next_period), self.lang)

    # --- The outline ---------------------------------------------------------

    def section_paragraphs(self, section: Section, narrative: list[str] | None = None) -> list[str]:
        """The generated paragraphs of ``section``, written after the staff's ``narrative``."""
        self.begin_section(narrative or [])
        writers: dict[Section, Callable[[], list[str]]] = {
            Section.PLANNING: self.planning,
            Section.INFRASTRUCTURE: self.infrastructure,
            Section.INVESTMENT: self.investment,
            Section.OPERATIONS: self.operations,
            Section.INSPECTION: self.inspection,
            Section.HEALTH: list,
            Section.ADMIN_REFORM: self.admin_reform,
            Section.OTHER: self.other,
            Section.SHORTCOMINGS: list,
        }
        return [paragraph for paragraph in writers[section]() if paragraph]

    def staff_text(self, section: Section) -> list[str]:
        """The staff's narrative of ``section`` in the writer's language, one item a paragraph."""
        return paragraphs_of(self.data.narratives.get(section.value, ""))

    def staff_priorities(self) -> list[tuple[str, str]]:
        """The priority tasks, each as its lead ("Một là,") and its text."""
        return [
            self.priority(order, text) for order, text in enumerate(self.data.priorities, start=1)
        ]

    def zone_label(self, name: str) -> str:
        """A zone's name as a heading in this language (the appendix)."""
        return name

    @abstractmethod
    def framing(self) -> list[str]:
        """The framing paragraph: the programme, the plan, its groups of tasks and thematic
        plans ("như các kế hoạch: …")."""

    @abstractmethod
    def lead_in(self) -> str:
        """The sentence before the sections, ending "Cụ thể như sau:"."""

    @abstractmethod
    def title(self) -> str: ...

    @abstractmethod
    def summary(self) -> list[str]: ...

    @abstractmethod
    def section_heading(self, section: Section) -> str: ...

    @abstractmethod
    def planning(self) -> list[str]: ...

    @abstractmethod
    def infrastructure(self) -> list[str]: ...

    @abstractmethod
    def investment(self) -> list[str]: ...

    @abstractmethod
    def operations(self) -> list[str]: ...

    @abstractmethod
    def inspection(self) -> list[str]: ...

    @abstractmethod
    def admin_reform(self) -> list[str]: ...

    @abstractmethod
    def other(self) -> list[str]: ...

    @abstractmethod
    def priorities_intro(self) -> str: ...

    def priority(self, order: int, text: str) -> tuple[str, str]:
        """The lead ("Một là,") and the text of the ``order``-th priority task."""
        return style.enumeration_lead(order, self.lang), style.continuing(text)

    @abstractmethod
    def label(self, key: str) -> str:
        """Fixed words of the layout: the motto, "Nơi nhận:", table headings …"""

    @abstractmethod
    def unit(self, code: str) -> str:
        """The unit of an indicator in the table of targets ("ha", "dự án", "triệu USD")."""

    @abstractmethod
    def indicator_name(self, code: str) -> str: ...


def joined(items: list[str], conjunction: str) -> str:
    """ "a", "a và b", "a, b và c" (or "and")."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def sentence(text: str) -> str:
    """A sentence with its first letter capitalised and a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", ":", "…")) else text + "."


def paragraphs_of(text: str) -> list[str]:
    """Staff text split into its paragraphs (one a line), blank lines left out."""
    return [line.strip() for line in text.strip().split("\n") if line.strip()]


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph (split after ". " before a capital letter)."""
    return [part for part in re.split(r"(?<=[.!?…:])\s+(?=[A-ZÀ-ỸĐ])", paragraph) if part]


def _exact(value: Any, parts: tuple[int, int] | None, code: str) -> Any:
    if parts is not None and parts[1]:
        return Decimal(parts[0] * 100) / Decimal(parts[1])
    return 0 if value is None and not code.endswith("_pct") else value
