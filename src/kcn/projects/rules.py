"""The rules a project's ledger obeys (docs/reference/workbook.md, ``project_events``).

In date order: exactly one ``issued``, first; at most one ``operational``;
``suspended`` only while operating; ``resumed`` only while suspended; nothing
after ``terminated``. Events that share a date are read in the order
issued < adjusted < operational < suspended < resumed < terminated.

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from django.utils.translation import gettext as _

from kcn.core.money import CURRENCY_PLACES, Currency, quantize
from kcn.projects.models import EVENT_RANK, ProjectEventKind

Ref = TypeVar("Ref")


@dataclass(frozen=True)
class LedgerEntry(Generic[Ref]):
    date: dt.date
    event: str
    ref: Ref  # what a problem points back to (a row number, an event id, …)
    sequence: int = 0  # tie-break for entries of the same date and kind


@dataclass(frozen=True)
class LedgerProblem(Generic[Ref]):
    ref: Ref
    message: str


def ledger_order(entry: LedgerEntry[Ref]) -> tuple[dt.date, int, int]:
    return (entry.date, EVENT_RANK[entry.event], entry.sequence)


def check_ledger(entries: Iterable[LedgerEntry[Ref]]) -> list[LedgerProblem[Ref]]:
    """Problems of one project's events, each pinned to the entry that breaks a rule."""
    problems: list[LedgerProblem[Ref]] = []
    issued = operating = suspended = terminated = False
    ordered: Sequence[LedgerEntry[Ref]] = sorted(entries, key=ledger_order)
    if ordered and ordered[0].event != ProjectEventKind.ISSUED:
        first = ordered[0]
        problems.append(
            LedgerProblem(
                first.ref,
                _(
                    "'%(event)s' on %(date)s comes before the certificate is issued: "
                    "the first event of a project is 'issued'"
                )
                % {"event": first.event, "date": _d(first.date)},
            )
        )
        return problems
    for entry in ordered:
        event, day = entry.event, _d(entry.date)
        message = None
        if terminated:
            message = _("'%(event)s' on %(date)s comes after the project was terminated")
        elif event == ProjectEventKind.ISSUED:
            if issued:
                message = _("a second 'issued' on %(date)s: a project has exactly one certificate")
            issued = True
        elif event == ProjectEventKind.OPERATIONAL:
            if operating:
                message = _("a second 'operational' on %(date)s: a project starts operating once")
            operating = True
        elif event == ProjectEventKind.SUSPENDED:
            if not operating:
                message = _("'suspended' on %(date)s, but the project is not operating then")
            elif suspended:
                message = _("'suspended' on %(date)s, but the project is already suspended")
            suspended = True
        elif event == ProjectEventKind.RESUMED:
            if not suspended:
                message = _("'resumed' on %(date)s, but the project is not suspended then")
            suspended = False
        elif event == ProjectEventKind.TERMINATED:
            terminated = True
        if message is not None:
            problems.append(LedgerProblem(entry.ref, message % {"event": event, "date": day}))
    return problems


def check_capital(event: str, capital: Decimal | None, currency: str) -> str | None:
    """What is wrong with the capital of one event, or None (docs/reference/workbook.md)."""
    if event == ProjectEventKind.ISSUED:
        if capital is None:
            return _("an 'issued' event needs its registered capital")
        if capital <= 0:
            return _("the registered capital of an 'issued' event must be greater than 0")
    elif event != ProjectEventKind.ADJUSTED and capital is not None:
        return _("a '%(event)s' event takes no capital: leave capital empty") % {"event": event}
    if capital is not None and not currency:
        return _("the currency (USD or VND) is required where capital is given")
    if capital is None and currency:
        return _("a currency is given but no capital")
    if (
        capital is not None
        and currency in CURRENCY_PLACES
        and capital != quantize(capital, currency)
    ):
        return _(
            "%(amount)s %(currency)s is finer than the currency's unit (%(places)s decimals)"
        ) % {
            "amount": capital,
            "currency": currency,
            "places": Currency(currency).places,
        }
    return None


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# -- added for the services (kcn.projects.services); the import may use them too ----------


def amendment_capital(capital: Decimal | None, currency: str) -> Decimal | None:
    """The capital change of an ``adjusted`` event as recorded.

    "0 or empty for an amendment that does not touch capital" (docs/reference/
    workbook.md, ``project_events``): a change of 0 with no currency is no
    change at all.
    """
    if capital is not None and capital == 0 and not currency:
        return None
    return capital


def check_foreign_employees(employees: int, foreign_employees: int | None) -> str | None:
    """What is wrong with the foreign headcount of a labor report, or None."""
    if foreign_employees is not None and foreign_employees > employees:
        return _("foreign_employees (%(foreign)s) is more than employees (%(employees)s)") % {
            "foreign": foreign_employees,
            "employees": employees,
        }
    return None


def first_problem(problems: Sequence[LedgerProblem[Ref]], ref: Ref) -> LedgerProblem[Ref] | None:
    """The problem pinned to ``ref`` (the entry being added), else the first one; None if none."""
    for found in problems:
        if found.ref == ref:
            return found
    return problems[0] if problems else None
