"""The reminders to enterprises as a background job, run by a real worker: every day by
itself from KCN_REMIND_AT, or when a leader asks from the inbox; never a report reminded
twice a day, whichever of the worker, `kcn remind` and staff sends first."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.db import IntegrityError, connections
from django.utils import timezone

from kcn.accounts.services import user_create_or_update
from kcn.cli import main
from kcn.enterprise_reports import reminders
from kcn.enterprise_reports.models import Reminder
from kcn.investors.models import Investor
from kcn.jobs.models import Job, JobKind, JobStatus
from kcn.jobs.services import daily_jobs_queue
from kcn.jobs.worker import DailyWorker, make_worker
from tests import factories as f
from tests.conftest import ended, wait_for

d = dt.date
DAY = d(2022, 7, 17)  # 2022-Q2's reports were due on 10/07: P2's is a week overdue


@pytest.fixture
def owing(transactional_db: None) -> None:
    """P1 and P2 of one investor whose user has an e-mail; P1 reported 2022-Q2."""
    one = f.project("P1", [(d(2021, 1, 1), "issued", 1_000_000, "USD")])
    f.project("P2", [(d(2021, 1, 1), "issued", 1_000_000, "USD")])
    user_create_or_update(
        username="dn",
        role="enterprise",
        password="correct-horse-battery",
        investor=Investor.objects.get(code="JP-0001"),
        email="dn@example.vn",
    )
    f.project_report(one, "2022-Q2", d(2022, 7, 3))


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Set the time every thread reads (``timezone.now``), local time "HH:MM" on DAY.

    It starts at midnight on DAY, before any time the reminders are sent from: a worker
    started by a later fixture must not see the real clock, past 07:30 on a morning run."""
    now = {"at": timezone.make_aware(dt.datetime.combine(DAY, dt.time(0, 0)))}
    monkeypatch.setattr(timezone, "now", lambda: now["at"])

    def set_to(hour: str) -> None:
        local = dt.datetime.combine(DAY, dt.time.fromisoformat(hour))
        now["at"] = timezone.make_aware(local)

    return set_to


@pytest.fixture
def daily_worker(transactional_db: None) -> Iterator[Any]:
    """The worker as `kcn worker` runs it (with the daily jobs), looking at the clock at
    every turn."""
    runner = make_worker(interval=0.05, daily=True)
    assert isinstance(runner, DailyWorker)
    runner.check_every = 0

    def run() -> None:
        try:
            runner.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield runner
    runner.running = False
    thread.join(timeout=30)


def reminder_jobs() -> list[Job]:
    return list(Job.objects.filter(kind=JobKind.REMINDERS))


def test_the_worker_sends_the_days_reminders_by_itself_once(owing, clock, settings, daily_worker):
    settings.KCN_REMIND_AT = "07:30"
    clock("07:00")
    time.sleep(0.5)  # ten turns of the worker before 07:30: nothing
    assert reminder_jobs() == []
    clock("08:15")
    deadline = time.monotonic() + 30
    while not reminder_jobs() and time.monotonic() < deadline:
        time.sleep(0.05)
    (job,) = reminder_jobs()
    job = wait_for(job, ended)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.scheduled_for == DAY
    assert job.created_by is None
    assert job.summary == {"day": "2022-07-17", "sent": 1, "letters": 1, "without_address": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dn@example.vn"]
    assert "P2" in mail.outbox[0].body
    time.sleep(0.5)  # more turns the same day: no second job
    assert len(reminder_jobs()) == 1
    # `kcn remind` from cron the same day finds them sent: nothing more.
    assert main(["remind", "--date", "2022-07-17"]) == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_off_leaves_the_reminders_to_kcn_remind(owing, clock, settings, daily_worker):
    settings.KCN_REMIND_AT = "off"
    clock("23:00")
    time.sleep(0.5)
    assert reminder_jobs() == []
    assert mail.outbox == []


def test_two_workers_queue_the_day_once(owing, clock, settings):
    settings.KCN_REMIND_AT = "07:30"
    clock("07:45")
    first = daily_jobs_queue()
    assert first is not None
    assert daily_jobs_queue() is None
    assert len(reminder_jobs()) == 1
    with pytest.raises(IntegrityError):
        Job.objects.create(kind=JobKind.REMINDERS, scheduled_for=DAY)


def test_a_leader_sends_them_from_the_inbox_and_reads_how_many(
    owing, clock, client_of, users, worker
):
    clock("06:00")
    inbox = "/enterprise-reports/?period=2022-Q2"
    assert 'action="/jobs/reminders/"' in client_of(users["leader"]).get(inbox).content.decode()
    assert (
        'action="/jobs/reminders/"'
        not in client_of(users["specialist"]).get(inbox).content.decode()
    )
    assert client_of(users["specialist"]).post("/jobs/reminders/").status_code == 403
    assert client_of(users["viewer"]).post("/jobs/reminders/").status_code == 403
    assert reminder_jobs() == []

    client = client_of(users["leader"])
    response = client.post("/jobs/reminders/")
    match = re.fullmatch(r"/jobs/([0-9a-f-]{36})/", response["Location"])
    assert match is not None
    job = wait_for(Job.objects.get(pk=match.group(1)), ended)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.created_by == users["leader"]
    assert job.summary is not None
    assert job.summary["sent"] == 1
    assert len(mail.outbox) == 1
    # In the site's language, Vietnamese, though the leader reads the pages in English.
    assert mail.outbox[0].subject == "Nhắc nộp 1 báo cáo cho Ban Quản lý các khu công nghiệp"
    assert "1 reminder sent." in client.get(f"/jobs/{job.pk}/").content.decode()

    # Asked again the same day: nothing more is sent, and the page says so.
    again = wait_for(
        Job.objects.get(pk=client.post("/jobs/reminders/")["Location"].split("/")[2]), ended
    )
    assert again.summary is not None
    assert again.summary["sent"] == 0
    assert "0 reminders sent." in client.get(f"/jobs/{again.pk}/").content.decode()
    assert len(mail.outbox) == 1


def test_a_run_that_loses_the_race_sends_nothing_twice(owing, monkeypatch):
    """Another run (cron's `kcn remind`, the worker's) sends between this run's look at
    what is due and its sending: the log refuses the second letter, the run goes on."""
    real = reminders.reminders_due

    def due_then_someone_else_sends(today: dt.date, period: str = "") -> reminders.RunResult:
        found = real(today, period)
        monkeypatch.setattr(reminders, "reminders_due", real)
        reminders.reminders_send(today)  # the other run
        return found

    monkeypatch.setattr(reminders, "reminders_due", due_then_someone_else_sends)
    result = reminders.reminders_send(DAY)
    assert result.letters == []
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_bad_remind_at_stops_the_worker_at_once(transactional_db, settings, capsys):
    settings.KCN_REMIND_AT = "7h30"
    assert main(["--lang", "en", "worker", "--batch"]) != 0
    err = capsys.readouterr().err
    assert "KCN_REMIND_AT must be a time such as 07:30, or off; it is 7h30." in err
    assert reminder_jobs() == []
