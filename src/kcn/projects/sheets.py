"""The sheets of projects, their ledger, exchange rates, labor reports and inspections
(docs/reference/workbook.md, ``projects`` … ``inspections``)."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy

from kcn.audit.models import VOID_FIELDS
from kcn.core.cells import (
    NON_NEGATIVE,
    NON_NEGATIVE_INT,
    POSITIVE,
    read_boolean,
    read_choice,
    read_code,
    read_date,
    read_decimal,
)
from kcn.core.money import Currency
from kcn.core.sheets import Check, Column, Lookup, Sheet, choices
from kcn.investors.sheets import INVESTOR
from kcn.projects.models import (
    EVENT_RANK,
    ExchangeRate,
    Inspection,
    InspectionKind,
    LaborReport,
    Origin,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.projects.rules import check_capital, check_foreign_employees
from kcn.zones.sheets import ZONE

# How another sheet names a project (its events, labor reports, inspections).
PROJECT = Lookup("projects", "code", gettext_lazy("project"))

PROJECTS = Sheet(
    "projects",
    "Dự án",
    Project,
    key=("code",),
    columns=(
        Column("code", "Mã số dự án", read_code, required=True),
        Column("name", "Tên dự án", required=True),
        Column("zone_code", "Mã KCN", required=True, field="zone", lookup=ZONE),
        Column("investor", "Nhà đầu tư", required=True, lookup=INVESTOR),
        Column("kind", "Loại dự án", read_choice(ProjectKind.values)),
        Column("origin", "Nguồn vốn", read_choice(Origin.values), required=True),
        Column("sector", "Ngành (VSIC)"),
        Column("land_ha", "Diện tích đất (ha)", NON_NEGATIVE),
    ),
)

# Events of one day in the ledger's order: issued < adjusted < … < terminated.
EVENT_ORDER = Case(
    *(When(event=kind, then=Value(rank)) for kind, rank in EVENT_RANK.items()),
    output_field=IntegerField(),
)

# The ledger: besides these columns' rules, the import checks each project's events in
# date order (projects.rules.check_ledger) and a second 'issued', 'operational' or
# 'terminated' against the database (exchange/loaders.py, ProjectEventLoader).
PROJECT_EVENTS = Sheet(
    "project_events",
    "GCNĐKĐT và biến động dự án",
    ProjectEvent,
    key=(),
    columns=(
        Column("project_code", "Mã số dự án", required=True, field="project", lookup=PROJECT),
        Column("date", "Ngày", read_date, required=True),
        Column("event", "Sự kiện", read_choice(ProjectEventKind.values), required=True),
        # For an 'adjusted' event, 0 without a currency is stored as no change
        # (projects.rules.amendment_capital, applied before the check).
        Column(
            "capital",
            "Vốn đầu tư",
            read_decimal,
            checks=(Check(check_capital, ("event", "capital", "currency")),),
        ),
        Column("currency", "Loại tiền", read_choice(choices(Currency))),
        Column("certificate_no", "Số GCNĐKĐT"),
        Column("note", "Ghi chú"),
    ),
    order=("project__code", "date", EVENT_ORDER, "id"),
    app_only=VOID_FIELDS,  # a voided event is left out of the workbook (decision 0014)
)

FX_RATES = Sheet(
    "fx_rates",
    "Tỷ giá",
    ExchangeRate,
    key=("currency", "valid_from"),
    columns=(
        Column("currency", "Loại tiền", read_choice([Currency.USD.value]), required=True),
        Column("valid_from", "Áp dụng từ ngày", read_date, required=True),
        Column("vnd_per_unit", "Số đồng cho một đơn vị", POSITIVE, required=True),
    ),
)

LABOR_REPORTS = Sheet(
    "labor_reports",
    "Báo cáo lao động",
    LaborReport,
    key=("project_code", "period_end"),
    columns=(
        Column("project_code", "Mã số dự án", required=True, field="project", lookup=PROJECT),
        Column("period_end", "Đến ngày", read_date, required=True),
        Column("employees", "Số lao động", NON_NEGATIVE_INT, required=True),
        Column(
            "foreign_employees",
            "Trong đó người nước ngoài",
            NON_NEGATIVE_INT,
            checks=(Check(check_foreign_employees, ("employees", "foreign_employees")),),
        ),
        Column("new_jobs", "Việc làm mới trong kỳ", NON_NEGATIVE_INT),
    ),
    app_only=VOID_FIELDS,
)

INSPECTIONS = Sheet(
    "inspections",
    "Giám sát, kiểm tra",
    Inspection,
    key=(),
    columns=(
        Column("project_code", "Mã số dự án", required=True, field="project", lookup=PROJECT),
        Column("date", "Ngày", read_date, required=True),
        Column("kind", "Hình thức", read_choice(InspectionKind.values), required=True),
        Column("violation", "Có vi phạm", read_boolean),
        Column("note", "Ghi chú"),
    ),
    order=("date", "project__code", "id"),
)
