"""``kcn report`` in every document format; ``submit``, ``approve``, ``return``, ``publish``,
``diff``, ``template``; ``kcn board``."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditAction, AuditEntry
from kcn.cli import main
from kcn.reports.models import PublishedReport, ReportState, ReportWorkflow
from tests import factories as f

pytestmark = pytest.mark.django_db


def run(capsys, *args):
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def records():
    f.project("P-1", [(dt.date(2022, 2, 1), "issued", 5_000_000, "USD")])
    f.target(2022, "new_projects", 10)


def test_report_writes_a_word_file_in_vietnamese(capsys, tmp_path, records):
    path = tmp_path / "bao-cao.docx"
    code = main(["--lang", "vi", "report", "--period", "2022-Q1", "--format", "docx",
                 "-o", str(path)])  # fmt: skip
    assert code == 0
    text = "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "Tình hình thực hiện nhiệm vụ quý I năm 2022" in text
    assert "01 dự án có vốn đầu tư nước ngoài, với tổng vốn đầu tư đăng ký 5 triệu USD" in text


def test_report_in_markdown_writes_its_charts_beside_it(capsys, tmp_path, records):
    path = tmp_path / "report.md"
    code, _out, _err = run(capsys, "report", "--period", "2022-Q1", "--format", "md", "-o",
                           str(path))  # fmt: skip
    assert code == 0
    assert "(report-2022-Q1-targets.png)" in path.read_text()
    assert (tmp_path / "report-2022-Q1-targets.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "report-2022-Q1-months.png").is_file()


def test_lang_is_accepted_after_the_subcommand_too(capsys, tmp_path, records):
    english = tmp_path / "report.md"
    vietnamese = tmp_path / "bao-cao.md"
    assert main(["report", "--period", "2022-Q1", "--format", "md", "-o", str(english),
                 "--lang", "en"]) == 0  # fmt: skip
    assert main(["--lang", "en", "report", "--period", "2022-Q1", "--format", "md", "-o",
                 str(vietnamese), "--lang", "vi"]) == 0  # fmt: skip
    capsys.readouterr()
    assert "Progress of the tasks of" in english.read_text()
    assert "Tình hình thực hiện nhiệm vụ quý I năm 2022" in vietnamese.read_text()
    # Both in one folder: each language has its own charts.
    assert (tmp_path / "report-2022-Q1-targets.png").is_file()
    assert (tmp_path / "bao-cao-2022-Q1-targets.png").is_file()


def test_report_in_html_goes_to_standard_output(capsys, records):
    code, out, _err = run(capsys, "report", "--period", "2022-03", "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "March 2022" in out


def test_publish_then_render_says_the_figures_are_frozen_and_diff_lists_changes(capsys, records):
    assert run(capsys, "report", "submit", "--period", "2022-Q1")[0] == 0
    assert run(capsys, "report", "approve", "--period", "2022-Q1")[0] == 0
    code, out, _err = run(capsys, "report", "publish", "--period", "2022-Q1", "--number", "45",
                          "--date", "2022-03-28")  # fmt: skip
    assert (code, out.strip()) == (0, "Published the report of 2022-Q1, version 1.")
    assert run(capsys, "report", "diff", "--period", "2022-Q1")[1].strip() == (
        "No change since version 1 was published."
    )
    f.project("P-2", [(dt.date(2022, 3, 2), "issued", 1_000_000, "USD")])

    code, out, err = run(capsys, "report", "--period", "2022-Q1", "--format", "md")
    assert "version 1" in err
    assert "No 45/BC-BQL" in out.replace(":", "")
    code, out, _err = run(capsys, "report", "diff", "--period", "2022-Q1")
    assert code == 0
    assert "(new_projects), period: 1 → 2" in out


def test_publish_refuses_a_report_that_was_not_approved(capsys, records):
    code, _out, err = run(capsys, "report", "publish", "--period", "2022-Q1", "--number", "45")
    assert (code, err.strip()) == (
        1,
        "kcn: Only an approved report can be published: submit it, then approve it.",
    )
    assert run(capsys, "report", "submit", "--period", "2022-Q1")[0] == 0
    code, _out, err = run(capsys, "report", "publish", "--period", "2022-Q1", "--number", "45")
    assert code == 1
    assert "Only an approved report" in err
    assert not PublishedReport.objects.exists()


def test_the_workflow_is_walked_by_named_users_whose_roles_are_checked(capsys, records):
    lan = User.objects.create(username="lan", role=Role.LEADER)
    son = User.objects.create(username="son", role=Role.SPECIALIST)
    code, out, _err = run(capsys, "report", "submit", "--period", "2022-Q1", "--user", "son")
    assert (code, out.strip()) == (0, "The report was submitted for approval.")
    code, _out, err = run(capsys, "report", "approve", "--period", "2022-Q1", "--user", "son")
    assert (code, err.strip()) == (1, "kcn: Only a leader approves, returns or publishes a report.")
    code, out, _err = run(capsys, "report", "return", "--period", "2022-Q1", "--user", "lan",
                          "--note", "Bổ sung số liệu lao động.")  # fmt: skip
    assert (code, out.strip()) == (0, "The report was returned to draft.")
    workflow = ReportWorkflow.objects.get(period="2022-Q1")
    assert (workflow.state, workflow.note) == (ReportState.DRAFT, "Bổ sung số liệu lao động.")
    run(capsys, "report", "submit", "--period", "2022-Q1", "--user", "son")
    assert run(capsys, "report", "approve", "--period", "2022-Q1", "--user", "lan")[0] == 0
    assert run(capsys, "report", "publish", "--period", "2022-Q1", "--user", "lan")[0] == 0
    assert PublishedReport.objects.get().published_by == lan
    steps = AuditEntry.objects.filter(model="reports.reportworkflow").order_by("pk")
    assert [(entry.action, entry.actor) for entry in steps] == [
        (AuditAction.SUBMIT, son),
        (AuditAction.RETURN, lan),
        (AuditAction.SUBMIT, son),
        (AuditAction.APPROVE, lan),
        (AuditAction.PUBLISH, lan),
    ]


def test_a_return_needs_a_note_and_an_unknown_user_is_named(capsys, records):
    run(capsys, "report", "submit", "--period", "2022-Q1")
    code, _out, err = run(capsys, "report", "return", "--period", "2022-Q1")
    assert (code, err.strip()) == (1, "kcn: Say what needs changing.")
    code, _out, err = run(capsys, "report", "approve", "--period", "2022-Q1", "--user", "nobody")
    assert (code, err.strip()) == (1, "kcn: No user nobody.")
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.SUBMITTED


def test_publish_with_a_bad_date_is_one_line(capsys, records):
    code, _out, err = run(capsys, "report", "publish", "--period", "2022-Q1", "--date", "28/3")
    assert code == 1
    assert err.strip() == "kcn: --date 28/3 is not a date such as 2022-03-28."


def test_a_report_needs_a_period(capsys):
    code, _out, err = run(capsys, "report", "--format", "md")
    assert code == 1
    assert "--period" in err


def test_template_writes_the_word_template_with_its_tags(capsys, tmp_path):
    path = tmp_path / "template.docx"
    assert run(capsys, "report", "template", "-o", str(path))[0] == 0
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "{{ doc.title }}" in text
    assert "{%p for section in doc.sections %}" in text


def test_a_restyled_template_is_used_when_configured(capsys, tmp_path, monkeypatch, records):
    template = tmp_path / "template.docx"
    run(capsys, "report", "template", "-o", str(template))
    document = Document(str(template))
    document.add_paragraph("Mẫu riêng của Ban")
    document.save(str(template))
    monkeypatch.setenv("KCN_REPORT_TEMPLATE", str(template))
    path = tmp_path / "report.docx"
    run(capsys, "report", "--period", "2022-Q1", "--format", "docx", "-o", str(path))
    assert "Mẫu riêng của Ban" in [p.text for p in Document(str(path)).paragraphs]


def test_board_sets_and_shows_the_profile(capsys):
    code, out, _err = run(capsys, "board", "--province", "Hưng Yên", "--signer-name", "Trần B")
    assert code == 0
    assert "parent_body          UBND TỈNH HƯNG YÊN" in out
    assert "signer_name          Trần B" in out


def test_createuser_makes_an_enterprise_user_for_its_investor(capsys, monkeypatch):
    from kcn.accounts.models import User

    monkeypatch.setenv("KCN_PASSWORD", "a-long-enough-password-1")
    investor = f.investor("JP-0001")
    code, _out, err = run(capsys, "createuser", "minh", "--role", "enterprise")
    assert (code, err.strip()) == (1, "kcn: An enterprise user needs the investor it reports for.")
    code, _out, err = run(capsys, "createuser", "minh", "--role", "enterprise", "--investor", "NO")
    assert "No investor has the code NO." in err
    assert (
        run(capsys, "createuser", "minh", "--role", "enterprise", "--investor", "JP-0001")[0] == 0
    )
    assert User.objects.get(username="minh").investor == investor


def test_a_leader_approves_their_own_submission_only_once_the_board_allows_it(capsys, records):
    User.objects.create(username="lan", role=Role.LEADER)
    code, _out, err = run(capsys, "report", "submit", "--period", "2022-Q1", "--user", "lan")
    assert code == 0
    assert "No narrative is written for:" in err  # noted, then submitted
    code, _out, err = run(capsys, "report", "approve", "--period", "2022-Q1", "--user", "lan")
    assert code == 1
    assert err.startswith("kcn: You submitted this report: another leader approves it.")
    code, out, _err = run(capsys, "board", "--self-approval", "yes")
    assert (code, "self_approval        yes" in out) == (0, True)
    assert run(capsys, "report", "approve", "--period", "2022-Q1", "--user", "lan")[0] == 0
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.APPROVED
    code, out, _err = run(capsys, "board", "--self-approval", "no")
    assert "self_approval        no" in out
