"""Bad files never hurt, wherever they come in: the upload page says what the file is, the
API answers 400 naming the file, a job that meets a hostile workbook fails with its
message, the command line prints one line (issue 12)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kcn.cli import main
from kcn.jobs.models import Job, JobStatus
from kcn.projects.models import Project
from tests.api.conftest import api_of  # noqa: F401 - a fixture of the API tests
from tests.conftest import ended, wait_for
from tests.exchange.hostile_files import fx_rates_sheet, handmade_workbook, row, text_cell
from tests.exchange.samples import valid

NOT_WORKBOOKS = [
    ("text", b"Ma so du an;Ten\nP1;Nha may A\n", "not a ZIP archive"),
    ("pdf", b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n", "a PDF document"),
    ("xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel 97-2003"),
]
# An empty upload is refused by the form itself ("The submitted file is empty.").
EMPTY = [("empty", b"", "the file is empty")]


def post_file(client, content: bytes, name: str = "ho-so.xlsx"):
    return client.post("/exchange/import/", {"workbook": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(("kind", "content", "says"), NOT_WORKBOOKS)
def test_the_page_says_what_an_uploaded_file_is_when_it_is_no_workbook(
    client_of, users, kind, content, says
):
    response = post_file(client_of(users["specialist"]), content)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Job.objects.exists()


def test_a_workbook_cut_short_is_refused_on_the_page(client_of, users, write_workbook):
    whole = write_workbook(valid()).read_bytes()
    response = post_file(client_of(users["specialist"]), whole[: len(whole) // 3])
    assert response.status_code == 400
    assert "cut short or damaged" in response.content.decode()


@pytest.mark.parametrize(("kind", "content", "says"), NOT_WORKBOOKS)
def test_the_api_answers_400_naming_the_file(api_of, users, kind, content, says):  # noqa: F811
    response = api_of(users["specialist"]).post(
        "/api/v1/imports/",
        {"file": SimpleUploadedFile("ho-so.xlsx", content)},
        format="multipart",
    )
    assert response.status_code == 400
    assert says in response.json()["file"][0]


def test_a_hostile_workbook_fails_its_job_with_its_message(client_of, users, tmp_path, worker):
    path = handmade_workbook(
        tmp_path / "wide.xlsx", [fx_rates_sheet(row(2, text_cell("ZZZZZZ2", "USD")))]
    )
    client = client_of(users["specialist"])
    address = post_file(client, path.read_bytes())["Location"]
    job = wait_for(Job.objects.get(), ended)
    assert job.status == JobStatus.FAILED
    assert "ZZZZZZ2 is not a cell of an Excel sheet" in job.error
    page = client.get(address)
    assert page.status_code == 200
    assert "ZZZZZZ2 is not a cell of an Excel sheet" in page.content.decode()
    assert "Traceback" not in page.content.decode()
    assert not Project.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "content", "says"), NOT_WORKBOOKS + EMPTY)
def test_the_command_line_prints_one_line(capsys, tmp_path, kind, content, says):
    path = tmp_path / "ho-so.xlsx"
    path.write_bytes(content)
    code = main(["--lang", "en", "import", str(path)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    last = err.splitlines()[-1]  # (before it, the operations log's line, when logging is on)
    assert last.startswith("kcn: ho-so.xlsx is not an Excel workbook")
    assert says in last
