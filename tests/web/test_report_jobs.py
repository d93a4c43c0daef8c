"""Report documents as background jobs, run by a real worker: the reports page queues
them, the job's page follows them and offers the file, which only its owner (or a
leader) downloads, under its name and content type; cancelling; a failure's message."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.test import Client
from docx import Document

from kcn.jobs import files
from kcn.jobs.models import Job, JobKind, JobStatus
from kcn.jobs.services import job_results_expire
from kcn.jobs.worker import make_worker
from tests import factories as f
from tests.conftest import ended, wait_for

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def queue(client: Client, fmt: str, period: str = "2022-Q1", **data: str) -> Job:
    response = client.post(f"/jobs/report/{period}/{fmt}/", data)
    assert response.status_code == 302, response.status_code
    match = re.fullmatch(r"/jobs/([0-9a-f-]{36})/", response["Location"])
    assert match is not None, response["Location"]
    return Job.objects.get(pk=match.group(1))


def paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs]


@pytest.mark.parametrize("role", ["leader", "specialist", "viewer"])
def test_the_word_report_is_made_by_the_worker_and_downloaded(
    worker, client_of, users, board, role
):
    client = client_of(users[role])
    job = queue(client, "docx")
    assert job.kind == JobKind.REPORT
    assert job.options == {"period": "2022-Q1", "format": "docx", "live": False}
    job = wait_for(job, ended)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.file_name == "report-2022-Q1.docx"

    page = client.get(f"/jobs/{job.pk}/")
    assert page.status_code == 200
    assert "Refresh" not in page  # ended: no more reloading
    assert f'href="/jobs/{job.pk}/file/"' in page.content.decode()

    response = client.get(f"/jobs/{job.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert 'filename="report-2022-Q1.docx"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert job.summary is not None
    assert len(content) == job.summary["bytes"]
    # The same function makes the page's synchronous download: the same text, in the
    # language of whoever asked (English here).
    direct = client.get("/reports/2022-Q1/download/docx/").content
    assert paragraphs(content) == paragraphs(direct)
    assert any("Progress of the tasks of" in text for text in paragraphs(content))


def test_the_pdf_and_the_markdown_keep_their_names_and_types(worker, client_of, users, board):
    client = client_of(users["leader"])
    pdf = wait_for(queue(client, "pdf"), ended)
    markdown = wait_for(queue(client, "md", live="1"), ended)
    assert markdown.options["live"] is True

    response = client.get(f"/jobs/{pdf.pk}/file/")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="report-2022-Q1.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    response = client.get(f"/jobs/{markdown.pk}/file/")
    assert response["Content-Type"] == "application/zip"
    assert 'filename="report-2022-Q1-markdown.zip"' in response["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert "report-2022-Q1.md" in names
    assert any(name.endswith(".png") for name in names)


def test_the_page_queues_word_and_pdf_and_keeps_the_page_to_read(client_of, users, board):
    page = client_of(users["viewer"]).get("/reports/?period=2022-Q1").content.decode()
    for fmt in ("docx", "pdf", "md"):
        assert f'action="/jobs/report/2022-Q1/{fmt}/"' in page
        assert f'href="/reports/2022-Q1/download/{fmt}/"' not in page
    assert 'href="/reports/2022-Q1/preview/"' in page


def test_only_the_board_asks_and_each_sees_its_own_files(worker, client_of, users, board):
    assert client_of(users["enterprise"]).post("/jobs/report/2022-Q1/pdf/").status_code == 403
    assert client_of(None).post("/jobs/report/2022-Q1/pdf/").status_code == 302  # to log in
    assert client_of(users["viewer"]).get("/jobs/report/2022-Q1/pdf/").status_code == 405
    assert client_of(users["viewer"]).post("/jobs/report/2022-Q1/html/").status_code == 404
    assert client_of(users["viewer"]).post("/jobs/report/2022-Q9/pdf/").status_code == 404
    assert not Job.objects.exists()

    job = wait_for(queue(client_of(users["specialist"]), "docx"), ended)
    assert job.status == JobStatus.SUCCEEDED, job.error
    address = f"/jobs/{job.pk}/file/"
    assert client_of(users["leader"]).get(address).status_code == 200  # a leader sees all
    assert client_of(users["viewer"]).get(address).status_code == 404  # not its job
    assert client_of(users["viewer"]).get(f"/jobs/{job.pk}/").status_code == 404
    assert client_of(users["enterprise"]).get(address).status_code == 403
    assert client_of(None).get(address).status_code == 302


def test_a_waiting_job_cancelled_never_runs_and_leaves_no_file(
    transactional_db, client_of, users, board
):
    client = client_of(users["viewer"])
    job = queue(client, "pdf")
    page = client.get(f"/jobs/{job.pk}/")
    assert page["Refresh"] == "2"  # not ended: the page reloads itself
    assert "Waiting for the worker" in page.content.decode()
    response = client.post(f"/jobs/{job.pk}/cancel/", follow=True)
    assert "The job is being cancelled." in response.content.decode()
    make_worker(interval=0, batch=True).run()
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert not files.folder(job.pk).exists()
    assert client.get(f"/jobs/{job.pk}/file/").status_code == 404
    response = client.post(f"/jobs/{job.pk}/cancel/", follow=True)
    assert "The job has already ended" in response.content.decode()


def test_a_job_cancelled_while_it_renders_keeps_no_file(
    transactional_db, client_of, users, board, monkeypatch
):
    """The cancel arrives while the document is rendered: the job ends cancelled."""
    from kcn.reports.files import report_file

    def render_then_cancel(*args, **kwargs):
        made = report_file(*args, **kwargs)
        files.request_cancel(job.pk)
        return made

    monkeypatch.setattr("kcn.jobs.tasks.report_file", render_then_cancel)
    job = queue(client_of(users["leader"]), "docx")
    make_worker(interval=0, batch=True).run()
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert not files.folder(job.pk).exists()


def test_a_failure_keeps_its_message(worker, client_of, users, board):
    """A VND amount before any exchange rate: the report cannot be made, and says why."""
    f.project("P-OLD", [(dt.date(2019, 2, 1), "issued", "1000000000", "VND")], origin="domestic")
    client = client_of(users["leader"])
    job = wait_for(queue(client, "docx", period="2019-Q1", live="1"), ended)
    assert job.status == JobStatus.FAILED
    assert "exchange rate" in job.error
    assert not files.folder(job.pk).exists()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "The job failed." in page
    assert job.error in page.replace("&#x27;", "'")


def test_a_file_is_kept_for_some_days_then_removed(worker, client_of, users, board, settings):
    settings.KCN_JOB_FILES_DAYS = 7
    client = client_of(users["leader"])
    job = wait_for(queue(client, "docx"), ended)
    assert files.result_path(job.pk).is_file()
    assert job.finished_at is not None
    assert job_results_expire(job.finished_at + dt.timedelta(days=6)) == 0
    assert job_results_expire(job.finished_at + dt.timedelta(days=8)) == 1
    assert not files.folder(job.pk).exists()
    assert client.get(f"/jobs/{job.pk}/file/").status_code == 404
    assert "The file is no longer kept" in client.get(f"/jobs/{job.pk}/").content.decode()
