"""``KCN_LOG_JSON=1``: a JSON line for every request and every import."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings

from kcn.accounts.models import Role, User
from kcn.jobs.models import Job
from kcn.ops.logs import JsonFormatter
from tests.conftest import ended, wait_for
from tests.exchange.samples import valid, with_row


def fields(record: logging.LogRecord) -> dict[str, Any]:
    return json.loads(JsonFormatter().format(record))  # type: ignore[no-any-return]


def test_a_record_is_one_line_of_json_with_its_fields() -> None:
    record = logging.LogRecord(
        "kcn.import", logging.INFO, __file__, 1, "import of %s", ("a",), None
    )
    record.kcn = {"event": "import", "rows": 12, "file": "Báo cáo.xlsx"}
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "import of a"
    assert entry["level"] == "info"
    assert entry["rows"] == 12
    assert entry["file"] == "Báo cáo.xlsx"
    assert entry["time"].endswith("+00:00")


@pytest.mark.django_db
def test_every_request_is_logged_with_its_status_duration_and_user(
    caplog: pytest.LogCaptureFixture,
) -> None:
    user = User.objects.create_user("son", password="correct-horse-battery", role=Role.SPECIALIST)
    with override_settings(KCN_LOG_JSON=True), caplog.at_level(logging.INFO, "kcn.request"):
        client = Client()
        client.force_login(user)
        client.get("/zones/")
        Client().get("/zones/")
    first, second = (fields(record) for record in caplog.records if record.name == "kcn.request")
    assert first["event"] == "request"
    assert (first["method"], first["path"], first["status"], first["user"]) == (
        "GET",
        "/zones/",
        200,
        "son",
    )
    assert first["duration_ms"] >= 0
    assert first["client"] == "127.0.0.1"
    assert (second["status"], second["user"]) == (302, None)


@pytest.mark.django_db
def test_without_kcn_log_json_requests_are_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, "kcn.request"):
        Client().get("/accounts/login/")
    assert not [record for record in caplog.records if record.name == "kcn.request"]


def test_a_browser_import_is_logged_with_its_outcome_by_the_worker(
    caplog: pytest.LogCaptureFixture, write_workbook: Callable[..., Path], worker: Any
) -> None:
    user = User.objects.create_user("son", password="correct-horse-battery", role=Role.SPECIALIST)
    client = Client()
    client.force_login(user)
    bad = write_workbook(with_row("projects", 0, zone_code="NOWHERE"))
    with caplog.at_level(logging.INFO, "kcn.import"):
        with bad.open("rb") as upload:
            assert client.post("/exchange/import/", {"workbook": upload}).status_code == 302
        wait_for(Job.objects.get(), ended)
    (record,) = [record for record in caplog.records if record.name == "kcn.import"]
    entry = fields(record)
    assert entry["event"] == "import"
    assert (entry["source"], entry["user"], entry["outcome"]) == ("job", "son", "refused")
    assert entry["problems"] >= 1


@pytest.mark.slow
def test_the_command_writes_json_lines_on_standard_error(
    tmp_path: Path, write_workbook: Callable[..., Path]
) -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key != "DATABASE_URL" and not key.startswith("DJANGO_") and not key.startswith("KCN_")
    }
    environment |= {"KCN_DATA_DIR": str(tmp_path), "KCN_LOG_JSON": "1"}
    kcn = [sys.executable, "-m", "kcn.cli"]
    subprocess.run([*kcn, "init"], env=environment, check=True, capture_output=True)
    done = subprocess.run(
        [*kcn, "import", str(write_workbook(valid()))],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    (entry,) = [line for line in lines if line.get("event") == "import"]
    assert (entry["source"], entry["outcome"]) == ("command", "imported")
    assert entry["rows"] > 0
