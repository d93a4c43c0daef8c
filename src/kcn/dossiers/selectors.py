"""Reads on dossiers, with their due status computed on the board's calendar.

Due status (Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP):

- resolved: ``early`` before the due date, ``on_time`` on it, ``late`` after it;
- pending: ``overdue`` when the due date is before today (as the
  ``dossiers_overdue`` indicator counts), ``due_soon`` when it falls within
  the next two working days (today included), else ``pending``.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Case, CharField, F, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy

from kcn.core.workdays import WorkingCalendar
from kcn.dossiers.models import Dossier, Procedure

DUE_SOON_WORKING_DAYS = 2


class DueStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("pending")
    DUE_SOON = "due_soon", gettext_lazy("due within 2 working days")
    OVERDUE = "overdue", gettext_lazy("overdue")
    EARLY = "early", gettext_lazy("resolved early")
    ON_TIME = "on_time", gettext_lazy("resolved on time")
    LATE = "late", gettext_lazy("resolved late")


DOSSIER_SORTS = {
    "code": "code",
    "procedure": "procedure__code",
    "received": "received_on",
    "due": "due_on",
    "resolved": "resolved_on",
}


def due_conditions(today: dt.date, calendar: WorkingCalendar) -> dict[str, Q]:
    """The condition of each due status, as of ``today``."""
    soon_until = calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
    pending = Q(resolved_on__isnull=True) | Q(resolved_on__gt=today)
    return {
        DueStatus.EARLY: Q(resolved_on__lte=today, resolved_on__lt=F("due_on")),
        DueStatus.ON_TIME: Q(resolved_on__lte=today, resolved_on=F("due_on")),
        DueStatus.LATE: Q(resolved_on__lte=today, resolved_on__gt=F("due_on")),
        DueStatus.OVERDUE: pending & Q(due_on__lt=today),
        DueStatus.DUE_SOON: pending & Q(due_on__gte=today, due_on__lte=soon_until),
        DueStatus.PENDING: pending & Q(due_on__gt=soon_until),
    }


def with_due_status(
    dossiers: QuerySet[Dossier], today: dt.date, calendar: WorkingCalendar
) -> QuerySet[Dossier]:
    return dossiers.annotate(
        due_status=Case(
            *(
                When(condition, then=Value(key))
                for key, condition in due_conditions(today, calendar).items()
            ),
            default=Value(DueStatus.PENDING.value),
            output_field=CharField(),
        )
    )


def dossier_list(
    *,
    today: dt.date,
    calendar: WorkingCalendar,
    search: str = "",
    procedure: str = "",
    status: str = "",
    year: int | None = None,
    order: list[str] | None = None,
) -> QuerySet[Dossier]:
    dossiers = with_due_status(Dossier.objects.select_related("procedure"), today, calendar)
    if search:
        dossiers = dossiers.filter(Q(code__icontains=search) | Q(applicant__icontains=search))
    if procedure:
        dossiers = dossiers.filter(procedure__code=procedure)
    if status in DueStatus.values:
        dossiers = dossiers.filter(due_conditions(today, calendar)[status])
    if year:
        dossiers = dossiers.filter(received_on__year=year)
    return dossiers.order_by(*(order or ["-received_on", "-pk"]))


def procedures() -> QuerySet[Procedure]:
    return Procedure.objects.order_by("code")
