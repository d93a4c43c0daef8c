"""The rules a dossier obeys (docs/reference/workbook.md, ``dossiers``, ``calendar``).

A complete dossier's receipt fixes the date for returning the result: the
procedure's time limit in working days, counted from the day after receipt
(Decree 61/2018/NĐ-CP, art. 19, as amended by Decree 107/2021/NĐ-CP).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kcn.core.workdays import WorkingCalendar


def due_date(calendar: WorkingCalendar, received_on: dt.date, working_days: int) -> dt.date:
    """The ``working_days``-th working day after ``received_on`` (that day not counted)."""
    return calendar.add_working_days(received_on, working_days)


def check_due_on(received_on: dt.date, due_on: dt.date | None) -> str | None:
    """What is wrong with a dossier's due date, or None: it is not before the receipt."""
    if due_on is not None and due_on < received_on:
        return _("the due date (%(due)s) is before the day of receipt (%(received)s)") % {
            "due": due_on.strftime("%d/%m/%Y"),
            "received": received_on.strftime("%d/%m/%Y"),
        }
    return None


def check_resolved_on(received_on: dt.date, resolved_on: dt.date | None) -> str | None:
    """What is wrong with a dossier's resolution date, or None: it is not before the receipt."""
    if resolved_on is not None and resolved_on < received_on:
        return _(
            "the result was returned (%(resolved)s) before the dossier was received (%(received)s)"
        ) % {
            "resolved": resolved_on.strftime("%d/%m/%Y"),
            "received": received_on.strftime("%d/%m/%Y"),
        }
    return None
