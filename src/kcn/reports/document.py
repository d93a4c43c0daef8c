"""The report laid out as a document: letterhead, title, blocks of text, tables, charts.

``compose(dataset, lang)`` decides what the report says and in which order;
the renderers (``kcn.reports.render``) only draw these blocks as Word, HTML,
PDF or Markdown. The order follows the board's reports and Decree
30/2020/NĐ-CP: letterhead and motto, number, place and date, "BÁO CÁO" and
its title, the summary, the framing paragraph and "… Cụ thể như sau:", the
sections, the shortcomings, the priority tasks, then the recipients and the
signature; the appendix of the period's certificates after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from kcn.core import style
from kcn.indicators.registry import COUNT_UNITS, INDICATORS, Unit
from kcn.reports import charts, measure
from kcn.reports.dataset import CapitalChange, ReportDataset
from kcn.reports.sections import RESULT_SECTIONS, Section
from kcn.reports.wording import writer_for
from kcn.reports.wording.base import Writer

ROMAN = ("I", "II", "III", "IV", "V")
# A blank left in a draft for the clerk to fill: non-breaking spaces, which no format collapses.
GAP = "\u00a0" * 6

# Decree 30/2020/NĐ-CP, Appendix I: the text width of A4 with 30 and 20 mm margins, the
# letterhead's columns and the sizes its lines are set in.
TEXT_WIDTH_MM = 160
ISSUER_WIDTH_MM = 66
MOTTO_WIDTH_MM = 94
ISSUER_PT, MOTTO_PT, TITLE_PT = 13, 14, 14
SHORT_RULE = 0.4  # "from a third to a half of the line": the rules under the issuer and title


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


@dataclass(frozen=True)
class AppendixRow:
    """A row of the appendix: a zone's heading (``zone``), or a certificate's ``cells``."""

    zone: str = ""
    cells: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Appendix:
    """The period's new projects and capital changes, zone by zone, in one table."""

    heading: str  # "Phụ lục"
    title: str  # "DANH SÁCH DỰ ÁN CẤP MỚI VÀ ĐIỀU CHỈNH VỐN ĐẦU TƯ QUÝ I NĂM 2022"
    subtitle: str  # "(Kèm theo Báo cáo số 45/BC-BQL ngày 28/03/2022 của …)"
    header: list[str]
    rows: list[AppendixRow]
    numeric: list[bool]


@dataclass(frozen=True)
class Rules:
    """The lengths of the Decree's rules, in millimetres: under the issuing body, under the
    motto (as long as the motto) and under the trích yếu."""

    issuer_mm: float
    motto_mm: float
    title_mm: float


@dataclass
class ReportDocument:
    lang: str
    period_code: str
    parent_body: str
    issuer: str
    motto: tuple[str, str]
    number_line: str  # "Số: 45/BC-BQL", or "Số:       /BC-BQL" for a draft
    place_date: str  # "Hưng Yên, ngày 28 tháng 3 năm 2022" ("ngày … tháng … năm …" in a draft)
    kind: str  # "BÁO CÁO"
    title: str
    rules: Rules
    summary: list[str] = field(default_factory=list)
    framing: list[str] = field(default_factory=list)  # the programme, the plan, its plans
    lead_in: str = ""  # "… Cụ thể như sau:"
    results_heading: str = ""  # "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I NĂM 2022"
    sections: list[SectionText] = field(default_factory=list)
    table: Table | None = None
    charts: list[Chart] = field(default_factory=list)
    shortcomings_heading: str = ""  # "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"
    shortcomings: list[str] = field(default_factory=list)
    priorities_heading: str = ""  # "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022"
    priorities_intro: str = ""
    priorities: list[Priority] = field(default_factory=list)
    recipients_label: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""  # "KT. TRƯỞNG BAN"
    signer_title: str = ""  # "TRƯỞNG BAN" or "PHÓ TRƯỞNG BAN"
    signer_name: str = ""
    draft_label: str = ""  # set when the report is not published
    appendix: Appendix | None = None

    def text(self) -> str:
        """Every word of the document as plain text, in reading order."""
        lines = [self.draft_label, self.parent_body, self.issuer, *self.motto, self.number_line]
        lines += [self.place_date, self.kind, self.title, *self.summary, *self.framing]
        lines += [self.results_heading, self.lead_in]
        for section in self.sections:
            lines += [section.heading, *section.paragraphs]
        if self.table is not None:
            lines.append(self.table.heading)
            lines += [" | ".join(row) for row in [self.table.header, *self.table.rows]]
        for chart in self.charts:
            lines += [chart.caption, chart.description]
        lines += [self.shortcomings_heading, *self.shortcomings]
        lines += [self.priorities_heading, self.priorities_intro]
        lines += [f"{item.lead} {item.text}" for item in self.priorities]
        lines += [self.recipients_label, *self.recipients]
        lines += [self.signer_authority, self.signer_title, self.signer_name]
        if self.appendix is not None:
            appendix = self.appendix
            lines += [appendix.heading, appendix.title, appendix.subtitle]
            lines.append(" | ".join(appendix.header))
            lines += [row.zone or " | ".join(row.cells) for row in appendix.rows]
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
    english = lang == "en"
    title = writer.title()
    document = ReportDocument(
        lang=lang,
        period_code=data.period.code,
        parent_body=_in_language(board.parent_body, board.parent_body_en, english),
        issuer=_in_language(board.name, board.name_en, english),
        motto=(writer.label("motto_1"), writer.label("motto_2")),
        number_line=f"{writer.label('number')}: {data.number or GAP}/BC-{board.abbreviation}",
        place_date=_place_date(data, writer),
        kind=writer.label("kind"),
        title=title,
        rules=_rules(data, writer, title),
        summary=writer.summary(),
        recipients_label=writer.label("recipients"),
        recipients=[*_recipients(data, english), writer.label("archive") + "."],
        draft_label="" if data.version else writer.label("draft"),
    )
    _signature(document, data, english)
    for section in RESULT_SECTIONS:
        narrative = writer.staff_text(section)
        paragraphs = _continued(narrative, writer.section_paragraphs(section, narrative), writer)
        if paragraphs:  # a section with nothing to say is left out, not left empty
            number_in_part = len(document.sections) + 1
            heading = f"{number_in_part}. {writer.section_heading(section)}"
            document.sections.append(SectionText(heading, paragraphs))
    part = 1
    if document.sections:
        document.framing = writer.framing()
        document.lead_in = writer.lead_in()
        document.results_heading = f"{ROMAN[0]}. {writer.label('results')} {writer.period_name}"
        document.results_heading = document.results_heading.upper()
    document.table = targets_table(data, writer, len(document.sections) + 1)
    if document.table is not None and with_charts:
        document.charts = _charts(data, writer)
    if shortcomings := writer.staff_text(Section.SHORTCOMINGS):
        heading = writer.section_heading(Section.SHORTCOMINGS).upper()
        document.shortcomings_heading = f"{ROMAN[part]}. {heading}"
        document.shortcomings = shortcomings
        part += 1
    if data.priorities:
        heading = f"{writer.label('priorities')} {writer.next_period_label}".strip()
        document.priorities_heading = f"{ROMAN[part]}. {heading.upper()}"
        document.priorities_intro = writer.priorities_intro()
        document.priorities = [Priority(*item) for item in writer.staff_priorities()]
    document.appendix = appendix(data, writer)
    return document


def _continued(narrative: list[str], generated: list[str], writer: Writer) -> list[str]:
    """The section's paragraphs: the staff's, then the figures; figures that continue the
    staff's last sentence ("Đồng thời, …", after it stated the period) join its paragraph, as
    the seed writes them."""
    if narrative and generated and generated[0].startswith(writer.CONNECTORS):
        return [*narrative[:-1], f"{narrative[-1]} {generated[0]}", *generated[1:]]
    return narrative + generated


def _in_language(vietnamese: str, english: str, in_english: bool) -> str:
    """A text of the board's profile in the report's language; in English, the Vietnamese one
    marked as such when the board has not written it."""
    if not in_english:
        return vietnamese
    if english or not vietnamese:
        return english
    from kcn.reports.wording.en import untranslated

    return untranslated(vietnamese)


def _recipients(data: ReportDataset, english: bool) -> list[str]:
    board = data.board
    if not english or board.recipients_en or not board.recipients:
        return board.recipients_en if english else board.recipients
    from kcn.reports.wording.en import untranslated

    return [untranslated(item) for item in board.recipients]


def _place_date(data: ReportDataset, writer: Writer) -> str:
    """ "Hưng Yên, ngày 28 tháng 3 năm 2022"; a draft leaves the day to the clerk: "Hưng Yên,
    ngày      tháng      năm      " (Decree 30: the date is the day the report is signed)."""
    board = data.board
    place = board.place_en or board.place if writer.lang == "en" else board.place
    lead = f"{place}, " if place else ""
    if data.issued_on is None:
        return lead + writer.label("blank_date").format(gap=GAP)
    return lead + style.long_date(data.issued_on, writer.lang)


def _rules(data: ReportDataset, writer: Writer, title: str) -> Rules:
    issuer = data.board.name_en if writer.lang == "en" and data.board.name_en else data.board.name
    issuer_line = measure.longest_line_mm(issuer, ISSUER_PT, ISSUER_WIDTH_MM, bold=True)
    motto = measure.longest_line_mm(writer.label("motto_2"), MOTTO_PT, MOTTO_WIDTH_MM, bold=True)
    title_line = measure.longest_line_mm(title, TITLE_PT, TEXT_WIDTH_MM, bold=True)
    return Rules(
        issuer_mm=round(issuer_line * SHORT_RULE, 1),
        motto_mm=round(motto, 1),
        title_mm=round(title_line * SHORT_RULE, 1),
    )


def _signature(document: ReportDocument, data: ReportDataset, english: bool) -> None:
    board = data.board
    authority = _in_language(board.signer_authority, board.signer_authority_en, english)
    title = _in_language(board.signer_title, board.signer_title_en, english)
    deputy = _in_language(board.signer_deputy_title, board.signer_deputy_title_en, english)
    if board.signer_authority and board.signer_deputy_title:
        document.signer_authority = f"{authority} {title}".strip()
        document.signer_title = deputy
    else:
        document.signer_title = title
    document.signer_name = board.signer_name


def targeted_codes(data: ReportDataset) -> list[str]:
    """The indicators with a target for the year, in registry order."""
    return [code for code, figure in data.indicators.items() if figure.target is not None]


def targets_table(data: ReportDataset, writer: Writer, number: int) -> Table | None:
    """The year's targets: the period, the year to date (only when it differs from the
    period: a report from 1 January has one column), the percent of the target."""
    codes = targeted_codes(data)
    if not codes:
        return None
    year = data.period.year
    with_ytd = not data.period.is_year_to_date
    header = [
        writer.label("col_indicator"),
        writer.label("col_unit"),
        writer.label("col_target").format(year=year),
        writer.label("col_period").format(period=writer.period_name),
    ]
    if with_ytd:
        header.append(writer.label("col_ytd").format(ytd=writer.ytd_name))
    header.append(writer.label("col_percent"))
    rows = []
    for code in codes:
        figure = data.figure(code)
        assert figure.target is not None
        target = table_amount(code, figure.target, writer.lang)
        if figure.target_max is not None:
            target = f"{target} - {table_amount(code, figure.target_max, writer.lang)}"
        percent = writer.percent_of_target(code)
        row = [
            writer.indicator_name(code),
            writer.unit(code),
            target,
            table_amount(code, writer.n(code), writer.lang),
        ]
        if with_ytd:
            row.append(table_amount(code, writer.ytd(code), writer.lang))
        row.append("" if percent is None else writer.whole_percent(percent))
        rows.append(row)
    heading = f"{number}. " + writer.label("targets_table").format(year=year)
    numeric = [False, False, *[True] * (len(header) - 2)]
    return Table(heading, header, rows, numeric=numeric)


def table_amount(code: str, amount: object, lang: str) -> str:
    """A figure in the table's unit: money in millions of USD / billions of đồng; a count in the
    text's style ("01 - 02", "08": the same as in the sentences)."""
    if amount is None:
        return "-"
    unit = INDICATORS[code].unit
    value = Decimal(str(amount))
    if unit is Unit.USD:
        return style.number(value / 1_000_000, 1, lang)
    if unit is Unit.VND:
        return style.number(value / 1_000_000_000, 1, lang)
    if unit is Unit.PERCENT:
        return style.number(value, style.honest_places(value, 1), lang)
    if unit is Unit.HA:
        return style.number(value, 1, lang)
    if unit in COUNT_UNITS and value == value.to_integral_value():
        return style.count(int(value), lang)
    return style.number(value, 0, lang)


def appendix(data: ReportDataset, writer: Writer) -> Appendix | None:
    """The period's new projects and capital changes by zone, or None when there are none."""
    if not data.capital_changes:
        return None
    label = writer.label
    rows: list[AppendixRow] = []
    zone = None
    for number, change in enumerate(data.capital_changes, start=1):
        if change.zone != zone:
            zone = change.zone
            rows.append(AppendixRow(zone=writer.zone_label(zone) if zone else "-"))
        rows.append(AppendixRow(cells=_appendix_row(number, change, writer)))
    board = data.board
    board_name = (
        writer.board if writer.lang == "en" else f"{board.name_in_text} {board.province}".strip()
    )
    if data.number and data.issued_on:
        subtitle = label("appendix_of").format(
            number=data.number,
            abbreviation=board.abbreviation,
            date=style.short_date(data.issued_on),
            board=board_name,
        )
    else:
        subtitle = label("appendix_of_draft").format(board=board_name)
    return Appendix(
        heading=label("appendix"),
        title=label("appendix_title").format(period=writer.period_name.upper()),
        subtitle=subtitle,
        header=[
            label("col_no"),
            label("col_project"),
            label("col_investor"),
            label("col_certificate"),
            label("col_change"),
            label("col_capital"),
        ],
        rows=rows,
        numeric=[True, False, False, False, False, True],
    )


def _appendix_row(number: int, change: CapitalChange, writer: Writer) -> list[str]:
    if change.event == "issued":
        what = writer.label("issued")
    else:
        what = writer.label("increased" if change.capital > 0 else "decreased")
    certificate = style.short_date(change.date)
    if change.certificate_no:
        certificate = f"{change.certificate_no}, {certificate}"
    investor = f"{change.investor} ({change.country})" if change.country else change.investor
    return [
        str(number),
        change.project,
        investor,
        certificate,
        what,
        appendix_amount(change.capital, change.currency, writer.lang),
    ]


def appendix_amount(amount: Decimal, currency: str, lang: str) -> str:
    """A certificate's capital to the thousand dollars or the million đồng, in the report's
    units: "98 triệu USD", "12,35 tỷ đồng"; a decrease with a minus sign."""
    if currency == "USD":
        figure = style.number(amount / 1_000_000, 3, lang)
        return f"{figure} triệu USD" if lang == "vi" else f"USD {figure} million"
    figure = style.number(amount / 1_000_000_000, 3, lang)
    return f"{figure} tỷ đồng" if lang == "vi" else f"VND {figure} billion"


def _charts(data: ReportDataset, writer: Writer) -> list[Chart]:
    year = data.period.year
    blocks: list[Chart] = []
    codes = targeted_codes(data)
    progress = [
        (writer.indicator_name(code), percent)
        for code in codes
        if (percent := writer.percent_of_target(code)) is not None
    ]

    def number(value: Decimal) -> str:
        return style.number(value, 1, writer.lang)

    if progress:
        caption = writer.label("chart_targets").format(year=year, ytd=writer.ytd_name)
        blocks.append(
            Chart(
                "targets",
                f"{writer.label('figure')} 1. {caption}",
                charts.progress_chart(
                    progress, writer.label("chart_percent_axis"), writer.whole_percent, number
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
        blocks.append(
            Chart(
                "months",
                f"{writer.label('figure')} {len(blocks) + 1}. {caption}",
                charts.monthly_chart(labels, series, number),
                "; ".join(
                    f"{name}: "
                    + ", ".join(
                        f"{label} {number(Decimal(str(value)))}"
                        for label, value in zip(labels, values, strict=True)
                    )
                    for name, values in series
                ),
            )
        )
    return blocks
