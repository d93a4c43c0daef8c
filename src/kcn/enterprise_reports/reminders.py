"""Reminding enterprises of the reports they owe, by e-mail.

The schedule: 7 days and 1 day before the due date, then every 7 days while
the report is overdue (a returned report counts as not sent). Never two
reminders of one report on one day: the ``Reminder`` log is unique per
project, period and day, and a staff member's reminder from the inbox counts
too, and two runs at once send each letter once (the log's unique constraint). The job
worker runs the schedule every day from ``KCN_REMIND_AT`` (kcn.jobs); ``kcn remind`` runs
it from cron or a systemd timer instead. Mail goes through Django's mail framework
(``KCN_EMAIL_*`` settings).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.models import Role, User
from kcn.core.errors import KcnError
from kcn.enterprise_reports.models import (
    SENT,
    LaborFiling,
    Obligation,
    PeriodKind,
    ProjectReport,
    Reminder,
    ReminderKind,
)

BEFORE = {7: ReminderKind.WEEK_BEFORE, 1: ReminderKind.DAY_BEFORE}
OVERDUE_EVERY = 7


def reminder_kind(due_on: dt.date, today: dt.date) -> str | None:
    """Which reminder the schedule sends ``today`` for a report due on ``due_on``, if any."""
    days = (due_on - today).days
    if days in BEFORE:
        return BEFORE[days]
    if days < 0 and -days % OVERDUE_EVERY == 0:
        return ReminderKind.OVERDUE
    return None


def _unsent(kind: str) -> QuerySet[Obligation]:
    """Obligations of ``kind`` whose report has not been sent (none, a draft, or returned)."""
    model = ProjectReport if kind == PeriodKind.QUARTER else LaborFiling
    sent = model.objects.filter(
        project=OuterRef("project"), period=OuterRef("period__code"), status__in=SENT
    )
    return (
        Obligation.objects.filter(period__kind=kind)
        .filter(~Exists(sent))
        .select_related("project__investor", "period")
    )


@dataclass
class Letter:
    """One e-mail to an investor's users about the reports its projects owe."""

    investor: str
    recipients: list[str]
    items: list[tuple[Obligation, str]] = field(default_factory=list)  # (obligation, kind)

    def subject(self) -> str:
        return _("Reminder: %(n)s report(s) to send to the Industrial Zones Management Board") % {
            "n": len(self.items)
        }

    def body(self, today: dt.date) -> str:
        lines = [_("Dear %(investor)s,") % {"investor": self.investor}, ""]
        lines.append(_("The following reports are due to the board:"))
        for obligation, _kind in self.items:
            lines.append("- " + describe(obligation, today))
        lines += [
            "",
            _("Send them at %(url)s (sign in with your account).")
            % {"url": settings.KCN_SITE_URL.rstrip("/") + reverse("enterprise_home")},
            "",
            _("This message was sent automatically; please do not reply to it."),
        ]
        return "\n".join(lines)


def describe(obligation: Obligation, today: dt.date) -> str:
    """ "project P1 (Nhà máy A), quarterly report 2022-Q2, due 10/07/2022, 14 days overdue"."""
    period = obligation.period
    what = (
        _("quarterly implementation report (form A.III.1)")
        if period.kind == PeriodKind.QUARTER
        else _("half-year labor report")
    )
    days = (period.due_on - today).days
    when = (
        _("due %(date)s, in %(n)s day(s)") if days >= 0 else _("due %(date)s, %(n)s day(s) overdue")
    ) % {"date": period.due_on.strftime("%d/%m/%Y"), "n": abs(days)}
    return _("project %(code)s (%(name)s), %(what)s for %(period)s, %(when)s") % {
        "code": obligation.project.code,
        "name": obligation.project.name,
        "what": what,
        "period": period.code,
        "when": when,
    }


def _recipients(investor_ids: Iterable[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    users = User.objects.filter(
        role=Role.ENTERPRISE, is_active=True, investor_id__in=set(investor_ids)
    ).exclude(email="")
    for user in users.order_by("email"):
        assert user.investor_id is not None
        found[user.investor_id].append(user.email)
    return found


@dataclass
class RunResult:
    letters: list[Letter]
    without_address: list[Obligation]  # due a reminder, but no enterprise user has an e-mail


def reminders_due(today: dt.date, period: str = "") -> RunResult:
    """The letters the schedule sends today (none already sent today), grouped by investor."""
    due: list[tuple[Obligation, str]] = []
    reminded_today = Reminder.objects.filter(
        project=OuterRef("project"), period=OuterRef("period"), sent_on=today
    )
    for kind in (PeriodKind.QUARTER, PeriodKind.HALF_YEAR):
        rows = _unsent(kind).filter(~Exists(reminded_today))
        if period:
            rows = rows.filter(period__code=period)
        # Only the days the schedule names: 7 and 1 days before, every 7 days after.
        days = [today + dt.timedelta(days=n) for n in BEFORE]
        overdue = Q(period__due_on__lt=today)
        for obligation in rows.filter(Q(period__due_on__in=days) | overdue).order_by(
            "project__investor__name", "period__due_on", "project__code"
        ):
            reminder = reminder_kind(obligation.period.due_on, today)
            if reminder is not None:
                due.append((obligation, reminder))
    addresses = _recipients(obligation.project.investor_id for obligation, _kind in due)
    letters: dict[int, Letter] = {}
    without: list[Obligation] = []
    for obligation, reminder in due:
        investor = obligation.project.investor
        if not addresses.get(investor.pk):
            without.append(obligation)
            continue
        letter = letters.setdefault(investor.pk, Letter(investor.name, addresses[investor.pk]))
        letter.items.append((obligation, reminder))
    return RunResult(list(letters.values()), without)


def reminders_send(
    today: dt.date, period: str = "", *, dry_run: bool = False, actor: User | None = None
) -> RunResult:
    """Send today's reminders (or, with ``dry_run``, only say what would be sent)."""
    result = reminders_due(today, period)
    if dry_run:
        return result
    connection = get_connection()
    sent = []
    for letter in result.letters:
        try:
            _send(letter, today, connection, actor)
        except IntegrityError:
            # Another run (the worker's, cron's, a staff member's) logged one of these
            # reports today between our look and our send: not sent twice, nor here.
            continue
        sent.append(letter)
    result.letters = sent
    return result


def _send(letter: Letter, today: dt.date, connection: Any, actor: User | None) -> None:
    with transaction.atomic():
        # Logged first: a second run today finds the log and sends nothing; if the mail
        # cannot be sent, the log is rolled back and a later run tries again.
        Reminder.objects.bulk_create(
            [
                Reminder(
                    project=obligation.project,
                    period=obligation.period,
                    kind=kind,
                    sent_on=today,
                    recipients="\n".join(letter.recipients),
                    subject=letter.subject()[:255],
                    sent_by=actor,
                )
                for obligation, kind in letter.items
            ]
        )
        EmailMessage(
            letter.subject(),
            letter.body(today),
            settings.DEFAULT_FROM_EMAIL,
            letter.recipients,
            connection=connection,
        ).send()


def reminder_send_one(obligation: Obligation, today: dt.date, actor: User | None) -> Letter:
    """A staff member reminds an enterprise of one report, from the inbox; not twice a day."""
    if Reminder.objects.filter(
        project=obligation.project, period=obligation.period, sent_on=today
    ).exists():
        raise KcnError(_("A reminder of this report was already sent today."))
    addresses = _recipients([obligation.project.investor_id]).get(obligation.project.investor_id)
    if not addresses:
        raise KcnError(
            _("No user of %(investor)s has an e-mail address: add one in Users.")
            % {"investor": obligation.project.investor.name}
        )
    letter = Letter(
        obligation.project.investor.name, addresses, [(obligation, ReminderKind.MANUAL)]
    )
    _send(letter, today, get_connection(), actor)
    return letter
