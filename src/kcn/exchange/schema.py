"""The sheets and columns of the exchange workbook (docs/reference/workbook.md).

Each column has its English key and its Vietnamese label; a workbook may
head a column with either. The export writes the labels. Sheets are listed
in the order an import loads them: what a row refers to is loaded first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from kcn.core.money import Currency
from kcn.documents.models import Direction
from kcn.dossiers.models import CalendarDayKind, Channel, Result
from kcn.exchange.cells import (
    Reader,
    at_least,
    read_boolean,
    read_choice,
    read_date,
    read_decimal,
    read_integer,
    read_text,
)
from kcn.projects.models import InspectionKind, Origin, ProjectEventKind, ProjectKind
from kcn.reports.sections import Section
from kcn.zones.models import ZoneEventKind

NON_NEGATIVE = at_least(read_decimal, Decimal(0))
POSITIVE = at_least(read_decimal, Decimal(0), strict=True)
NON_NEGATIVE_INT = at_least(read_integer, 0)
POSITIVE_INT = at_least(read_integer, 0, strict=True)


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Vietnamese header written by the export
    read: Reader = read_text
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    label: str
    key: tuple[str, ...]  # columns that identify a row; () = matched on all columns
    columns: tuple[Column, ...]
    by_header: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for column in self.columns:
            self.by_header[normalize_header(column.key)] = column.key
            self.by_header[normalize_header(column.label)] = column.key

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]

    @property
    def labels(self) -> list[str]:
        return [column.label for column in self.columns]

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


def normalize_header(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _values(choices: type) -> list[str]:
    return [str(choice) for choice in choices]  # type: ignore[attr-defined]


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "investors",
        "Nhà đầu tư",
        ("code",),
        (
            Column("code", "Mã số thuế / mã nhà đầu tư", required=True),
            Column("name", "Tên nhà đầu tư", required=True),
            Column("country", "Quốc gia", required=True),
        ),
    ),
    Sheet(
        "zones",
        "Khu công nghiệp",
        ("code",),
        (
            Column("code", "Mã KCN", required=True),
            Column("name", "Tên KCN", required=True),
            Column("province", "Tỉnh"),
            Column("district", "Huyện, thị xã"),
            Column("area_ha", "Diện tích quy hoạch (ha)", NON_NEGATIVE),
            Column("industrial_land_ha", "Diện tích đất công nghiệp (ha)", NON_NEGATIVE),
            Column("parent_code", "Thuộc KCN"),
            Column("developer", "Chủ đầu tư hạ tầng"),
            Column("geometry", "Ranh giới (GeoJSON)"),
        ),
    ),
    Sheet(
        "zone_events",
        "Tiến trình KCN",
        (),
        (
            Column("zone_code", "Mã KCN", required=True),
            Column("date", "Ngày", read_date, required=True),
            Column("event", "Sự kiện", read_choice(ZoneEventKind.values), required=True),
            Column("area_ha", "Diện tích (ha)", NON_NEGATIVE),
            Column("document", "Văn bản"),
        ),
    ),
    Sheet(
        "projects",
        "Dự án",
        ("code",),
        (
            Column("code", "Mã số dự án", required=True),
            Column("name", "Tên dự án", required=True),
            Column("zone_code", "Mã KCN", required=True),
            Column("investor", "Nhà đầu tư", required=True),
            Column("kind", "Loại dự án", read_choice(ProjectKind.values)),
            Column("origin", "Nguồn vốn", read_choice(Origin.values), required=True),
            Column("sector", "Ngành (VSIC)"),
            Column("land_ha", "Diện tích đất (ha)", NON_NEGATIVE),
        ),
    ),
    Sheet(
        "project_events",
        "GCNĐKĐT và biến động dự án",
        (),
        (
            Column("project_code", "Mã số dự án", required=True),
            Column("date", "Ngày", read_date, required=True),
            Column("event", "Sự kiện", read_choice(ProjectEventKind.values), required=True),
            Column("capital", "Vốn đầu tư", read_decimal),
            Column("currency", "Loại tiền", read_choice(_values(Currency))),
            Column("certificate_no", "Số GCNĐKĐT"),
            Column("note", "Ghi chú"),
        ),
    ),
    Sheet(
        "fx_rates",
        "Tỷ giá",
        ("currency", "valid_from"),
        (
            Column("currency", "Loại tiền", read_choice([Currency.USD.value]), required=True),
            Column("valid_from", "Áp dụng từ ngày", read_date, required=True),
            Column("vnd_per_unit", "Số đồng cho một đơn vị", POSITIVE, required=True),
        ),
    ),
    Sheet(
        "labor_reports",
        "Báo cáo lao động",
        ("project_code", "period_end"),
        (
            Column("project_code", "Mã số dự án", required=True),
            Column("period_end", "Đến ngày", read_date, required=True),
            Column("employees", "Số lao động", NON_NEGATIVE_INT, required=True),
            Column("foreign_employees", "Trong đó người nước ngoài", NON_NEGATIVE_INT),
            Column("new_jobs", "Việc làm mới trong kỳ", NON_NEGATIVE_INT),
        ),
    ),
    Sheet(
        "procedures",
        "Thủ tục hành chính",
        ("code",),
        (
            Column("code", "Mã thủ tục", required=True),
            Column("name", "Tên thủ tục", required=True),
            Column("working_days", "Thời hạn (ngày làm việc)", POSITIVE_INT, required=True),
        ),
    ),
    Sheet(
        "calendar",
        "Lịch làm việc",
        ("date",),
        (
            Column("date", "Ngày", read_date, required=True),
            Column("kind", "Loại ngày", read_choice(CalendarDayKind.values), required=True),
        ),
    ),
    Sheet(
        "dossiers",
        "Hồ sơ TTHC",
        ("code",),
        (
            Column("code", "Số biên nhận", required=True),
            Column("procedure_code", "Mã thủ tục", required=True),
            Column("applicant", "Tổ chức, cá nhân nộp"),
            Column("received_on", "Ngày tiếp nhận", read_date, required=True),
            Column("due_on", "Ngày hẹn trả", read_date),
            Column("resolved_on", "Ngày trả kết quả", read_date),
            Column("channel", "Hình thức nộp", read_choice(Channel.values)),
            Column("result", "Kết quả", read_choice(Result.values)),
        ),
    ),
    Sheet(
        "inspections",
        "Giám sát, kiểm tra",
        (),
        (
            Column("project_code", "Mã số dự án", required=True),
            Column("date", "Ngày", read_date, required=True),
            Column("kind", "Hình thức", read_choice(InspectionKind.values), required=True),
            Column("violation", "Có vi phạm", read_boolean),
            Column("note", "Ghi chú"),
        ),
    ),
    Sheet(
        "documents",
        "Văn bản",
        ("symbol",),
        (
            Column("symbol", "Số, ký hiệu", required=True),
            Column("date", "Ngày ban hành", read_date, required=True),
            Column("type", "Loại văn bản"),
            Column("title", "Trích yếu"),
            Column("issuer", "Cơ quan ban hành"),
            Column("direction", "Văn bản đến/đi", read_choice(Direction.values), required=True),
            Column("secret", "Văn bản mật", read_boolean),
            Column("digitized", "Đã số hóa", read_boolean),
            Column("electronic", "Gửi, nhận điện tử", read_boolean),
            Column("parent_symbol", "Thuộc kế hoạch"),
        ),
    ),
    Sheet(
        "targets",
        "Chỉ tiêu giao",
        ("year", "indicator"),
        (
            Column("year", "Năm", POSITIVE_INT, required=True),
            Column("indicator", "Chỉ tiêu", required=True),
            Column("target", "Kế hoạch", read_decimal, required=True),
            Column("target_max", "Kế hoạch (mức cao)", read_decimal),
            Column("assigned_by", "Văn bản giao"),
            Column("description", "Diễn giải"),
        ),
    ),
    Sheet(
        "narratives",
        "Nội dung báo cáo",
        ("period", "section"),
        (
            Column("period", "Kỳ báo cáo", required=True),
            Column("section", "Mục", read_choice(Section.values), required=True),
            Column("text", "Nội dung", required=True),
        ),
    ),
    Sheet(
        "priorities",
        "Nhiệm vụ trọng tâm",
        ("period", "order"),
        (
            Column("period", "Kỳ", required=True),
            Column("order", "Thứ tự", POSITIVE_INT, required=True),
            Column("text", "Nội dung", required=True),
        ),
    ),
)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}

# The order of docs/reference/workbook.md, used when writing a workbook.
WORKBOOK_ORDER = (
    "zones",
    "zone_events",
    "investors",
    "projects",
    "project_events",
    "fx_rates",
    "labor_reports",
    "procedures",
    "dossiers",
    "calendar",
    "inspections",
    "documents",
    "targets",
    "narratives",
    "priorities",
)
