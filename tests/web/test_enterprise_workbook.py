"""An enterprise downloads the workbook of the reports it owes, fills it in offline and sends
it back: every report, or none."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.test import Client

from kcn.accounts.models import User
from kcn.enterprise_reports.models import ProjectReport, ReportStatus
from tests.web.conftest import Board

Browser = Callable[[User | None], Client]
pytestmark = pytest.mark.django_db


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2022, 7, 5))


def downloaded(client: Client) -> openpyxl.Workbook:
    response = client.get("/enterprise/workbook/")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def send(client: Client, workbook: openpyxl.Workbook, tmp_path: Path, **extra: str):
    path = tmp_path / "filled.xlsx"
    workbook.save(path)
    with path.open("rb") as upload:
        return client.post("/enterprise/workbook/upload/", {"workbook": upload, **extra})


def test_the_workbook_has_a_row_for_each_report_still_owed_by_its_own_projects(
    board: Board, minh: User, client_of: Browser, fixed_today
) -> None:
    sheet = downloaded(client_of(minh))["project_reports"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã số dự án", "Quý báo cáo")
    assert "Ngày nộp" not in rows[0]  # the day it is sent: set when it is sent
    assert [row[:2] for row in rows[1:]] == [("P-JP", "2022-Q2")]  # Q1 was sent already


def test_a_filled_workbook_sends_every_report(
    board: Board, minh: User, client_of: Browser, fixed_today, tmp_path: Path
) -> None:
    workbook = downloaded(client_of(minh))
    sheet = workbook["project_reports"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(2, headers.index("Doanh thu thuần") + 1, "150,5")  # Q1's was 100
    sheet.cell(2, headers.index("Xuất khẩu (USD)") + 1, 900000)
    response = send(client_of(minh), workbook, tmp_path)
    assert response.status_code == 302, response.content.decode()[-3000:]
    report = ProjectReport.objects.get(period="2022-Q2")
    assert (report.status, report.submitted_on, report.exports_usd) == (
        ReportStatus.SUBMITTED,
        dt.date(2022, 7, 5),
        900000,
    )
    assert report.revenue == Decimal("150.5")


def test_a_row_for_another_investors_project_sends_nothing(
    board: Board, minh: User, client_of: Browser, fixed_today, tmp_path: Path
) -> None:
    workbook = downloaded(client_of(minh))
    sheet = workbook["project_reports"]
    sheet.append(["P-VN", "2022-Q2"])
    response = send(client_of(minh), workbook, tmp_path)
    assert response.status_code == 400
    assert "P-VN is not one of your projects" in response.content.decode()
    assert not ProjectReport.objects.filter(period="2022-Q2").exists()


def test_a_figure_to_confirm_sends_nothing_until_it_is_confirmed(
    board: Board, minh: User, client_of: Browser, fixed_today, tmp_path: Path
) -> None:
    board.report.status = ReportStatus.ACCEPTED  # Q1: revenue 100
    board.report.save()
    workbook = downloaded(client_of(minh))
    sheet = workbook["project_reports"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(2, headers.index("Doanh thu thuần") + 1, 5000)  # 50 times Q1's
    response = send(client_of(minh), workbook, tmp_path)
    assert response.status_code == 400
    assert "project_reports!" in response.content.decode()
    assert not ProjectReport.objects.filter(period="2022-Q2").exists()
    assert send(client_of(minh), workbook, tmp_path, confirmed="on").status_code == 302
    assert ProjectReport.objects.filter(period="2022-Q2", status="submitted").exists()


def test_a_file_that_is_no_workbook_gets_a_message(
    board: Board, minh: User, client_of: Browser, fixed_today, tmp_path: Path
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook")
    with path.open("rb") as upload:
        response = client_of(minh).post("/enterprise/workbook/upload/", {"workbook": upload})
    assert response.status_code == 400
    assert "is not an Excel workbook" in response.content.decode()
