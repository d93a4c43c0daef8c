"""Upload leftovers go: after a failed import, and after a server process killed in the
middle of an upload (issue 14's probe: "a killed import leaves … its temporary upload files
behind")."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.test import Client, override_settings

from kcn.accounts.models import Role, User
from kcn.jobs.models import Job, JobStatus
from kcn.ops import uploads
from tests.conftest import ended, wait_for
from tests.exchange.samples import with_row

T = TypeVar("T")


def test_leftovers_of_processes_that_are_gone_are_removed(tmp_path: Path) -> None:
    with override_settings(KCN_UPLOADS_DIR=tmp_path):
        gone = tmp_path / "999999999"
        mine = tmp_path / str(os.getpid())
        for folder in (gone, mine):
            folder.mkdir()
            (folder / "tmpabc.upload.xlsx").write_bytes(b"half a workbook")
        old, new = tmp_path / "tmpold.upload.xlsx", tmp_path / "tmpnew.upload.xlsx"
        old.write_bytes(b"")
        new.write_bytes(b"")
        os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
        removed = uploads.remove_leftovers()
    assert sorted(removed) == sorted([gone, old])
    assert mine.exists()
    assert new.exists()


def test_a_failed_browser_import_leaves_no_file(
    tmp_path: Path, write_workbook: Callable[..., Path], worker: Any
) -> None:
    user = User.objects.create_user("son", password="correct-horse-battery", role=Role.SPECIALIST)
    client = Client()
    client.force_login(user)
    bad = write_workbook(with_row("projects", 0, zone_code="NOWHERE"))
    folder = tmp_path / "uploads"
    folder.mkdir()
    jobs = tmp_path / "jobs"
    # Every upload goes to a file, as one larger than 2.5 MB does; the job keeps its copy.
    with override_settings(
        FILE_UPLOAD_TEMP_DIR=str(folder), FILE_UPLOAD_MAX_MEMORY_SIZE=0, KCN_JOBS_DIR=jobs
    ):
        with bad.open("rb") as upload:
            assert client.post("/exchange/import/", {"workbook": upload}).status_code == 302
        job = wait_for(Job.objects.get(), ended)
    assert job.status == JobStatus.FAILED
    assert list(folder.iterdir()) == []
    assert not jobs.exists() or list(jobs.iterdir()) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_a_server_process_killed_during_an_upload_leaves_no_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    environment = {
        key: value
        for key, value in os.environ.items()
        if key != "DATABASE_URL" and not key.startswith("DJANGO_") and not key.startswith("KCN_")
    }
    environment["KCN_DATA_DIR"] = str(data)
    kcn = [sys.executable, "-m", "kcn.cli"]
    subprocess.run([*kcn, "init"], env=environment, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [*kcn, "serve", "--port", str(port), "--workers", "1"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        token = _csrf_token(port)
        boundary = "kcn-boundary"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f'{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name="workbook"; '
            'filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        size = 8 << 20
        upload = socket.create_connection(("127.0.0.1", port))
        upload.sendall(
            (
                f"POST /exchange/import/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Cookie: csrftoken={token}\r\nReferer: http://127.0.0.1:{port}/\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {len(head) + size + 100}\r\n\r\n"
            ).encode()
            + head
            + b"x" * (4 << 20)  # half the file, then the worker is killed
        )
        worker_folder = _wait_for(lambda: _upload_folder(data / "uploads"))
        assert list(worker_folder.glob("*.upload*"))
        os.kill(int(worker_folder.name), signal.SIGKILL)
        _wait_for(lambda: not worker_folder.exists() or None)
        upload.close()
        # The server goes on with a new worker.
        _wait_for(lambda: _upload_folder(data / "uploads", other_than=worker_folder))
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not any((data / "uploads").rglob("*.upload*"))


def _csrf_token(port: int) -> str:
    def fetch() -> str | None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/accounts/login/")
            response = connection.getresponse()
            cookie = response.getheader("Set-Cookie", "")
            response.read()
        except OSError:
            return None
        match = re.search(r"csrftoken=([^;]+)", cookie)
        return match[1] if match else None

    return _wait_for(fetch)


def _upload_folder(root: Path, other_than: Path | None = None) -> Path | None:
    if not root.is_dir():
        return None
    for folder in root.iterdir():
        wanted = other_than is not None or list(folder.glob("*.upload*"))
        if folder.name.isdigit() and folder != other_than and wanted:
            return folder
    return None


def _wait_for(probe: Callable[[], T | None], seconds: float = 30) -> T:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("waited in vain")
