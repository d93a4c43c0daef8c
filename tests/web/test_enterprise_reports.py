"""An enterprise writes its reports in the app; staff review them in their inbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from kcn.accounts.models import User
from kcn.enterprise_reports.models import ProjectReport, Reminder, ReportStatus
from tests.web.conftest import Board

Browser = Callable[[User | None], Client]
pytestmark = pytest.mark.django_db


@pytest.fixture
def fixed_today(monkeypatch):
    """Today is 6 April 2022: 2022-Q1 is over and its reports are due on the 10th."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2022, 4, 6))


def test_the_enterprise_home_lists_the_quarter_due_with_the_days_left(
    board: Board, minh: User, client_of: Browser, fixed_today
) -> None:
    ProjectReport.objects.all().delete()
    page = client_of(minh).get("/enterprise/").content.decode()
    assert "P-JP" in page
    assert "P-VN" not in page  # another investor's project
    assert "2022-Q1" in page
    assert "due in 4 days" in page


def test_an_enterprise_saves_a_draft_then_sends_its_report(
    board: Board, minh: User, client_of: Browser, fixed_today
) -> None:
    ProjectReport.objects.all().delete()
    client = client_of(minh)
    url = f"/enterprise/reports/{board.mine.code}/2022-Q1/"
    response = client.post(url, {"revenue": "5000000", "employees": "120", "save": "1"})
    assert response.status_code == 302
    assert ProjectReport.objects.get().status == ReportStatus.DRAFT
    response = client.post(
        url, {"revenue": "5000000", "employees": "120", "note": "Thiếu điện", "submit": "1"}
    )
    assert response.status_code == 302
    report = ProjectReport.objects.get()
    assert (report.status, report.submitted_on, report.note) == (
        ReportStatus.SUBMITTED,
        dt.date(2022, 4, 6),
        "Thiếu điện",
    )
    assert client.post(url, {"revenue": "1", "submit": "1"}).status_code == 409


def test_a_refusal_is_shown_beside_its_field(
    board: Board, minh: User, client_of: Browser, fixed_today
) -> None:
    ProjectReport.objects.all().delete()
    response = client_of(minh).post(
        f"/enterprise/reports/{board.mine.code}/2022-Q1/",
        {"employees": "10", "foreign_employees": "12", "submit": "1"},
    )
    assert response.status_code == 400
    assert "foreign" in response.context["form"].errors["foreign_employees"][0]


def test_an_enterprise_cannot_report_for_another_investors_project(
    board: Board, minh: User, client_of: Browser, fixed_today
) -> None:
    response = client_of(minh).post(
        f"/enterprise/reports/{board.theirs.code}/2022-Q1/", {"revenue": "1", "submit": "1"}
    )
    assert response.status_code == 404
    assert not ProjectReport.objects.filter(project=board.theirs).exists()


def test_staff_return_a_report_the_enterprise_reads_the_reason_and_sends_it_again(
    board: Board, son: User, minh: User, client_of: Browser, fixed_today
) -> None:
    review = f"/enterprise-reports/quarter/{board.report.pk}/"
    refused = client_of(son).post(review, {"return": "1", "return_reason": ""})
    assert refused.status_code == 400
    response = client_of(son).post(review, {"return": "1", "return_reason": "Sai đơn vị"})
    assert response.status_code == 302
    home = client_of(minh).get("/enterprise/").content.decode()
    assert "Sai đơn vị" in home
    again = client_of(minh).post(
        f"/enterprise/reports/{board.mine.code}/2022-Q1/", {"revenue": "100", "submit": "1"}
    )
    assert again.status_code == 302
    assert client_of(son).post(review, {"accept": "1"}).status_code == 302
    assert ProjectReport.objects.get(pk=board.report.pk).status == ReportStatus.ACCEPTED


def test_a_viewer_and_an_enterprise_cannot_review_a_report(
    board: Board, vy: User, minh: User, client_of: Browser
) -> None:
    review = f"/enterprise-reports/quarter/{board.report.pk}/"
    assert client_of(vy).post(review, {"accept": "1"}).status_code == 403
    assert client_of(minh).post(review, {"accept": "1"}).status_code == 403
    assert ProjectReport.objects.get().status == ReportStatus.SUBMITTED


def test_the_inbox_shows_each_report_owed_and_filters_the_late_ones(
    board: Board, lan: User, client_of: Browser, fixed_today
) -> None:
    response = client_of(lan).get("/enterprise-reports/?period=2022-Q1")
    rows = list(response.context["page"])
    assert {row.project.code for row in rows} == {"P-JP", "P-VN"}
    late = client_of(lan).get("/enterprise-reports/?period=2022-Q1&late=1")
    assert list(late.context["page"]) == []  # due on 10/04, today is 06/04


def test_staff_send_one_reminder_a_day_from_the_inbox(
    board: Board, son: User, minh: User, client_of: Browser, fixed_today
) -> None:
    minh.email = "minh@example.vn"
    minh.save()
    board.report.status = ReportStatus.RETURNED  # to correct: not sent
    board.report.save()
    url = f"/enterprise-reports/remind/{board.mine.code}/2022-Q1/"
    client_of(son).post(url)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["minh@example.vn"]
    assert "P-JP" in mail.outbox[0].body
    client_of(son).post(url)
    assert len(mail.outbox) == 1  # not twice in a day
    assert Reminder.objects.count() == 1


def test_a_projects_page_lists_the_reports_it_sent(
    board: Board, lan: User, client_of: Browser
) -> None:
    page = client_of(lan).get(f"/projects/{board.mine.code}/").content.decode()
    assert f"/enterprise-reports/quarter/{board.report.pk}/" in page
    assert "2022-Q1" in page


def test_the_dashboard_states_what_enterprises_report_and_how_well(
    board: Board, lan: User, client_of: Browser
) -> None:
    page = client_of(lan).get("/?period=2022-Q2").content.decode()
    assert "/indicators/reports_on_time_pct/?period=2022-Q2" in page
    assert "/indicators/exports_usd/?period=2022-Q2" in page
