"""Each obligation's state: not yet due, open, overdue, draft, submitted, returned, accepted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.enterprise_reports import selectors, services
from kcn.enterprise_reports.models import ReportingPeriod
from kcn.projects.models import Project
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def projects():
    return [
        f.project(code, [(d(2021, 1, 1), "issued", 1_000_000, "USD")])
        for code in ("A", "B", "C", "D", "E")
    ]


def period(code: str) -> ReportingPeriod:
    return ReportingPeriod.objects.get(code=code)


def states(today: dt.date, code: str = "2022-Q1") -> dict[str, str]:
    rows = selectors.inbox(period=period(code), today=today)
    # ``state`` is the selector's annotation, which the Django plugin does not see.
    return {row.project.code: row.state for row in rows}  # type: ignore[attr-defined]


def test_the_inbox_gives_each_projects_state_for_the_quarter(projects):
    a, b, c, _d, e = projects
    services.project_report_save(
        project=a, period="2022-Q1", figures={}, submit=True, today=d(2022, 4, 2)
    )
    sent = services.project_report_save(
        project=b, period="2022-Q1", figures={}, submit=True, today=d(2022, 4, 3)
    )
    services.project_report_review(report_id=sent.pk, accept=True)
    returned = services.project_report_save(
        project=c, period="2022-Q1", figures={}, submit=True, today=d(2022, 4, 4)
    )
    services.project_report_review(report_id=returned.pk, accept=False, reason="Thiếu số liệu")
    services.project_report_save(
        project=e, period="2022-Q1", figures={"revenue": Decimal(1)}, today=d(2022, 4, 5)
    )
    assert states(d(2022, 4, 6)) == {
        "A": "submitted",
        "B": "accepted",
        "C": "returned",
        "D": "open",  # due on 10/04
        "E": "open",  # a draft is not sent: staff see it open
    }
    assert states(d(2022, 4, 11))["D"] == "overdue"
    late = selectors.inbox(period=period("2022-Q1"), today=d(2022, 4, 11), late=True)
    assert [row.project.code for row in late] == ["D", "E"]
    counts = selectors.inbox_counts(period("2022-Q1"), d(2022, 4, 11))
    assert (counts["total"], counts["overdue"], counts["late"]) == (5, 2, 2)


def test_the_enterprise_home_lists_the_quarter_being_reported_before_the_board_has_any(projects):
    a = projects[0]
    rows = selectors.enterprise_home(Project.objects.filter(pk=a.pk), d(2022, 4, 6))
    quarters = {row.period.code: row for row in rows if row.period.kind == "quarter"}
    assert quarters["2022-Q1"].state == "open"
    assert quarters["2022-Q1"].days_left == 4
    assert quarters["2022-Q2"].state == "not_yet_due"


def test_the_enterprise_sees_its_draft_and_the_reason_of_a_return(projects):
    a = projects[0]
    services.project_report_save(project=a, period="2022-Q1", figures={}, today=d(2022, 4, 1))
    home = {
        row.period.code: row
        for row in selectors.enterprise_home(Project.objects.filter(pk=a.pk), d(2022, 4, 2))
    }
    assert home["2022-Q1"].state == "draft"
    sent = services.project_report_save(
        project=a, period="2022-Q1", figures={}, submit=True, today=d(2022, 4, 12)
    )
    services.project_report_review(report_id=sent.pk, accept=False, reason="Sai đơn vị tính")
    home = {
        row.period.code: row
        for row in selectors.enterprise_home(Project.objects.filter(pk=a.pk), d(2022, 4, 13))
    }
    assert home["2022-Q1"].state == "returned"
    assert home["2022-Q1"].return_reason == "Sai đơn vị tính"
    assert home["2022-Q1"].late is True  # sent on 12/04, after the 10th
