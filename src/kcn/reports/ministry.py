"""The board's statistical forms to the Ministry (Biểu 21xx.H.QLKKT), from the same records as
the report.

Each cell is an indicator of the registry or a sum over the records of an indicator's
drill-down (``kcn.indicators.drilldown``), narrowed to a zone and to FDI or domestic
projects; nothing is typed in. The forms' units are the Ministry's: FDI in million USD
(amounts in đồng at the rate in force on their day, as the indicators convert them),
domestic investment in billion đồng (amounts in dollars at the same rate); exports and
imports in million USD and payments to the budget in billion đồng for both, as they are
recorded. ``tests/reports/test_ministry.py`` checks each cell against its source.

- 2101: investment attracted into the zones in the period: new, increased, decreased and
  revoked projects and their capital; land leased; revenue, exports, imports, budget.
- 2104: production and business zone by zone, FDI and domestic: valid projects, their
  registered capital, operating projects, capital realised, revenue, exports, imports,
  budget, Vietnamese and foreign workers.
- 2106: workers in the zones, zone by zone.
- 2107: the zones in the master plan: planned area, the decision that planned it, the area
  whose investment policy is approved, what remains.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kcn.core import style
from kcn.core.errors import KcnError
from kcn.core.periods import Period
from kcn.indicators.drilldown import drilldown
from kcn.indicators.engine import compute_indicators
from kcn.indicators.sources import PROJECT_EVENTS
from kcn.projects import ledger
from kcn.projects.models import Project, ProjectEventKind
from kcn.reports.dataset import board_profile
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind

MILLION = Decimal(1_000_000)
BILLION = Decimal(1_000_000_000)
PLACES = Decimal("0.001")  # a thousand dollars, a million đồng
ORIGINS = ("foreign", "domestic")
RECEIVER = "Cục Đầu tư nước ngoài"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "number"  # "text", "count" or "number"
    group: str = ""  # the heading over a group of columns ("Dự án FDI")


@dataclass
class FormTable:
    heading: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    total: dict[str, Any] | None = None


@dataclass
class MinistryForm:
    code: str  # "2104"
    title: str  # "TÌNH HÌNH HOẠT ĐỘNG SẢN XUẤT KINH DOANH CỦA CÁC DỰ ÁN TRONG KCN"
    period: Period
    reporter: str  # the board, as the form names it
    tables: list[FormTable]
    notes: list[str] = field(default_factory=list)

    @property
    def symbol(self) -> str:
        return f"Biểu số {self.code}.H.QLKKT"


# --- Reading the records ----------------------------------------------------------------


def rounded(value: Decimal | int | float) -> Decimal:
    """A form's figure: to the thousand dollars or the million đồng, half up."""
    return Decimal(str(value)).quantize(PLACES, rounding=ROUND_HALF_UP)


def records(period: Period, code: str, *, zone: str = "") -> QuerySet[Any]:
    """The records behind ``code`` for ``period`` (its drill-down), of one zone if given."""
    found = drilldown(period, code)
    if not zone:
        return found.rows
    path = "zone__code" if found.indicator.source.name == "projects" else "project__zone__code"
    return found.rows.filter(**{path: zone})


def _decimal(value: Any) -> Decimal:
    return Decimal(0) if value is None else Decimal(str(value))


def usd_millions(rows: Iterable[dict[str, Any]], column: str) -> Decimal:
    """The sum of a USD (or USD-equivalent) column, in million USD."""
    return rounded(sum((_decimal(row[column]) for row in rows), Decimal(0)) / MILLION)


def vnd_billions(rows: Iterable[dict[str, Any]], amount: str) -> Decimal:
    """The sum of an amount in its currency as đồng (dollars at the row's rate), in billions."""
    total = Decimal(0)
    for row in rows:
        value = _decimal(row[amount])
        if value and row["currency"] == "USD":
            if row["rate"] is None:
                raise KcnError(
                    _(
                        "Project %(code)s: %(amount)s USD has no exchange rate in force to "
                        "state it in đồng; add a row to fx_rates."
                    )
                    % {"code": row.get("project__code", "?"), "amount": value}
                )
            value *= _decimal(row["rate"])
        total += value
    return rounded(total / BILLION)


def capital_of(codes: Iterable[str], as_of: dt.date) -> QuerySet[Any]:
    """The certificates that set the registered capital of projects ``codes`` by ``as_of``: their
    issue and every amendment of capital, with their rate and USD equivalent."""
    return (
        PROJECT_EVENTS.rows(as_of)
        .filter(
            project__code__in=list(codes),
            date__lte=as_of,
            event__in=(ProjectEventKind.ISSUED, ProjectEventKind.ADJUSTED),
            capital__isnull=False,
        )
        .values("project__code", "capital", "currency", "rate", "usd")
    )


def money(rows: Iterable[dict[str, Any]], origin: str, usd: str, amount: str) -> Decimal:
    """FDI in million USD (the USD-equivalent column), domestic in billion đồng."""
    rows = list(rows)
    return usd_millions(rows, usd) if origin == "foreign" else vnd_billions(rows, amount)


def zones_of(period: Period) -> list[Zone]:
    """The zones a form lists: those with a milestone by the period's end, in the order of the
    Vietnamese alphabet ("Minh Đức" before "Minh Quang")."""
    planned = ZoneEvent.objects.filter(date__lte=period.end).values("zone")
    return sorted(Zone.objects.filter(pk__in=planned), key=lambda zone: vietnamese_order(zone.name))


def vietnamese_order(text: str) -> tuple[str, str]:
    """A key that sorts Vietnamese the way a reader expects: "Đ" with "D", accents after."""
    plain = "".join(
        char
        for char in unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
        if not unicodedata.combining(char)
    )
    return plain.casefold(), text


def _period_line(period: Period) -> str:
    name = style.period_name(period, "vi")
    return (
        f"Kỳ báo cáo: {name} (từ ngày {style.short_date(period.start)} đến ngày "
        f"{style.short_date(period.end)})"
    )


def _reporter() -> str:
    board = board_profile()
    return f"{board.name_in_text} {board.province}".strip()


# --- 2101 -----------------------------------------------------------------------------------


def form_2101(period: Period) -> MinistryForm:
    """Investment attracted into the zones in the period."""
    values = compute_indicators(period)
    columns = [
        Column("no", "STT", "text"),
        Column("item", "Chỉ tiêu", "text"),
        Column("foreign_projects", "Số dự án", "count", "Dự án FDI"),
        Column("foreign_capital", "Vốn đầu tư (triệu USD)", "number", "Dự án FDI"),
        Column("domestic_projects", "Số dự án", "count", "Dự án đầu tư trong nước"),
        Column("domestic_capital", "Vốn đầu tư (tỷ đồng)", "number", "Dự án đầu tư trong nước"),
    ]

    def row(
        no: str, item: str, projects: Callable[[str], int], capital: Callable[[str], Decimal]
    ) -> dict[str, Any]:
        cells: dict[str, Any] = {"no": no, "item": item}
        for origin in ORIGINS:
            cells[f"{origin}_projects"] = projects(origin)
            cells[f"{origin}_capital"] = capital(origin)
        return cells

    def new(origin: str) -> Decimal:
        return money(records(period, f"new_projects.{origin}"), origin, "usd", "capital")

    def increased(origin: str) -> Decimal:
        return money(records(period, f"increased_projects.{origin}"), origin, "usd", "capital")

    def decreased_rows(origin: str) -> list[dict[str, Any]]:
        return list(records(period, f"decreased_capital_usd_equiv.{origin}"))

    def decreased(origin: str) -> Decimal:
        return -money(decreased_rows(origin), origin, "usd", "capital")

    def revoked_codes(origin: str) -> list[str]:
        return [row["project__code"] for row in records(period, f"projects_terminated.{origin}")]

    def revoked(origin: str) -> Decimal:
        return money(capital_of(revoked_codes(origin), period.end), origin, "usd", "capital")

    def count(code: str) -> Callable[[str], int]:
        return lambda origin: int(values[f"{code}.{origin}"].value or 0)

    investment = FormTable(
        "I. Thu hút đầu tư",
        columns,
        [
            row("1", "Dự án cấp mới", count("new_projects"), new),
            row("2", "Dự án điều chỉnh tăng vốn", count("increased_projects"), increased),
            row(
                "3",
                "Dự án điều chỉnh giảm vốn",
                lambda origin: len({r["project__code"] for r in decreased_rows(origin)}),
                decreased,
            ),
            row(
                "4",
                "Dự án thu hồi, chấm dứt hoạt động",
                lambda origin: len(revoked_codes(origin)),
                revoked,
            ),
        ],
    )
    business_columns = [
        Column("no", "STT", "text"),
        Column("item", "Chỉ tiêu", "text"),
        Column("unit_foreign", "Đơn vị tính", "text", "Dự án FDI"),
        Column("foreign", "Giá trị", "number", "Dự án FDI"),
        Column("unit_domestic", "Đơn vị tính", "text", "Dự án đầu tư trong nước"),
        Column("domestic", "Giá trị", "number", "Dự án đầu tư trong nước"),
        Column("total", "Tổng số", "number"),
    ]
    leased = values["land_leased_ha"].value or 0
    # Land is leased by zone, not by project: its area has no split by origin.
    land: dict[str, Any] = {"no": "5", "item": "Diện tích đất công nghiệp cho thuê"}
    land |= {"unit_foreign": "ha", "foreign": None, "unit_domestic": "ha", "domestic": None}
    land["total"] = rounded(leased)
    business = [land]
    for no, item, code, usd, amount in (
        ("6", "Doanh thu", "revenue_usd_equiv", "revenue_usd", "revenue"),
        ("7", "Kim ngạch xuất khẩu", "exports_usd", "exports_usd", ""),
        ("8", "Kim ngạch nhập khẩu", "imports_usd", "imports_usd", ""),
        ("9", "Nộp ngân sách nhà nước", "budget_paid_vnd", "", "budget_paid_vnd"),
    ):
        cells: dict[str, Any] = {"no": no, "item": item, "total": None}
        for origin in ORIGINS:
            rows = list(records(period, f"{code}.{origin}"))
            if not amount:  # trade: in USD for both
                cells[f"unit_{origin}"], cells[origin] = "triệu USD", usd_millions(rows, usd)
            elif not usd:  # the budget: in đồng for both
                cells[f"unit_{origin}"] = "tỷ đồng"
                cells[origin] = rounded(sum(_decimal(r[amount]) for r in rows) / BILLION)
            else:
                cells[f"unit_{origin}"] = "triệu USD" if origin == "foreign" else "tỷ đồng"
                cells[origin] = money(rows, origin, usd, amount)
        if cells["unit_foreign"] == cells["unit_domestic"]:
            cells["total"] = cells["foreign"] + cells["domestic"]
        business.append(cells)
    return MinistryForm(
        code="2101",
        title="TÌNH HÌNH THU HÚT ĐẦU TƯ VÀO CÁC KHU CÔNG NGHIỆP",
        period=period,
        reporter=_reporter(),
        tables=[
            investment,
            FormTable(
                "II. Đất cho thuê và kết quả sản xuất kinh doanh", business_columns, business
            ),
        ],
        notes=[
            "Vốn của dự án FDI quy đổi ra đô la Mỹ, của dự án đầu tư trong nước ra đồng, theo tỷ "
            "giá áp dụng tại ngày của từng Giấy chứng nhận đăng ký đầu tư hoặc báo cáo.",
            "Dự án thu hồi, chấm dứt hoạt động: vốn đầu tư đăng ký của dự án tại ngày chấm dứt.",
            "Doanh thu, xuất khẩu, nhập khẩu, nộp ngân sách: theo báo cáo tình hình thực hiện dự "
            "án của doanh nghiệp được Ban Quản lý chấp nhận.",
        ],
    )


# --- 2104 -----------------------------------------------------------------------------------

BUSINESS_COLUMNS = (
    ("valid", "Số dự án còn hiệu lực", "count"),
    ("registered", "Vốn đầu tư đăng ký", "number"),
    ("operating", "Số dự án đang hoạt động", "count"),
    ("realized", "Vốn đầu tư thực hiện", "number"),
    ("revenue", "Doanh thu", "number"),
    ("exports", "Xuất khẩu (triệu USD)", "number"),
    ("imports", "Nhập khẩu (triệu USD)", "number"),
    ("budget", "Nộp ngân sách (tỷ đồng)", "number"),
    ("workers_vn", "Lao động Việt Nam (người)", "count"),
    ("workers_foreign", "Lao động nước ngoài (người)", "count"),
)
GROUPS = {
    "foreign": "Dự án FDI (vốn: triệu USD)",
    "domestic": "Dự án đầu tư trong nước (vốn: tỷ đồng)",
}


def workers(period: Period, origin: str = "", zone: str = "") -> tuple[int, int]:
    """Vietnamese and foreign workers of the valid projects on the period's last day, from
    each project's latest labour report (the rows of ``workforce``)."""
    rows = list(records(period, "workforce", zone=zone))
    if origin:
        rows = [row for row in rows if row["origin"] == origin]
    employees = sum(int(row["employees"] or 0) for row in rows)
    foreign = (
        Project.objects.filter(pk__in=[row["pk"] for row in rows])
        .annotate(foreign=ledger.latest_labor_report(period.end, "foreign_employees"))
        .values_list("foreign", flat=True)
    )
    foreigners = sum(int(value or 0) for value in foreign)
    return employees - foreigners, foreigners


def business_of(period: Period, origin: str, zone: str = "") -> dict[str, Any]:
    """The 2104 figures of one origin, in one zone or in all."""

    def rows(code: str) -> list[dict[str, Any]]:
        return list(records(period, f"{code}.{origin}", zone=zone))

    valid = rows("valid_projects")
    vietnamese, foreign = workers(period, origin, zone)
    registered = capital_of([row["code"] for row in valid], period.end)
    return {
        "valid": len(valid),
        "registered": money(registered, origin, "usd", "capital"),
        "operating": len(rows("operating_projects")),
        "realized": money(rows("capital_realized_usd_equiv"), origin, "capital_usd",
                          "capital_realized"),
        "revenue": money(rows("revenue_usd_equiv"), origin, "revenue_usd", "revenue"),
        "exports": usd_millions(rows("exports_usd"), "exports_usd"),
        "imports": usd_millions(rows("imports_usd"), "imports_usd"),
        "budget": rounded(
            sum((_decimal(r["budget_paid_vnd"]) for r in rows("budget_paid_vnd")), Decimal(0))
            / BILLION
        ),
        "workers_vn": vietnamese,
        "workers_foreign": foreign,
    }  # fmt: skip


def form_2104(period: Period) -> MinistryForm:
    """Production and business of the projects, zone by zone, FDI and domestic."""
    columns = [Column("no", "STT", "text"), Column("zone", "Khu công nghiệp", "text")]
    for origin in ORIGINS:
        columns += [
            Column(f"{origin}_{key}", label, kind, GROUPS[origin])
            for key, label, kind in BUSINESS_COLUMNS
        ]

    def cells(zone: str = "") -> dict[str, Any]:
        found: dict[str, Any] = {}
        for origin in ORIGINS:
            found |= {
                f"{origin}_{key}": value for key, value in business_of(period, origin, zone).items()
            }
        return found

    rows = [
        {"no": str(number), "zone": zone.name, **cells(zone.code)}
        for number, zone in enumerate(zones_of(period), start=1)
    ]
    return MinistryForm(
        code="2104",
        title="TÌNH HÌNH HOẠT ĐỘNG SẢN XUẤT KINH DOANH CỦA CÁC DỰ ÁN TRONG KHU CÔNG NGHIỆP",
        period=period,
        reporter=_reporter(),
        tables=[FormTable("", columns, rows, total={"no": "", "zone": "Tổng số", **cells()})],
        notes=[
            "Dự án còn hiệu lực, đang hoạt động, vốn đầu tư đăng ký và lao động: tại ngày cuối kỳ "
            "báo cáo. Vốn thực hiện, doanh thu, xuất khẩu, nhập khẩu, nộp ngân sách: trong kỳ, "
            "theo báo cáo của doanh nghiệp được Ban Quản lý chấp nhận.",
            "Lao động theo báo cáo tình hình sử dụng lao động gần nhất của từng dự án.",
        ],
    )


# --- 2106 -----------------------------------------------------------------------------------


def form_2106(period: Period) -> MinistryForm:
    """Workers in the zones, zone by zone."""
    columns = [
        Column("no", "STT", "text"),
        Column("zone", "Khu công nghiệp", "text"),
        Column("total", "Tổng số lao động", "count"),
        Column("vietnamese", "Lao động Việt Nam", "count", "Trong đó"),
        Column("foreign", "Lao động nước ngoài", "count", "Trong đó"),
        Column("in_fdi", "Trong doanh nghiệp FDI", "count", "Theo loại dự án"),
        Column("in_domestic", "Trong doanh nghiệp trong nước", "count", "Theo loại dự án"),
        Column("new_jobs", "Việc làm mới trong kỳ", "count"),
    ]

    def cells(zone: str = "") -> dict[str, Any]:
        vietnamese, foreign = workers(period, zone=zone)
        by_origin = {origin: sum(workers(period, origin, zone)) for origin in ORIGINS}
        jobs = sum(int(row["new_jobs"] or 0) for row in records(period, "jobs_created", zone=zone))
        return {
            "total": vietnamese + foreign,
            "vietnamese": vietnamese,
            "foreign": foreign,
            "in_fdi": by_origin["foreign"],
            "in_domestic": by_origin["domestic"],
            "new_jobs": jobs,
        }

    rows = [
        {"no": str(number), "zone": zone.name, **cells(zone.code)}
        for number, zone in enumerate(zones_of(period), start=1)
    ]
    return MinistryForm(
        code="2106",
        title="TÌNH HÌNH LAO ĐỘNG TRONG CÁC KHU CÔNG NGHIỆP",
        period=period,
        reporter=_reporter(),
        tables=[FormTable("", columns, rows, total={"no": "", "zone": "Tổng số", **cells()})],
        notes=[
            "Lao động tại ngày cuối kỳ, theo báo cáo tình hình sử dụng lao động gần nhất của các "
            "dự án còn hiệu lực; việc làm mới theo các báo cáo có kỳ kết thúc trong kỳ báo cáo."
        ],
    )


# --- 2107 -----------------------------------------------------------------------------------


def _decision(event: ZoneEvent | None) -> str:
    if event is None:
        return ""
    when = style.short_date(event.date)
    return f"{event.document}, ngày {when}" if event.document else f"ngày {when}"


def form_2107(period: Period) -> MinistryForm:
    """The zones in the master plan: planned area, the decision, the area approved, the rest."""
    columns = [
        Column("no", "STT", "text"),
        Column("zone", "Khu công nghiệp", "text"),
        Column("district", "Địa điểm (huyện, thị xã)", "text"),
        Column("planned_area", "Diện tích quy hoạch (ha)", "number"),
        Column("planned_by", "Quyết định đưa vào quy hoạch (số, ngày)", "text"),
        Column("approved_area", "Diện tích đã chấp thuận chủ trương đầu tư (ha)", "number"),
        Column("approved_by", "Quyết định chủ trương đầu tư (số, ngày)", "text"),
        Column("remaining_area", "Diện tích còn lại (ha)", "number"),
    ]
    rows = []
    totals: dict[str, Decimal] = dict.fromkeys(("planned_area", "approved_area", "remaining_area"),
                                              Decimal(0))  # fmt: skip
    for number, zone in enumerate(zones_of(period), start=1):
        events = ZoneEvent.objects.filter(zone=zone, date__lte=period.end).order_by("date", "pk")
        planned = events.filter(event=ZoneEventKind.PLANNED).first()
        approval = events.filter(event=ZoneEventKind.POLICY_APPROVED).first()
        area = rounded(zone.area_ha or 0)
        approved = area if approval is not None else Decimal(0)
        areas = {"planned_area": area, "approved_area": approved, "remaining_area": area - approved}
        for key, value in areas.items():
            totals[key] += value
        rows.append(
            {
                "no": str(number), "zone": zone.name, "district": zone.district, **areas,
                "planned_by": _decision(planned), "approved_by": _decision(approval),
            }
        )  # fmt: skip
    return MinistryForm(
        code="2107",
        title="CÁC KHU CÔNG NGHIỆP TRONG QUY HOẠCH",
        period=period,
        reporter=_reporter(),
        tables=[
            FormTable(
                "",
                columns,
                rows,
                total={
                    "no": "",
                    "zone": "Tổng số",
                    "district": "",
                    "planned_by": "",
                    "approved_by": "",
                    **totals,
                },
            )
        ],
        notes=[
            "Diện tích quy hoạch là diện tích của khu công nghiệp; diện tích đã chấp thuận chủ "
            "trương đầu tư là diện tích của các khu công nghiệp đã có quyết định chủ trương đầu "
            "tư đến ngày cuối kỳ báo cáo."
        ],
    )


FORMS: dict[str, Callable[[Period], MinistryForm]] = {
    "2101": form_2101,
    "2104": form_2104,
    "2106": form_2106,
    "2107": form_2107,
}


def ministry_form(code: str, period: Period) -> MinistryForm:
    """The form ``code`` of ``period``; ``KcnError`` for a form kcn does not fill."""
    maker = FORMS.get(code.removesuffix(".H.QLKKT"))
    if maker is None:
        raise KcnError(
            _("Form %(code)s is not one kcn fills; it fills %(forms)s.")
            % {"code": code, "forms": ", ".join(FORMS)}
        )
    return maker(period)
