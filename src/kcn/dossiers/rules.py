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
        return _("due_on (%(due)s) is before received_on (%(received)s)") % {
            "due": due_on,
            "received": received_on,
        }
    return None


def check_resolved_on(received_on: dt.date, resolved_on: dt.date | None) -> str | None:
    """What is wrong with a dossier's resolution date, or None: it is not before the receipt."""
    if resolved_on is not None and resolved_on < received_on:
        return _("resolved_on (%(resolved)s) is before received_on (%(received)s)") % {
            "resolved": resolved_on,
            "received": received_on,
        }
    return None
