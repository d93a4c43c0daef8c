"""``kcn backup`` and ``kcn restore``: every table comes back as it was, on SQLite and on
PostgreSQL; a database that is not empty is refused without --force; a damaged archive
changes nothing (issue 14's probe: "no backup or restore command")."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import translation

from kcn.accounts.models import User
from kcn.accounts.services import user_create_or_update
from kcn.cli import main
from kcn.core.errors import KcnError
from kcn.enterprise_reports.models import ReportingPeriod
from kcn.ops.backup import (
    MANIFEST,
    NOT_BACKED_UP,
    backed_up_models,
    database_backup,
    database_restore,
    nonempty_tables,
)
from kcn.projects.models import Project
from kcn.reports.models import Narrative
from tests import factories as f
from tests.exchange.samples import valid

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
PASSWORD = "correct-horse-battery"


def cli(*args: str) -> int:
    return main(["--lang", "en", *args])


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every backed-up table's rows, in primary-key order, every column."""
    tables = {}
    for model in backed_up_models():
        columns = [field.attname for field in model._meta.concrete_fields]
        tables[model._meta.label_lower] = list(
            model._base_manager.order_by("pk").values_list(*columns)
        )
    return tables


@pytest.fixture
def board(import_rows: Callable[..., Any]) -> None:
    """A board with a bit of everything: records, users of every role, audit entries, a
    published report, an enterprise's report and a reminder, narratives, failed logins."""
    assert import_rows(valid()).ok
    lan, _created = user_create_or_update(username="lan", role="leader", password=PASSWORD)
    investor = f.investor("JP-0001")
    user_create_or_update(
        username="minh",
        role="enterprise",
        password=PASSWORD,
        investor=investor,
        email="minh@example.com",
    )
    Narrative.objects.create(period="2022-Q1", section="investment", text="Thu hút đầu tư tốt.")
    # One leader: the board lets her approve what she submitted.
    assert cli("board", "--self-approval", "yes") == 0
    assert cli("report", "submit", "--period", "2022-Q1", "--user", "lan") == 0
    assert cli("report", "approve", "--period", "2022-Q1", "--user", "lan") == 0
    assert cli("report", "publish", "--period", "2022-Q1", "--number", "45", "--user", "lan") == 0
    project = Project.objects.order_by("code").first()
    assert project is not None
    f.project_report(project, "2022-Q1", dt.date(2022, 4, 5), revenue="1234567.5")
    from kcn.enterprise_reports.models import Reminder

    first = ReportingPeriod.objects.order_by("ordinal").first()
    assert first is not None
    Reminder.objects.create(
        project=project,
        period=first,
        kind="overdue",
        sent_on=dt.date(2022, 4, 20),
        recipients="minh@example.com",
        subject="Nhắc nộp báo cáo",
        sent_by=lan,
    )
    Client(REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT_LANGUAGE="en").post(
        "/accounts/login/", {"username": "lan", "password": "wrong"}
    )
    translation.activate("en")  # the request left its own language active


def empty_database() -> None:
    """What kcn init leaves in a new database: reference data only."""
    call_command("flush", interactive=False, verbosity=0)
    assert nonempty_tables() == []


def test_every_table_of_the_database_is_backed_up() -> None:
    tables = set(connection.introspection.table_names())
    kept = {model._meta.db_table for model in backed_up_models()}
    assert tables - kept == {"django_migrations", "django_session"}
    assert {"sessions.session"} == NOT_BACKED_UP


def test_a_backup_restored_into_an_empty_database_gives_every_table_back(
    board: None, tmp_path: Path
) -> None:
    before = snapshot()
    assert before["audit.auditentry"]
    assert before["reports.publishedreport"]
    assert before["axes.accessattempt"]
    assert before["enterprise_reports.reminder"]
    archive = tmp_path / "kcn.zip"
    summary = database_backup(archive)
    assert summary.rows == sum(len(rows) for rows in before.values())
    empty_database()
    assert snapshot() != before
    restored = database_restore(archive)
    assert restored.rows == summary.rows
    after = snapshot()
    for table, rows in before.items():
        assert after[table] == rows, table
    assert User.objects.get(username="lan").check_password(PASSWORD)


def test_restored_data_keeps_working_new_rows_get_new_ids(board: None, tmp_path: Path) -> None:
    archive = tmp_path / "kcn.zip"
    database_backup(archive)
    empty_database()
    database_restore(archive)
    highest = Narrative.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert highest is not None
    added = Narrative.objects.create(period="2022-Q2", section="investment", text="Tiếp tục.")
    assert added.pk > highest


def test_a_database_that_is_not_empty_is_refused_without_force(board: None, tmp_path: Path) -> None:
    archive = tmp_path / "kcn.zip"
    database_backup(archive)
    before = snapshot()
    Narrative.objects.create(period="2022-Q3", section="investment", text="Viết sau sao lưu.")
    with pytest.raises(KcnError, match="not empty"):
        database_restore(archive)
    database_restore(archive, force=True)
    assert snapshot() == before


def test_a_damaged_archive_changes_nothing(board: None, tmp_path: Path) -> None:
    archive = tmp_path / "kcn.zip"
    database_backup(archive)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "data/reports.narrative.jsonl":
                data = data.replace("tốt".encode(), "xấu".encode())
            target.writestr(item, data)
    empty_database()
    with pytest.raises(KcnError, match="damaged"):
        database_restore(damaged)
    assert nonempty_tables() == []
    not_a_backup = tmp_path / "other.zip"
    with zipfile.ZipFile(not_a_backup, "w") as other:
        other.writestr("hello.txt", "hello")
    with pytest.raises(KcnError, match="not a kcn backup"):
        database_restore(not_a_backup)


def test_a_backup_of_another_schema_is_refused_with_what_to_do(board: None, tmp_path: Path) -> None:
    archive = tmp_path / "kcn.zip"
    database_backup(archive)
    older = tmp_path / "older.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(older, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == MANIFEST:
                manifest = json.loads(data)
                manifest["migrations"] = manifest["migrations"][:-1]
                manifest["kcn_version"] = "0.0.9"
                data = json.dumps(manifest).encode()
            target.writestr(item, data)
    empty_database()
    with pytest.raises(KcnError, match=r"older kcn \(0.0.9\)"):
        database_restore(older)


def test_the_files_kcn_keeps_come_back_too(board: None, tmp_path: Path, settings: Any) -> None:
    pictures = tmp_path / "data" / "pictures"
    (pictures / "2022").mkdir(parents=True)
    (pictures / "2022" / "khanh-thanh.jpg").write_bytes(b"\xff\xd8 a picture")
    settings.KCN_BACKUP_FOLDERS = [pictures]
    archive = tmp_path / "kcn.zip"
    assert database_backup(archive).files == 1
    (pictures / "2022" / "khanh-thanh.jpg").unlink()
    (pictures / "later.jpg").write_bytes(b"added after the backup")
    empty_database()
    assert database_restore(archive).files == 1
    assert (pictures / "2022" / "khanh-thanh.jpg").read_bytes() == b"\xff\xd8 a picture"
    assert not (pictures / "later.jpg").exists()


def test_kcn_backup_and_restore_on_the_command_line(
    board: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot()
    archive = tmp_path / "nightly" / "kcn-2022-04-20.zip"
    archive.parent.mkdir()
    assert cli("backup", str(archive)) == 0
    assert "kcn-2022-04-20.zip written" in capsys.readouterr().err
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # it holds password hashes
    assert list(archive.parent.iterdir()) == [archive]  # no partial file left
    assert cli("restore", str(archive)) == 1
    assert "not empty" in capsys.readouterr().err
    assert cli("restore", str(archive), "--force") == 0
    assert "Everyone signs in again" in capsys.readouterr().err
    assert snapshot() == before
    assert cli("restore", str(tmp_path / "missing.zip")) == 1


def test_a_backup_reads_decimals_dates_and_json_exactly(board: None, tmp_path: Path) -> None:
    archive = tmp_path / "kcn.zip"
    database_backup(archive)
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read(MANIFEST))
        table = next(
            t for t in manifest["tables"] if t["model"] == "enterprise_reports.projectreport"
        )
        row = json.loads(opened.read(table["file"]).splitlines()[0])
    values = dict(zip(table["columns"], row, strict=True))
    assert Decimal(values["revenue"]) == Decimal("1234567.5")
    assert values["period_end"] == "2022-03-31"
    assert manifest["database"] == connection.vendor


def test_a_board_moves_from_sqlite_to_this_database_with_a_backup(
    tmp_path: Path, write_workbook: Callable[..., Path]
) -> None:
    """A backup made by another kcn on its own SQLite file restores here (PostgreSQL in the
    PostgreSQL run) and gives the same report."""
    workbook = write_workbook(valid())
    environment = {
        key: value
        for key, value in os.environ.items()
        if key != "DATABASE_URL" and not key.startswith("DJANGO_")
    }
    environment |= {"KCN_DATA_DIR": str(tmp_path / "laptop"), "KCN_LANG": "en"}
    kcn = [sys.executable, "-m", "kcn.cli"]

    def run(*args: str) -> str:
        done = subprocess.run(
            [*kcn, *args], env=environment, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("init")
    run("import", str(workbook))
    report = json.loads(run("report", "--period", "2022"))
    run("backup", str(tmp_path / "laptop.zip"))
    database_restore(tmp_path / "laptop.zip")
    assert cli("report", "--period", "2022", "-o", str(tmp_path / "here.json")) == 0
    assert json.loads((tmp_path / "here.json").read_text()) == report
