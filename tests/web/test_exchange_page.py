"""Import and export in the browser: the upload becomes a job, whose page follows it and then
shows its summary or its problems; cancelling; the export."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kcn.jobs.models import Job, JobStatus
from kcn.jobs.worker import make_worker
from kcn.projects.models import Project
from tests.conftest import ended, wait_for
from tests.exchange.samples import valid, with_row


def upload(client, path, name="ho-so.xlsx"):
    file = SimpleUploadedFile(name, path.read_bytes())
    return client.post("/exchange/import/", {"workbook": file})


def job_ended():
    return wait_for(Job.objects.get(), ended)


@pytest.mark.parametrize(
    ("role", "status"),
    [("leader", 200), ("specialist", 200), ("viewer", 200), ("enterprise", 403)],
)
def test_the_page_is_for_the_board(client_of, users, role, status):
    assert client_of(users[role]).get("/exchange/").status_code == status


def test_an_upload_goes_to_its_job_page_which_waits_for_the_worker(
    client_of, users, write_workbook
):
    client = client_of(users["specialist"])
    response = upload(client, write_workbook(valid()))
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exchange/jobs/{job.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page["Refresh"] == "2"  # reloads itself until the job ends
    assert "Waiting for the worker" in page.content.decode()
    assert not Project.objects.exists()


def test_a_good_workbook_is_imported_and_summarised(client_of, users, write_workbook, worker):
    client = client_of(users["specialist"])
    address = upload(client, write_workbook(valid()))["Location"]
    job_ended()
    page = client.get(address)
    assert "Refresh" not in page
    text = page.content.decode()
    assert "Imported ho-so.xlsx" in text
    assert Project.objects.exists()
    summary = dict(page.context["summary"])
    counted = sum(
        sheet["added"] + sheet["updated"] + sheet["unchanged"] for sheet in summary.values()
    )
    assert counted == page.context["rows"] > 20


def test_a_bad_workbook_lists_its_problems_and_writes_nothing(
    client_of, users, write_workbook, worker
):
    client = client_of(users["leader"])
    address = upload(client, write_workbook(with_row("projects", 0, origin="martian")))["Location"]
    job_ended()
    page = client.get(address).content.decode()
    assert "nothing was imported" in page
    problem = Job.objects.get().problems[0]
    assert problem["sheet"] == "projects"
    assert problem["cell"] in page
    assert not Project.objects.exists()


def test_an_import_can_be_cancelled_before_it_runs(
    transactional_db, client_of, users, write_workbook
):
    client = client_of(users["specialist"])
    address = upload(client, write_workbook(valid()))["Location"]
    cancelled = client.post(address + "cancel/", follow=True)
    assert "being cancelled" in cancelled.content.decode()
    make_worker(interval=0, batch=True).run()  # the real worker, until no job waits
    assert Job.objects.get().status == JobStatus.CANCELLED
    assert "was cancelled" in client.get(address).content.decode()
    assert not Project.objects.exists()


def test_a_specialist_sees_only_its_own_jobs(client_of, users, write_workbook):
    address = upload(client_of(users["leader"]), write_workbook(valid()))["Location"]
    assert client_of(users["specialist"]).get(address).status_code == 404
    assert client_of(users["leader"]).get(address).status_code == 200


def test_a_file_that_is_not_xlsx_is_refused_by_name(client_of, users, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    response = upload(client_of(users["leader"]), path, name="notes.txt")
    assert response.status_code == 400
    assert "Choose an .xlsx file." in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "enterprise"])
def test_readers_cannot_import(client_of, users, write_workbook, role):
    response = upload(client_of(users[role]), write_workbook(valid()))
    assert response.status_code == 403
    assert not Job.objects.exists()


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
