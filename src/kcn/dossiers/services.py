"""Writes of the one-stop shop: procedures, the calendar's overrides, dossiers.

Receiving and resolving a dossier are the use cases of the web pages: each one durable
transaction that locks (or, for a new receipt number, lets the unique constraint guard)
what it checks. A dossier's due date is fixed when it is received (Decree 61/2018/NĐ-CP,
art. 19, as amended by Decree 107/2021/NĐ-CP): changing a procedure's time
limit or the calendar later does not move the due date of a dossier already
received.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    check_day,
    check_minimum,
    checked_choice,
    clean_text,
    record_create,
    record_delete,
    record_save,
    record_upsert,
    record_values,
    record_void,
    refusal,
    required_code,
    required_text,
)
from kcn.core.errors import RecordError
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import (
    CalendarDay,
    CalendarDayKind,
    Channel,
    Dossier,
    Procedure,
    Result,
)
from kcn.dossiers.rules import check_due_on, check_resolved_on, due_date
from kcn.dossiers.sheets import CALENDAR, DOSSIERS, PROCEDURES

PROCEDURE_FIELDS = PROCEDURES.fields
CALENDAR_FIELDS = CALENDAR.fields
DOSSIER_FIELDS = DOSSIERS.fields


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@transaction.atomic
def procedure_upsert(
    *, code: str, name: str, working_days: int, actor: User | None = None
) -> Procedure:
    """Add the procedure with ``code``, or set its name and time limit (working days > 0)."""
    code = clean_text(code)
    label = _("procedure %(code)s") % {"code": code}
    required_code(label, Procedure, "code", code)
    name = required_text(label, Procedure, "name", name)
    check_minimum(label, Procedure, "working_days", working_days, strict=True)
    return record_upsert(
        Procedure,
        key={"code": code},
        values={
            "name": name,
            "working_days": working_days,
        },
        label=label,
        fields=PROCEDURE_FIELDS,
        actor=actor,
    )


@transaction.atomic
def calendar_day_set(*, date: dt.date, kind: str, actor: User | None = None) -> CalendarDay:
    """Declare ``date`` a day off (``holiday``) or a make-up working day (``working_day``)."""
    label = _("calendar day %(date)s") % {"date": _day(date)}
    kind = checked_choice(label, CalendarDay, "kind", kind, CalendarDayKind.values)
    return record_upsert(
        CalendarDay,
        key={"date": date},
        values={
            "kind": kind,
        },
        label=label,
        fields=CALENDAR_FIELDS,
        actor=actor,
    )


@transaction.atomic
def calendar_day_clear(*, date: dt.date, actor: User | None = None) -> bool:
    """Remove the override of ``date``, if any: the national calendar applies again.

    Returns whether there was one.
    """
    day = CalendarDay.objects.filter(date=date).first()
    if day is None:
        return False
    record_delete(day, fields=CALENDAR_FIELDS, actor=actor)
    return True


def dossier_due_date(*, procedure: Procedure, received_on: dt.date) -> dt.date:
    """The due date of a dossier for ``procedure`` received on ``received_on``.

    The procedure's ``working_days``-th working day after the receipt, on the
    board's calendar (Vietnam's, with the ``calendar`` overrides).
    """
    return due_date(board_calendar(), received_on, procedure.working_days)


@transaction.atomic(durable=True)
def dossier_receive(
    *,
    code: str,
    procedure: Procedure,
    received_on: dt.date,
    applicant: str = "",
    due_on: dt.date | None = None,
    channel: str = "",
    actor: User | None = None,
) -> Dossier:
    """Receive a dossier under receipt number ``code``.

    Without ``due_on`` the due date is computed (``dossier_due_date``); a given
    one may not be before the receipt. A receipt number is used once: an
    existing ``code`` is refused.
    """
    code = clean_text(code)
    label = _("dossier %(code)s") % {"code": code}
    required_code(label, Dossier, "code", code)
    check_day(label, Dossier, "received_on", received_on)
    check_day(label, Dossier, "due_on", due_on, future=True)
    problem = check_due_on(received_on, due_on)
    if problem is not None:
        raise refusal(label, Dossier, "due_on", problem)
    channel = checked_choice(label, Dossier, "channel", channel, Channel.values, blank=True)
    dossier = Dossier(
        code=code,
        procedure=procedure,
        applicant=clean_text(applicant),
        received_on=received_on,
        due_on=due_on or dossier_due_date(procedure=procedure, received_on=received_on),
        channel=channel,
    )
    return record_create(
        dossier,
        key={"code": code},
        label=label,
        fields=DOSSIER_FIELDS,
        field="code",
        taken=lambda _existing: _("this receipt number is already used by another dossier"),
        actor=actor,
    )


@transaction.atomic(durable=True)
def dossier_resolve(
    *,
    dossier: Dossier,
    resolved_on: dt.date,
    result: str,
    correction: bool = False,
    actor: User | None = None,
) -> Dossier:
    """Record that the result of ``dossier`` was returned on ``resolved_on``.

    ``result`` is ``approved``, ``refused`` or ``returned``; ``resolved_on`` is
    not before the receipt. A dossier is resolved once: resolving one that is
    already resolved is refused, unless ``correction`` says that the recorded
    resolution is being corrected (the audit entry keeps the old date and
    result). The dossier is read again under a lock, so that a resolution
    recorded meanwhile by someone else is not overwritten silently.
    """
    locked = Dossier.objects.select_for_update().select_related("procedure").get(pk=dossier.pk)
    label = _("dossier %(code)s") % {"code": locked.code}
    check_day(label, Dossier, "resolved_on", resolved_on)
    problem = check_resolved_on(locked.received_on, resolved_on)
    if problem is not None:
        raise refusal(label, Dossier, "resolved_on", problem)
    result = checked_choice(label, Dossier, "result", result, Result.values)
    if locked.resolved_on is not None and not correction:
        raise RecordError(
            _(
                "%(record)s was already resolved on %(date)s (%(result)s): "
                "record a correction to change its resolution"
            )
            % {
                "record": label,
                "date": _day(locked.resolved_on),
                "result": locked.result or "-",
            },
            record=label,
            field="resolved_on",
        )
    before = record_values(locked, DOSSIER_FIELDS)
    locked.resolved_on = resolved_on
    locked.result = result
    record_save(locked, label=label, fields=DOSSIER_FIELDS, before=before, actor=actor)
    return locked


@transaction.atomic(durable=True)
def dossier_void(*, dossier: Dossier, reason: str, actor: User | None = None) -> Dossier:
    """A leader voids a dossier recorded by mistake, saying why: it stays, shown with its
    reason, but counts nowhere (received, resolved, on time); its receipt number is not
    given again."""
    if actor is not None and not actor.can_void_records:
        raise RecordError(_("Only a leader voids a record."))
    target = Dossier.all_objects.select_for_update().get(pk=dossier.pk)
    label = _("dossier %(code)s") % {"code": target.code}
    record_void(target, label=label, reason=reason, actor=actor)
    return target
