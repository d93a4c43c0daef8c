"""The demo's enterprise users, and the review of some of their reports.

Three investors of the demo get an enterprise user each, chosen for what
their home page shows: one whose 2022-Q2 report waits for the board's
review, one that has not sent it, one whose report the board returned with a
reason. The board returns reports of 2022-Q2 through the same service its
staff use, so the inbox of 2022-Q2 shows returned reports with their reasons.
Loading twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from kcn.accounts.models import Role, User
from kcn.accounts.services import user_create_or_update
from kcn.enterprise_reports import services
from kcn.enterprise_reports.models import Obligation, ProjectReport, ReportStatus
from kcn.investors.models import Investor

PERIOD = "2022-Q2"

# Why the board returns a report: what a specialist writes, by the figure at fault.
RETURN_REASONS = (
    "Doanh thu thuần ghi theo đơn vị nghìn đồng; đề nghị ghi theo đơn vị tiền của Giấy chứng "
    "nhận đăng ký đầu tư.",
    "Số lao động cuối quý chưa khớp với báo cáo tình hình sử dụng lao động; đề nghị kiểm tra "
    "và bổ sung số lao động người nước ngoài.",
    "Thiếu vốn đầu tư thực hiện trong quý; đề nghị bổ sung theo mục A mẫu A.III.1.",
)


@dataclass(frozen=True)
class DemoEnterprise:
    username: str
    investor: Investor
    shows: str  # what its home page shows


def load_demo_enterprises(password: str) -> list[DemoEnterprise]:
    """Return three reports of 2022-Q2 and give three investors an enterprise user."""
    _return_some_reports()
    chosen: list[tuple[str, Callable[[], Investor], str]] = [
        ("doanhnghiep1", lambda: _investor_with(ReportStatus.SUBMITTED), "2022-Q2 waiting"),
        ("doanhnghiep2", _investor_missing, "2022-Q2 not sent"),
        ("doanhnghiep3", lambda: _investor_with(ReportStatus.RETURNED), "2022-Q2 returned"),
    ]
    accounts = []
    for username, choose, shows in chosen:
        existing = User.objects.filter(username=username).select_related("investor").first()
        investor = existing.investor if existing and existing.investor else choose()
        user_create_or_update(
            username=username,
            role=Role.ENTERPRISE,
            password=password,
            update=existing is not None,
            investor=investor,
            email=f"{username}@doanhnghiep.example",
        )
        accounts.append(DemoEnterprise(username, investor, shows))
    return accounts


def _return_some_reports() -> None:
    """The board returns the first waiting reports of 2022-Q2, each with a reason."""
    if ProjectReport.objects.filter(period=PERIOD).exclude(return_reason="").exists():
        return
    waiting = ProjectReport.objects.filter(period=PERIOD, status=ReportStatus.SUBMITTED).order_by(
        "project__code"
    )[: len(RETURN_REASONS)]
    for report, reason in zip(list(waiting), RETURN_REASONS, strict=False):
        services.project_report_review(report_id=report.pk, accept=False, reason=reason)


def _investor_with(status: str) -> Investor:
    report = (
        ProjectReport.objects.filter(period=PERIOD, status=status)
        .select_related("project__investor")
        .order_by("project__code")
        .first()
    )
    assert report is not None, status
    return report.project.investor


def _investor_missing() -> Investor:
    """An investor with a project that owes its 2022-Q2 report and has not sent it."""
    sent = ProjectReport.objects.filter(project=OuterRef("project"), period=PERIOD)
    owed = (
        Obligation.objects.filter(period__code=PERIOD)
        .filter(~Exists(sent))
        .select_related("project__investor")
        .order_by("project__code")
        .first()
    )
    assert owed is not None
    return owed.project.investor
