"""What every report writer shares: reading the dataset's figures, and the outline.

A writer turns the dataset of a period into the sentences of the report in
one language. The facts are chosen the same way in every language (what is
zero, what has a target, whether a year-to-date figure is needed); only the
phrasing differs, so each language is a subclass that says things its own way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kcn.core import style
from kcn.core.periods import parse_period
from kcn.indicators.engine import IndicatorValue
from kcn.reports.dataset import ReportDataset
from kcn.reports.sections import Section


class Writer(ABC):
    lang: str
    AND: str  # "và", "and"
    ABOUT: str  # "khoảng", "about": before a figure that rounding changed

    def __init__(self, data: ReportDataset) -> None:
        self.data = data
        self.period = data.period

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

    def has_target(self, code: str) -> bool:
        return self.figure(code).target is not None

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

    def capital(self, usd: Decimal | int, vnd: Decimal | int) -> str:
        """ "112 triệu USD và 410 tỷ đồng" (each currency that has an amount), preceded by
        "khoảng" when either is rounded."""
        parts = []
        approximate = False
        for amount, writer in ((usd, self.usd), (vnd, self.vnd)):
            if amount:
                figure = writer(amount)
                parts.append(figure.text)
                approximate = approximate or figure.approximate
        text = joined(parts, self.AND)
        return f"{self.ABOUT} {text}" if approximate and text else text

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

    def section_paragraphs(self, section: Section) -> list[str]:
        """The generated paragraphs of ``section`` (the staff's narrative comes before them)."""
        writers: dict[Section, Callable[[], list[str]]] = {
            Section.PLANNING: self.planning,
            Section.INFRASTRUCTURE: self.infrastructure,
            Section.INVESTMENT: self.investment,
            Section.OPERATIONS: self.operations,
            Section.INSPECTION: self.inspection,
            Section.HEALTH: list,
            Section.ADMIN_REFORM: self.admin_reform,
            Section.OTHER: self.other,
        }
        return [paragraph for paragraph in writers[section]() if paragraph]

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


def _exact(value: Any, parts: tuple[int, int] | None, code: str) -> Any:
    if parts is not None and parts[1]:
        return Decimal(parts[0] * 100) / Decimal(parts[1])
    return 0 if value is None and not code.endswith("_pct") else value
