"""Publishing freezes a report; later changes of the records show as a diff, never silently.

Only an approved report is published: ``report_publish`` checks it in the same transaction
as it freezes the dataset and moves the state, whoever calls it (web page or command line).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditAction, AuditEntry
from kcn.board.services import board_profile_update
from kcn.core.errors import KcnError, RecordError
from kcn.core.periods import parse_period
from kcn.reports.models import Narrative, PublishedReport, ReportState, ReportWorkflow
from kcn.reports.sections import Section
from kcn.reports.selectors import approval_changes, report_changes, report_dataset
from kcn.reports.services import narrative_set
from kcn.reports.workflow import (
    report_approve,
    report_publish,
    report_return,
    report_submit,
    report_texts_save,
    submit_warnings,
    texts_fingerprint,
)
from tests import factories

pytestmark = pytest.mark.django_db

Q1 = parse_period("2022-Q1")


@pytest.fixture
def one_project():
    return factories.project("P-1", [(dt.date(2022, 2, 1), "issued", 5_000_000, "USD")])


def publish(period: str = "2022-Q1", **fields):
    """Submit, approve and publish the report of ``period`` as the system (the command line)."""
    parsed = parse_period(period)
    report_submit(period=parsed, actor=None)
    report_approve(period=parsed, actor=None)
    return report_publish(period=parsed, actor=None, **fields)


def state() -> str:
    return ReportWorkflow.objects.get(period="2022-Q1").state


@pytest.fixture
def lan(db):
    return User.objects.create(username="lan", role=Role.LEADER)


@pytest.fixture
def son(db):
    return User.objects.create(username="son", role=Role.SPECIALIST)


def test_a_published_report_keeps_its_figures_after_the_records_change(one_project):
    publish(number="45", issued_on=dt.date(2022, 3, 28))
    factories.project("P-2", [(dt.date(2022, 3, 1), "issued", 1_000_000, "USD")])

    frozen = report_dataset(Q1)
    live = report_dataset(Q1, live=True)
    assert frozen.value("new_projects") == 1
    assert live.value("new_projects") == 2
    assert (frozen.number, frozen.issued_on, frozen.version) == ("45", dt.date(2022, 3, 28), 1)
    assert live.version == 0


def test_the_diff_lists_each_figure_that_changed_since_publishing(one_project):
    publish()
    factories.project("P-2", [(dt.date(2022, 3, 1), "issued", 1_000_000, "USD")])
    narrative_set(period="2022-Q1", section="health", text="Tiêm vắc xin.")

    published, changes = report_changes(Q1)
    lines = [str(change) for change in changes]
    assert published.version == 1
    assert any("(new_projects), period: 1 → 2" in line for line in lines)
    assert any("(new_capital_usd), period: 5,000,000 → 6,000,000" in line for line in lines)
    assert any(line.startswith("Narrative:") and "Tiêm vắc xin." in line for line in lines)


def test_nothing_changed_means_an_empty_diff(one_project):
    publish()
    assert report_changes(Q1)[1] == []


def test_publishing_again_makes_a_new_version_and_is_audited(one_project):
    publish("2022-q1")
    second = publish("2022-Q1", number="46")
    assert second.version == 2
    assert report_dataset(Q1).number == "46"
    assert PublishedReport.objects.filter(period="2022-Q1").count() == 2
    published = AuditEntry.objects.filter(action=AuditAction.PUBLISH)
    assert published.filter(model="reports.publishedreport").count() == 2
    assert published.filter(model="reports.reportworkflow").count() == 2


def test_a_report_never_published_has_no_diff():
    with pytest.raises(KcnError, match="has not been published"):
        report_changes(Q1)


def test_a_document_number_is_digits_only():
    with pytest.raises(RecordError, match="number") as error:
        publish(number="45/BC")
    assert error.value.field == "number"
    assert not PublishedReport.objects.exists()
    assert state() == ReportState.APPROVED


def test_the_frozen_dataset_survives_its_json_round_trip(one_project):
    report = publish()
    frozen = report_dataset(Q1)
    assert frozen.to_json() == report.dataset


# -- the workflow's rules, in the services ------------------------------------------------


def test_a_report_that_was_not_approved_is_not_published(one_project, lan):
    with pytest.raises(KcnError, match="Only an approved report can be published"):
        report_publish(period=Q1, number="45", actor=lan)
    report_submit(period=Q1, actor=lan)
    with pytest.raises(KcnError, match="Only an approved report can be published"):
        report_publish(period=Q1, number="45", actor=lan)
    assert not PublishedReport.objects.exists()
    assert state() == ReportState.SUBMITTED
    assert not AuditEntry.objects.filter(action=AuditAction.PUBLISH).exists()


def test_publishing_freezes_moves_the_state_and_audits_in_one_go(one_project, lan, son):
    report_submit(period=Q1, actor=son)
    report_approve(period=Q1, actor=lan)
    report = report_publish(period=Q1, number="45", issued_on=dt.date(2022, 3, 28), actor=lan)
    assert (report.version, report.published_by) == (1, lan)
    assert state() == ReportState.PUBLISHED
    steps = AuditEntry.objects.filter(model="reports.reportworkflow").order_by("pk")
    assert [(entry.action, entry.actor) for entry in steps] == [
        (AuditAction.SUBMIT, son),
        (AuditAction.APPROVE, lan),
        (AuditAction.PUBLISH, lan),
    ]
    # A published report is published again only after a new round.
    with pytest.raises(KcnError, match="Only an approved report can be published"):
        report_publish(period=Q1, number="46", actor=lan)


def test_only_a_leader_approves_returns_or_publishes(one_project, son):
    report_submit(period=Q1, actor=son)
    for step in (report_approve, report_publish):
        with pytest.raises(KcnError, match="Only a leader"):
            step(period=Q1, actor=son)
    with pytest.raises(KcnError, match="Only a leader"):
        report_return(period=Q1, actor=son, note="x")
    assert state() == ReportState.SUBMITTED


def test_a_viewer_does_not_submit(one_project):
    viewer = User.objects.create(username="vy", role=Role.VIEWER)
    with pytest.raises(KcnError, match="Only a leader or a specialist"):
        report_submit(period=Q1, actor=viewer)
    assert not ReportWorkflow.objects.exists()


def test_a_leader_does_not_approve_their_own_submission_unless_the_board_allows_it(
    one_project, lan
):
    report_submit(period=Q1, actor=lan)
    with pytest.raises(KcnError, match="You submitted this report: another leader approves it"):
        report_approve(period=Q1, actor=lan)
    assert state() == ReportState.SUBMITTED
    board_profile_update(self_approval=True)
    assert report_approve(period=Q1, actor=lan).state == ReportState.APPROVED


def test_the_figures_as_approved_are_kept_and_what_changed_since_is_listed(one_project, lan, son):
    report_submit(period=Q1, actor=son)
    assert approval_changes(Q1) is None  # not approved yet
    report_approve(period=Q1, actor=lan)
    assert approval_changes(Q1) == []
    factories.project("P-2", [(dt.date(2022, 3, 1), "issued", 4_000_000, "USD")])
    changes = {change.what: change for change in approval_changes(Q1) or []}
    new_projects = next(what for what in changes if "(new_projects)" in what)
    assert (changes[new_projects].published, changes[new_projects].now) == ("1", "2")
    report_publish(period=Q1, number="45", actor=lan)
    assert approval_changes(Q1) is None  # published: kcn report diff compares with that
    assert ReportWorkflow.objects.get().approved_dataset is None


def test_submitting_with_empty_narratives_is_warned_first(one_project, lan):
    warnings = submit_warnings(Q1)
    assert len(warnings) == 1
    assert "No narrative is written for:" in warnings[0]
    for section in Section:
        Narrative.objects.create(period=Q1.code, section=section.value, text="Viết rồi.")
    assert submit_warnings(Q1) == []


def test_a_report_is_returned_with_a_note_and_the_step_is_audited(one_project, lan):
    report_submit(period=Q1, actor=lan)
    with pytest.raises(KcnError, match="Say what needs changing"):
        report_return(period=Q1, actor=lan, note="  ")
    report_return(period=Q1, actor=lan, note="Bổ sung số liệu.")
    entry = AuditEntry.objects.filter(model="reports.reportworkflow").latest("pk")
    assert (entry.action, entry.after) == (
        AuditAction.RETURN,
        {"state": "draft", "note": "Bổ sung số liệu."},
    )


def test_changing_the_texts_of_an_approved_report_returns_it_to_draft(one_project, son, lan):
    report_submit(period=Q1, actor=son)
    report_approve(period=Q1, actor=lan)
    report_texts_save(
        period=Q1,
        narratives={"health": "Tiêm vắc xin."},
        priorities=[],
        fingerprint=texts_fingerprint(Q1),
        actor=son,
    )
    assert state() == ReportState.DRAFT
    with pytest.raises(KcnError, match="Only an approved report can be published"):
        report_publish(period=Q1, actor=lan)
