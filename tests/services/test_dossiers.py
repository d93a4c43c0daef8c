"""The one-stop shop: procedures, the calendar, dossiers received and resolved."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from kcn.dossiers.models import CalendarDay, Dossier
from kcn.dossiers.services import (
    calendar_day_clear,
    calendar_day_set,
    dossier_due_date,
    dossier_receive,
    dossier_resolve,
    procedure_upsert,
)
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db
d = dt.date
FRIDAY_BEFORE_TET = d(2022, 1, 28)


@pytest.fixture
def irc(db):
    """Issuing an investment registration certificate: 15 working days."""
    return procedure_upsert(code="IRC", name="Cấp GCNĐKĐT", working_days=15)


@pytest.fixture
def received(irc):
    return dossier_receive(
        code="000.00.01.H33-220128-0001", procedure=irc, received_on=d(2022, 3, 1)
    )


def nth_working_day_by_the_holidays_package(start: dt.date, count: int) -> dt.date:
    vietnam = holidays.country_holidays("VN")
    day = start
    while count:
        day += dt.timedelta(days=1)
        count -= vietnam.is_working_day(day)
    return day


# -- procedures and the calendar -------------------------------------------------------------


def test_it_refuses_a_procedure_without_a_time_limit(refused):
    with refused("procedure IRC, working days: '0' must be greater than 0"):
        procedure_upsert(code="IRC", name="Cấp GCNĐKĐT", working_days=0)


def test_it_changes_a_procedures_time_limit_with_the_change_audited(irc, specialist):
    procedure_upsert(code="IRC", name="Cấp GCNĐKĐT", working_days=12, actor=specialist)
    update = audit_of(irc)[-1]
    assert (update.before, update.after) == ({"working_days": 15}, {"working_days": 12})


def test_it_declares_a_make_up_working_day_and_clears_it(specialist):
    day = calendar_day_set(date=d(2022, 1, 29), kind="working_day", actor=specialist)
    assert only_audit_entry(day).after == {"date": "2022-01-29", "kind": "working_day"}
    calendar_day_set(date=d(2022, 1, 29), kind="holiday")
    assert calendar_day_clear(date=d(2022, 1, 29), actor=specialist)
    assert not CalendarDay.objects.exists()
    assert [entry.action for entry in audit_of(day)] == ["create", "update", "delete"]
    assert audit_of(day)[-1].before == {"date": "2022-01-29", "kind": "holiday"}
    assert not calendar_day_clear(date=d(2022, 1, 29))


def test_it_refuses_a_calendar_day_of_an_unknown_kind(refused):
    with refused("calendar day 29/01/2022, kind: 'weekend' is not one of: holiday, working_day"):
        calendar_day_set(date=d(2022, 1, 29), kind="weekend")


# -- due dates ----------------------------------------------------------------------------------


def test_a_dossier_received_on_the_friday_before_tet_2022_is_due_on_25_february(irc):
    # Not counted: Friday 28/01 itself, the weekend, Tết (31/01–04/02), the weekend;
    # then 07–11/02 (5), 14–18/02 (10), 21–25/02 (15).
    due = dossier_due_date(procedure=irc, received_on=FRIDAY_BEFORE_TET)
    assert due == d(2022, 2, 25)
    assert due == nth_working_day_by_the_holidays_package(FRIDAY_BEFORE_TET, 15)


def test_the_boards_calendar_overrides_move_the_due_date(irc):
    calendar_day_set(date=d(2022, 1, 29), kind="working_day")  # a Saturday worked
    assert dossier_due_date(procedure=irc, received_on=FRIDAY_BEFORE_TET) == d(2022, 2, 24)
    calendar_day_set(date=d(2022, 2, 7), kind="holiday")
    assert dossier_due_date(procedure=irc, received_on=FRIDAY_BEFORE_TET) == d(2022, 2, 25)


# -- receiving ----------------------------------------------------------------------------------


def test_it_receives_a_dossier_with_its_due_date_computed(irc, specialist):
    dossier = dossier_receive(
        code="D1",
        procedure=irc,
        received_on=FRIDAY_BEFORE_TET,
        applicant="Công ty TNHH Sumi",
        channel="Online",
        actor=specialist,
    )
    assert Dossier.objects.get().due_on == d(2022, 2, 25)
    assert only_audit_entry(dossier).after == {
        "code": "D1",
        "procedure": "IRC",
        "applicant": "Công ty TNHH Sumi",
        "received_on": "2022-01-28",
        "due_on": "2022-02-25",
        "resolved_on": None,
        "channel": "online",
        "result": "",
    }


def test_a_given_due_date_is_kept(irc):
    dossier = dossier_receive(
        code="D2", procedure=irc, received_on=d(2022, 3, 1), due_on=d(2022, 3, 10)
    )
    assert dossier.due_on == d(2022, 3, 10)


def test_it_refuses_a_due_date_before_the_receipt(refused, irc):
    with refused(
        "dossier D2, due on: the due date (28/02/2022) is before the day of receipt (01/03/2022)"
    ):
        dossier_receive(code="D2", procedure=irc, received_on=d(2022, 3, 1), due_on=d(2022, 2, 28))


def test_it_refuses_a_receipt_number_used_twice(refused, received):
    with refused("this receipt number is already used by another dossier"):
        dossier_receive(code=received.code, procedure=received.procedure, received_on=d(2022, 3, 2))


def test_it_refuses_an_unknown_channel(refused, irc):
    with refused("'email' is not one of: online, counter, post"):
        dossier_receive(code="D3", procedure=irc, received_on=d(2022, 3, 1), channel="email")


def test_a_due_date_fixed_at_receipt_does_not_move_with_the_procedure(received):
    procedure_upsert(code="IRC", name="Cấp GCNĐKĐT", working_days=3)
    assert Dossier.objects.get().due_on == d(2022, 3, 22)


# -- resolving ----------------------------------------------------------------------------------


def test_it_resolves_a_dossier_with_the_change_audited(received, specialist):
    dossier_resolve(
        dossier=received, resolved_on=d(2022, 3, 15), result="approved", actor=specialist
    )
    assert Dossier.objects.get().resolved_on == d(2022, 3, 15)
    update = audit_of(received)[-1]
    assert update.action == "update"
    assert update.before == {"resolved_on": None, "result": ""}
    assert update.after == {"resolved_on": "2022-03-15", "result": "approved"}


def test_it_refuses_a_resolution_before_the_receipt(refused, received):
    with refused(
        "the result was returned (28/02/2022) before the dossier was received (01/03/2022)"
    ) as error:
        dossier_resolve(dossier=received, resolved_on=d(2022, 2, 28), result="approved")
    assert error.value.field == "resolved_on"


@pytest.mark.parametrize("result", ["", "accepted"])
def test_it_refuses_a_resolution_without_a_known_result(refused, received, result):
    with refused("result:"):
        dossier_resolve(dossier=received, resolved_on=d(2022, 3, 15), result=result)


def test_it_refuses_to_resolve_a_dossier_twice(refused, received):
    dossier_resolve(dossier=received, resolved_on=d(2022, 3, 15), result="approved")
    with refused("was already resolved on 15/03/2022 (approved): record a correction"):
        dossier_resolve(dossier=received, resolved_on=d(2022, 3, 16), result="refused")


def test_a_resolution_recorded_meanwhile_by_someone_else_is_not_overwritten(refused, received):
    stale = Dossier.objects.get(pk=received.pk)
    dossier_resolve(dossier=received, resolved_on=d(2022, 3, 15), result="approved")
    with refused("was already resolved on 15/03/2022"):
        dossier_resolve(dossier=stale, resolved_on=d(2022, 3, 14), result="returned")


def test_a_correction_changes_the_resolution_and_the_audit_keeps_the_old_one(received, specialist):
    dossier_resolve(dossier=received, resolved_on=d(2022, 3, 15), result="approved")
    corrected = dossier_resolve(
        dossier=received,
        resolved_on=d(2022, 3, 14),
        result="approved",
        correction=True,
        actor=specialist,
    )
    assert corrected.resolved_on == d(2022, 3, 14)
    update = audit_of(received)[-1]
    assert (update.before, update.after) == (
        {"resolved_on": "2022-03-15"},
        {"resolved_on": "2022-03-14"},
    )
    assert update.actor == specialist
