"""Import and export in the browser: problems with nothing written, or a summary; the export."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kcn.projects.models import Project
from tests.exchange.samples import valid, with_row


def upload(client, path, name="ho-so.xlsx"):
    file = SimpleUploadedFile(name, path.read_bytes())
    return client.post("/exchange/import/", {"workbook": file})


@pytest.mark.parametrize(
    ("role", "status"),
    [("leader", 200), ("specialist", 200), ("viewer", 200), ("enterprise", 403)],
)
def test_the_page_is_for_the_board(client_of, users, role, status):
    assert client_of(users[role]).get("/exchange/").status_code == status


def test_a_good_workbook_is_imported_and_summarised(client_of, users, write_workbook):
    response = upload(client_of(users["specialist"]), write_workbook(valid()))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Imported ho-so.xlsx" in page
    assert Project.objects.exists()
    summary = dict(response.context["summary"])
    counted = sum(sheet.added + sheet.updated + sheet.unchanged for sheet in summary.values())
    assert counted == response.context["result"].rows > 20


def test_a_bad_workbook_lists_its_problems_and_writes_nothing(client_of, users, write_workbook):
    bad = write_workbook(with_row("projects", 0, origin="martian"))
    response = upload(client_of(users["leader"]), bad)
    assert response.status_code == 422
    page = response.content.decode()
    assert "nothing was imported" in page
    problems = response.context["result"].problems.listed
    assert problems[0].sheet == "projects"
    assert problems[0].cell in page
    assert not Project.objects.exists()


def test_a_file_that_is_not_xlsx_is_refused_by_name(client_of, users, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    response = upload(client_of(users["leader"]), path, name="notes.txt")
    assert response.status_code == 400
    assert "Choose an .xlsx file." in response.content.decode()


@pytest.mark.parametrize("role", ["viewer", "enterprise"])
def test_readers_cannot_import(client_of, users, write_workbook, role):
    response = upload(client_of(users[role]), write_workbook(valid()))
    assert response.status_code == 403
    assert not Project.objects.exists()


def test_the_export_downloads_every_record(client_of, users, board):
    response = client_of(users["viewer"]).get("/exchange/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kcn-')
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    codes = {
        row[0]
        for sheet in book.worksheets
        for row in sheet.iter_rows(min_row=2, max_col=1, values_only=True)
    }
    assert {"P-JP", "P-VN"} <= codes


def test_an_enterprise_cannot_export(client_of, users):
    assert client_of(users["enterprise"]).get("/exchange/export/").status_code == 403
