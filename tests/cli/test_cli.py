"""The ``kcn`` command as a user runs it: exit codes, one-line errors, JSON on stdout."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kcn.accounts.models import User
from kcn.cli import main
from tests import factories as f
from tests.exchange.samples import valid, with_row

pytestmark = pytest.mark.django_db
d = dt.date


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_twice_is_harmless(capsys):
    assert run(capsys, "init")[0] == 0
    code, _out, err = run(capsys, "init")
    assert code == 0
    assert "The database is ready." in err


def test_report_json_has_the_period_and_every_indicator(capsys):
    f.zone_event("Z1", d(2022, 2, 10), "infrastructure_built", "29")
    f.target(2022, "infrastructure_built_ha", 120)
    code, out, _err = run(capsys, "report", "--period", "2022-Q1", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["period"] == {"code": "2022-Q1", "start": "2022-01-01", "end": "2022-03-31"}
    assert data["indicators"]["infrastructure_built_ha"] == {
        "value": 29,
        "ytd": 29,
        "unit": "ha",
        "target": 120,
        "target_max": None,
        "percent_of_target": 24.17,
        "met": False,
    }
    assert data["indicators"]["operating_projects.foreign"]["value"] == 0


def test_report_writes_a_file_with_o(capsys, tmp_path):
    target = tmp_path / "q1.json"
    assert run(capsys, "report", "--period", "2022-Q1", "-o", str(target))[0] == 0
    assert json.loads(target.read_text())["period"]["code"] == "2022-Q1"


def test_a_bad_period_is_one_line_on_stderr_and_exit_1(capsys):
    code, out, err = run(capsys, "report", "--period", "2022-Q5")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert err.startswith("kcn: Period 2022-Q5 is not a period code")


def test_vnd_without_rate_is_one_line_naming_the_event(capsys):
    f.project("P7", [(d(2022, 1, 15), "issued", 5_000_000_000, "VND")], origin="domestic")
    code, _out, err = run(capsys, "report", "--period", "2022-Q1")
    assert code == 1
    assert err.startswith("kcn: Project P7, 'certificate issued' on 15/01/2022")
    assert "Traceback" not in err


def test_import_lists_every_problem_and_exits_1(capsys, write_workbook):
    path = write_workbook(with_row("investors", 0, code="0100109107"))
    code, _out, err = run(capsys, "import", str(path))
    assert code == 1
    assert "investors!A2: 0100109107 is not a valid tax code: its check digit is wrong." in err
    assert "nothing was imported" in err


def test_import_then_explain(capsys, write_workbook):
    assert run(capsys, "import", str(write_workbook(valid())))[0] == 0
    code, out, _err = run(capsys, "explain", "--period", "2022-Q1", "new_projects.domestic")
    assert code == 0
    assert "P1" in out
    assert "1 of 1 records." in out


def test_import_of_a_missing_file_is_a_clear_error(capsys, tmp_path):
    code, _out, err = run(capsys, "import", str(tmp_path / "nope.xlsx"))
    assert code == 1
    assert err == f"kcn: {tmp_path / 'nope.xlsx'}: no such file\n"


def test_export_then_import_into_an_empty_database_gives_the_same_report(
    capsys, write_workbook, tmp_path, django_db_reset_sequences
):
    assert run(capsys, "import", str(write_workbook(valid())))[0] == 0
    before = run(capsys, "report", "--period", "2022")[1]
    exported = tmp_path / "export.xlsx"
    assert run(capsys, "export", str(exported))[0] == 0
    _empty_database()
    assert run(capsys, "report", "--period", "2022")[1] != before
    assert run(capsys, "import", str(exported))[0] == 0
    assert run(capsys, "report", "--period", "2022")[1] == before


def _empty_database() -> None:
    from django.apps import apps
    from django.core.cache import caches
    from django.db import connection

    with connection.cursor():
        for model in reversed(apps.get_models()):
            if model._meta.app_label.startswith(
                ("investors", "zones", "projects", "dossiers", "documents", "indicators", "reports")
            ):
                model._base_manager.all()._raw_delete(using="default")
    caches["default"].clear()  # raw deletes bypass the data version that keys kept figures


def test_createuser_takes_the_password_from_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("KCN_PASSWORD", "a-long-enough-secret")
    code, _out, err = run(capsys, "createuser", "lan", "--role", "specialist")
    assert code == 0
    user = User.objects.get(username="lan")
    assert user.role == "specialist"
    assert user.check_password("a-long-enough-secret")
    code, _out, err = run(capsys, "createuser", "lan", "--role", "leader")
    assert code == 1
    assert "already exists" in err
    assert run(capsys, "createuser", "lan", "--role", "leader", "--update")[0] == 0
    assert User.objects.get(username="lan").role == "leader"


def test_createuser_refuses_a_weak_password(capsys, monkeypatch):
    monkeypatch.setenv("KCN_PASSWORD", "123")
    code, _out, err = run(capsys, "createuser", "lan", "--role", "viewer")
    assert code == 1
    assert err.startswith("kcn: Password:")
    assert not User.objects.exists()


def test_an_unknown_indicator_to_explain_is_a_clear_error(capsys):
    code, _out, err = run(capsys, "explain", "--period", "2022-Q1", "happiness")
    assert code == 1
    assert "not an indicator code" in err


def test_messages_are_vietnamese_by_default(capsys):
    code = main(["report", "--period", "2022-Q9"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("kcn: Kỳ báo cáo 2022-Q9"), err
