"""The sheets of the one-stop shop: procedures, the calendar's overrides, dossiers
(docs/reference/workbook.md, ``procedures``, ``calendar``, ``dossiers``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kcn.audit.models import VOID_FIELDS
from kcn.core.cells import POSITIVE_INT, read_choice, read_code, read_date
from kcn.core.sheets import Check, Column, Lookup, Sheet
from kcn.dossiers.models import CalendarDay, CalendarDayKind, Channel, Dossier, Procedure, Result
from kcn.dossiers.rules import check_due_on, check_resolved_on

PROCEDURES = Sheet(
    "procedures",
    "Thủ tục hành chính",
    Procedure,
    key=("code",),
    columns=(
        Column("code", "Mã thủ tục", read_code, required=True),
        Column("name", "Tên thủ tục", required=True),
        Column("working_days", "Thời hạn (ngày làm việc)", POSITIVE_INT, required=True),
    ),
)
PROCEDURE = Lookup("procedures", "code", gettext_lazy("procedure"))

CALENDAR = Sheet(
    "calendar",
    "Lịch làm việc",
    CalendarDay,
    key=("date",),
    columns=(
        # A day off or a make-up working day is declared ahead of it.
        Column("date", "Ngày", read_date, required=True, future=True),
        Column("kind", "Loại ngày", read_choice(CalendarDayKind.values), required=True),
    ),
)

DOSSIERS = Sheet(
    "dossiers",
    "Hồ sơ TTHC",
    Dossier,
    key=("code",),
    columns=(
        Column("code", "Số biên nhận", read_code, required=True),
        Column("procedure_code", "Mã thủ tục", required=True, field="procedure", lookup=PROCEDURE),
        Column("applicant", "Tổ chức, cá nhân nộp"),
        Column("received_on", "Ngày tiếp nhận", read_date, required=True),
        # Empty: the procedure's working days after the receipt, on the board's calendar
        # (dossiers.rules.due_date, applied by the import's loader).
        Column(
            "due_on",
            "Ngày hẹn trả",
            read_date,
            future=True,
            checks=(Check(check_due_on, ("received_on", "due_on")),),
        ),
        Column(
            "resolved_on",
            "Ngày trả kết quả",
            read_date,
            checks=(Check(check_resolved_on, ("received_on", "resolved_on")),),
        ),
        Column("channel", "Hình thức nộp", read_choice(Channel.values)),
        Column("result", "Kết quả", read_choice(Result.values)),
    ),
    order=("received_on", "code"),
    app_only=VOID_FIELDS,  # a voided dossier is left out of the workbook (decision 0014)
)
