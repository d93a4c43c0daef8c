"""The sheet of enterprises' quarterly reports (docs/reference/workbook.md,
``project_reports``): form A.III.1 of each project for each quarter, as sent to the board.

Only sent reports are in a workbook: an enterprise's drafts stay in the app.
The import also checks, against the project's ledger, that the project
reports for the quarter (``exchange/loaders.py``, ``ProjectReportLoader``).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from kcn.core.cells import NON_NEGATIVE, NON_NEGATIVE_INT, read_choice, read_date
from kcn.core.errors import KcnError
from kcn.core.sheets import Check, Column, Sheet
from kcn.enterprise_reports.models import ProjectReport, ReportStatus
from kcn.enterprise_reports.rules import check_headcount, check_submitted_on, quarter_span
from kcn.projects.sheets import PROJECT

# The states a workbook row may have: sent reports (a draft is not the board's).
SHEET_STATES = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, ReportStatus.RETURNED)


def quarter_code(text: str) -> str:
    """``2022-q1`` → ``2022-Q1``; anything but a quarter is refused."""
    return quarter_span(text).code


def check_submitted(period: str | None, submitted_on: dt.date | None) -> str | None:
    """A report is sent once its quarter is over, and not after the day of the import."""
    if period is None or submitted_on is None:
        return None
    try:
        span = quarter_span(period)
    except KcnError:
        return None  # the period's own problem is reported on its column
    return check_submitted_on(span, submitted_on, timezone.localdate())


PROJECT_REPORTS = Sheet(
    "project_reports",
    "Báo cáo tình hình thực hiện dự án",
    ProjectReport,
    key=("project_code", "period"),
    columns=(
        Column("project_code", "Mã số dự án", required=True, field="project", lookup=PROJECT),
        Column("period", "Quý báo cáo", required=True, clean=quarter_code),
        Column(
            "submitted_on",
            "Ngày nộp",
            read_date,
            required=True,
            checks=(Check(check_submitted, ("period", "submitted_on")),),
        ),
        Column(
            "status",
            "Trạng thái",
            read_choice([str(state) for state in SHEET_STATES]),
            default=ReportStatus.ACCEPTED,
        ),
        Column("capital_realized", "Vốn đầu tư thực hiện", NON_NEGATIVE),
        Column("revenue", "Doanh thu thuần", NON_NEGATIVE),
        Column("exports_usd", "Xuất khẩu (USD)", NON_NEGATIVE),
        Column("imports_usd", "Nhập khẩu (USD)", NON_NEGATIVE),
        Column("budget_paid_vnd", "Nộp ngân sách nhà nước (đồng)", NON_NEGATIVE),
        Column("employees", "Số lao động", NON_NEGATIVE_INT),
        Column(
            "foreign_employees",
            "Trong đó người nước ngoài",
            NON_NEGATIVE_INT,
            checks=(Check(check_headcount, ("employees", "foreign_employees")),),
        ),
        Column("land_used_m2", "Diện tích đất, mặt nước sử dụng (m²)", NON_NEGATIVE),
        Column("note", "Khó khăn, vướng mắc và kiến nghị"),
    ),
    derived=("period_end",),
    order=("period_end", "project__code"),
    exported=~Q(status=ReportStatus.DRAFT),
    # The detail of capital realized and the review are the app's: not in the workbook.
    app_only=(
        "capital_contributed",
        "capital_loans",
        "capital_reinvested",
        "return_reason",
        "submitted_by",
        "reviewed_by",
        "reviewed_at",
    ),
)
