"""The report laid out as a document: letterhead, title, blocks of text, tables, charts.

``compose(dataset, lang)`` decides what the report says and in which order;
the renderers (``kcn.reports.render``) only draw these blocks as Word, HTML,
PDF or Markdown. The order follows the board's reports and Decree
30/2020/NĐ-CP: letterhead and motto, number, place and date, "BÁO CÁO" and
its title, the body, then the recipients and the signature.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from kcn.core import style
from kcn.indicators.registry import INDICATORS, Unit
from kcn.reports import charts
from kcn.reports.dataset import ReportDataset
from kcn.reports.sections import Section
from kcn.reports.wording import writer_for
from kcn.reports.wording.base import Writer


@dataclass(frozen=True)
class SectionText:
    heading: str  # "1. Về thu hút đầu tư"
    paragraphs: list[str]


@dataclass(frozen=True)
class Table:
    heading: str  # "9. Kết quả thực hiện các chỉ tiêu kế hoạch năm 2022"
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]  # right-aligned columns


@dataclass(frozen=True)
class Chart:
    name: str  # a file name stem: "targets", "months"
    caption: str  # "Biểu đồ 1. Tiến độ thực hiện …"
    png: bytes
    description: str  # the figures the chart shows, for readers who cannot see it


@dataclass(frozen=True)
class Priority:
    lead: str  # "Một là,"
    text: str


@dataclass
class ReportDocument:
    lang: str
    period_code: str
    parent_body: str
    issuer: str
    motto: tuple[str, str]
    number_line: str  # "Số: 45/BC-BQL", or "Số:       /BC-BQL" for a draft
    place_date: str  # "Hưng Yên, ngày 28 tháng 3 năm 2022"
    kind: str  # "BÁO CÁO"
    title: str
    summary: list[str] = field(default_factory=list)
    results_heading: str = ""  # "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I NĂM 2022"
    sections: list[SectionText] = field(default_factory=list)
    table: Table | None = None
    charts: list[Chart] = field(default_factory=list)
    priorities_heading: str = ""  # "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022"
    priorities_intro: str = ""
    priorities: list[Priority] = field(default_factory=list)
    recipients_label: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""  # "KT. TRƯỞNG BAN"
    signer_title: str = ""  # "TRƯỞNG BAN" or "PHÓ TRƯỞNG BAN"
    signer_name: str = ""
    draft_label: str = ""  # set when the report is not published

    def text(self) -> str:
        """Every word of the document as plain text, in reading order."""
        lines = [self.parent_body, self.issuer, *self.motto, self.number_line, self.place_date]
        lines += [self.kind, self.title, *self.summary, self.results_heading]
        for section in self.sections:
            lines += [section.heading, *section.paragraphs]
        if self.table is not None:
            lines.append(self.table.heading)
            lines += [" | ".join(row) for row in [self.table.header, *self.table.rows]]
        for chart in self.charts:
            lines += [chart.caption, chart.description]
        lines += [self.priorities_heading, self.priorities_intro]
        lines += [f"{item.lead} {item.text}" for item in self.priorities]
        lines += [self.recipients_label, *self.recipients]
        lines += [self.signer_authority, self.signer_title, self.signer_name]
        return "\n".join(line for line in lines if line)


def local_day(moment: dt.datetime) -> dt.date:
    """The day of ``moment`` in the board's time zone (Asia/Ho_Chi_Minh), not UTC's: a draft
    made at 06:30 in Hà Nội is dated that day, not the day before."""
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def compose(
    data: ReportDataset, lang: str | None = None, *, with_charts: bool = True
) -> ReportDocument:
    """The report of ``data`` laid out in ``lang`` (default: the active language)."""
    lang = style.language(lang)
    writer = writer_for(lang, data)
    board = data.board
    issued_on = data.issued_on or local_day(data.generated_at)
    place = f"{board.place}, " if board.place else ""
    number = data.number or " " * 6
    document = ReportDocument(
        lang=lang,
        period_code=data.period.code,
        parent_body=board.parent_body,
        issuer=board.name,
        motto=(writer.label("motto_1"), writer.label("motto_2")),
        number_line=f"{writer.label('number')}: {number}/BC-{board.abbreviation}",
        place_date=f"{place}{style.long_date(issued_on, lang)}",
        kind=writer.label("kind"),
        title=writer.title(),
        summary=writer.summary(),
        results_heading=f"I. {writer.label('results')} {writer.period_name.upper()}",
        recipients_label=writer.label("recipients"),
        recipients=[*board.recipients, writer.label("archive") + "."],
        draft_label="" if data.version else writer.label("draft"),
    )
    _signature(document, data)
    for section in Section:
        narrative = data.narratives.get(section.value, "").strip()
        paragraphs = [text.strip() for text in narrative.split("\n") if text.strip()]
        paragraphs += writer.section_paragraphs(section)
        if paragraphs:  # a section with nothing to say is left out, not left empty
            number_in_part = len(document.sections) + 1
            heading = f"{number_in_part}. {writer.section_heading(section)}"
            document.sections.append(SectionText(heading, paragraphs))
    document.table = targets_table(data, writer, len(document.sections) + 1)
    if document.table is not None and with_charts:
        document.charts = _charts(data, writer)
    if data.priorities:
        heading = f"{writer.label('priorities')} {writer.next_period_label}".strip()
        document.priorities_heading = f"II. {heading.upper()}"
        document.priorities_intro = writer.priorities_intro()
        document.priorities = [
            Priority(*writer.priority(order, text))
            for order, text in enumerate(data.priorities, start=1)
        ]
    return document


def _signature(document: ReportDocument, data: ReportDataset) -> None:
    board = data.board
    if board.signer_authority and board.signer_deputy_title:
        document.signer_authority = f"{board.signer_authority} {board.signer_title}".strip()
        document.signer_title = board.signer_deputy_title
    else:
        document.signer_title = board.signer_title
    document.signer_name = board.signer_name


def targeted_codes(data: ReportDataset) -> list[str]:
    """The indicators with a target for the year, in registry order."""
    return [code for code, figure in data.indicators.items() if figure.target is not None]


def targets_table(data: ReportDataset, writer: Writer, number: int) -> Table | None:
    codes = targeted_codes(data)
    if not codes:
        return None
    year = data.period.year
    header = [
        writer.label("col_indicator"),
        writer.label("col_unit"),
        writer.label("col_target").format(year=year),
        writer.label("col_period").format(period=writer.period_name),
        writer.label("col_ytd").format(ytd=writer.ytd_name),
        writer.label("col_percent"),
    ]
    rows = []
    for code in codes:
        figure = data.figure(code)
        assert figure.target is not None
        target = table_amount(code, figure.target, writer.lang)
        if figure.target_max is not None:
            target = f"{target} - {table_amount(code, figure.target_max, writer.lang)}"
        percent = (
            ""
            if figure.percent_of_target is None
            else writer.whole_percent(figure.percent_of_target)
        )
        rows.append(
            [
                writer.indicator_name(code),
                writer.unit(code),
                target,
                table_amount(code, figure.value, writer.lang),
                table_amount(code, figure.ytd, writer.lang),
                percent,
            ]
        )
    heading = f"{number}. " + writer.label("targets_table").format(year=year)
    return Table(heading, header, rows, numeric=[False, False, True, True, True, True])


def table_amount(code: str, amount: object, lang: str) -> str:
    """A figure in the table's unit: money in millions of USD / billions of đồng."""
    if amount is None:
        return "-"
    unit = INDICATORS[code].unit
    value = Decimal(str(amount))
    if unit is Unit.USD:
        return style.number(value / 1_000_000, 1, lang)
    if unit is Unit.VND:
        return style.number(value / 1_000_000_000, 1, lang)
    if unit in (Unit.PERCENT, Unit.HA):
        return style.number(value, 1, lang)
    return style.number(value, 0, lang)


def _charts(data: ReportDataset, writer: Writer) -> list[Chart]:
    year = data.period.year
    blocks: list[Chart] = []
    codes = targeted_codes(data)
    progress = [
        (writer.indicator_name(code), percent)
        for code in codes
        if (percent := data.figure(code).percent_of_target) is not None
    ]
    if progress:
        caption = writer.label("chart_targets").format(year=year, ytd=writer.ytd_name)
        blocks.append(
            Chart(
                "targets",
                f"{writer.label('figure')} 1. {caption}",
                charts.progress_chart(
                    progress, writer.label("chart_percent_axis"), writer.whole_percent
                ),
                "; ".join(f"{name}: {writer.whole_percent(p)}" for name, p in progress),
            )
        )
    if data.months:
        labels = [
            writer.label("month_short").format(month=int(row["period"][5:7])) for row in data.months
        ]
        series = [
            (
                writer.label("chart_capital"),
                [
                    float(row["values"]["attracted_capital_usd_equiv"] or 0) / 1e6
                    for row in data.months
                ],
            ),
            (
                writer.label("chart_started"),
                [float(row["values"]["projects_started_operation"] or 0) for row in data.months],
            ),
            (
                writer.label("chart_jobs"),
                [float(row["values"]["jobs_created"] or 0) for row in data.months],
            ),
        ]
        caption = writer.label("chart_months").format(year=year)
        number = len(blocks) + 1
        blocks.append(
            Chart(
                "months",
                f"{writer.label('figure')} {number}. {caption}",
                charts.monthly_chart(
                    labels, series, lambda value: style.number(value, 1, writer.lang)
                ),
                "; ".join(
                    f"{name}: "
                    + ", ".join(
                        f"{label} {style.number(Decimal(str(value)), 1, writer.lang)}"
                        for label, value in zip(labels, values, strict=True)
                    )
                    for name, values in series
                ),
            )
        )
    return blocks
