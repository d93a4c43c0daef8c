"""Reminders: 7 days and 1 day before the due date, weekly while overdue, never twice a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from kcn.accounts.services import user_create_or_update
from kcn.cli import main
from kcn.enterprise_reports.models import Reminder, ReminderKind
from kcn.enterprise_reports.reminders import reminder_kind, reminders_send
from kcn.investors.models import Investor
from tests import factories as f

d = dt.date
DUE = d(2022, 7, 10)  # 2022-Q2's reports


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (d(2022, 7, 2), None),
        (d(2022, 7, 3), ReminderKind.WEEK_BEFORE),
        (d(2022, 7, 9), ReminderKind.DAY_BEFORE),
        (d(2022, 7, 10), None),
        (d(2022, 7, 16), None),
        (d(2022, 7, 17), ReminderKind.OVERDUE),
        (d(2022, 7, 24), ReminderKind.OVERDUE),
        (d(2022, 7, 25), None),
    ],
)
def test_the_schedule_reminds_a_week_and_a_day_before_then_weekly(today, expected):
    assert reminder_kind(DUE, today) == expected


@pytest.fixture
def owing(db):
    """Two projects of one investor with an e-mail; one reported 2022-Q2 (accepted)."""
    one = f.project("P1", [(d(2021, 1, 1), "issued", 1_000_000, "USD")])
    two = f.project("P2", [(d(2021, 1, 1), "issued", 1_000_000, "USD")])
    user_create_or_update(
        username="dn",
        role="enterprise",
        password="correct-horse-battery",
        investor=Investor.objects.get(code="JP-0001"),
        email="dn@example.vn",
    )
    f.project_report(one, "2022-Q2", d(2022, 7, 3))
    return one, two


def test_one_letter_per_investor_lists_the_reports_it_owes_and_is_logged(owing):
    result = reminders_send(d(2022, 7, 17))
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["dn@example.vn"]
    assert "P2" in letter.body
    assert "P1" not in letter.body  # P1 sent its report
    assert "2022-Q2" in letter.body
    assert "7" in letter.body  # days overdue
    assert [r.kind for r in Reminder.objects.all()] == [ReminderKind.OVERDUE]
    assert len(result.letters) == 1


def test_running_twice_the_same_day_sends_nothing_more(owing):
    reminders_send(d(2022, 7, 17))
    again = reminders_send(d(2022, 7, 17))
    assert again.letters == []
    assert len(mail.outbox) == 1


def test_a_dry_run_sends_and_logs_nothing(owing):
    result = reminders_send(d(2022, 7, 17), dry_run=True)
    assert len(result.letters) == 1
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_an_investor_without_an_email_address_is_listed_not_skipped_silently(owing):
    f.project("P3", [(d(2021, 1, 1), "issued", 1_000_000, "USD")], origin="domestic")
    result = reminders_send(d(2022, 7, 17))
    assert [o.project.code for o in result.without_address] == ["P3"]


def test_kcn_remind_prints_who_was_reminded_of_what(owing, capsys):
    assert main(["--lang", "en", "remind", "--date", "2022-07-17"]) == 0
    out = capsys.readouterr()
    assert "Reminded dn@example.vn: project P2" in out.out
    assert "2022-Q2" in out.out
    assert "1 reminder(s) sent." in out.err
    assert main(["--lang", "en", "remind", "--date", "2022-07-17", "--dry-run"]) == 0
    assert "0 reminder(s) would be sent." in capsys.readouterr().err
