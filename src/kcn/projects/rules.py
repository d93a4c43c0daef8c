"""The rules a project's ledger obeys (docs/reference/workbook.md, ``project_events``).

In date order: exactly one ``issued``, first; at most one ``operational``;
``suspended`` only while operating; ``resumed`` only while suspended; nothing
after ``terminated``. Events that share a date are read in the order
issued < adjusted < operational < suspended < resumed < terminated. An
amendment's capital is in the currency of the certificate, and the registered
capital (the certificate's plus every change up to a date) stays above zero.

The same rules serve the workbook import and the data-entry forms. Messages name
events by their label ("certificate amended"), never by their key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.core.money import CURRENCY_PLACES, Currency, quantize
from kcn.projects.models import EVENT_RANK, ProjectEventKind

Ref = TypeVar("Ref")


@dataclass(frozen=True)
class LedgerEntry(Generic[Ref]):
    date: dt.date
    event: str
    ref: Ref  # what a problem points back to (a row number, an event id, …)
    sequence: int = 0  # tie-break for entries of the same date and kind
    capital: Decimal | None = None  # ``issued``: the capital; ``adjusted``: the change
    currency: str = ""


@dataclass(frozen=True)
class LedgerProblem(Generic[Ref]):
    ref: Ref
    message: str
    field: str = "date"  # what the problem is about: the event's date, or its capital


def ledger_order(entry: LedgerEntry[Ref]) -> tuple[dt.date, int, int]:
    return (entry.date, EVENT_RANK[entry.event], entry.sequence)


def event_label(event: str) -> str:
    """How a message names an event: its label ("certificate amended"), quoted."""
    try:
        return f"'{ProjectEventKind(event).label}'"
    except ValueError:
        return f"'{event}'"


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
                    "%(event)s on %(date)s comes before the certificate is issued: "
                    "the first event of a project is its certificate"
                )
                % {"event": event_label(first.event), "date": _d(first.date)},
            )
        )
        return problems
    for entry in ordered:
        event, day = entry.event, _d(entry.date)
        message = None
        if terminated:
            message = _("%(event)s on %(date)s comes after the project was terminated")
        elif event == ProjectEventKind.ISSUED:
            if issued:
                message = _(
                    "a second certificate on %(date)s: a project has exactly one certificate"
                )
            issued = True
        elif event == ProjectEventKind.OPERATIONAL:
            if operating:
                message = _(
                    "a second start of operation on %(date)s: a project starts operating once"
                )
            operating = True
        elif event == ProjectEventKind.SUSPENDED:
            if not operating:
                message = _("%(event)s on %(date)s, but the project is not operating then")
            elif suspended:
                message = _("%(event)s on %(date)s, but the project is already suspended")
            suspended = True
        elif event == ProjectEventKind.RESUMED:
            if not suspended:
                message = _("%(event)s on %(date)s, but the project is not suspended then")
            suspended = False
        elif event == ProjectEventKind.TERMINATED:
            terminated = True
        if message is not None:
            problems.append(
                LedgerProblem(entry.ref, message % {"event": event_label(event), "date": day})
            )
    problems.extend(check_registered_capital(ordered))
    return problems


def check_registered_capital(ordered: Sequence[LedgerEntry[Ref]]) -> list[LedgerProblem[Ref]]:
    """An amendment's capital is in the certificate's currency, and the registered capital
    stays above zero after every change (docs/reference/workbook.md, ``project_events``).

    ``ordered`` is the ledger in its order; entries without capital are skipped.
    """
    problems: list[LedgerProblem[Ref]] = []
    certificate = next((e for e in ordered if e.event == ProjectEventKind.ISSUED), None)
    if certificate is None or certificate.capital is None:
        return problems
    currency = certificate.currency
    registered = certificate.capital
    for entry in ordered:
        if entry.event != ProjectEventKind.ADJUSTED or entry.capital is None:
            continue
        if entry.currency != currency:
            problems.append(
                LedgerProblem(
                    entry.ref,
                    _(
                        "the amendment of %(date)s is in %(currency)s, but the project's "
                        "capital is in %(certificate)s (its certificate of %(issued)s): one "
                        "project, one currency"
                    )
                    % {
                        "date": _d(entry.date),
                        "currency": entry.currency,
                        "certificate": currency,
                        "issued": _d(certificate.date),
                    },
                    "currency",
                )
            )
            continue
        registered += entry.capital
        if registered <= 0:
            problems.append(
                LedgerProblem(
                    entry.ref,
                    _(
                        "the amendment of %(date)s (%(change)s %(currency)s) leaves a registered "
                        "capital of %(left)s %(currency)s: it must stay above zero"
                    )
                    % {
                        "date": _d(entry.date),
                        "change": _amount(entry.capital),
                        "currency": currency,
                        "left": _amount(registered),
                    },
                    "capital",
                )
            )
    return problems


def _amount(amount: Decimal) -> str:
    """An amount as the board writes it: 11.200.000, -50.000.000, 1.234,5."""
    sign = "-" if amount < 0 else ""
    whole, _sep, fraction = format(abs(amount).normalize(), "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def check_capital(event: str, capital: Decimal | None, currency: str) -> str | None:
    """What is wrong with the capital of one event, or None (docs/reference/workbook.md)."""
    if event == ProjectEventKind.ISSUED:
        if capital is None:
            return _("a certificate needs its registered capital")
        if capital <= 0:
            return _("the registered capital of a certificate must be greater than 0")
    elif event != ProjectEventKind.ADJUSTED and capital is not None:
        return _("%(event)s takes no capital: leave capital empty") % {"event": event_label(event)}
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
        return _(
            "the foreign employees (%(foreign)s) are more than all the employees (%(employees)s)"
        ) % {"foreign": foreign_employees, "employees": employees}
    return None


# -- warnings: possible but unlikely; a form asks to confirm, the import lists them ------


def new_jobs_warning(employees: int | None, new_jobs: int | None) -> str | None:
    """New jobs of a period above the headcount at its end (docs/reference/workbook.md)."""
    if employees is not None and new_jobs is not None and new_jobs > employees:
        return _(
            "%(new)s new jobs in the period, more than the %(employees)s employees at its end"
        ) % {"new": new_jobs, "employees": employees}
    return None


def status_on(events: Iterable[tuple[dt.date, str]], day: dt.date) -> str:
    """A project's status on ``day`` from its events in force: ``not_issued``,
    ``not_operating``, ``operating``, ``suspended`` or ``terminated`` (projects/ledger.py
    says the same in SQL)."""
    issued = operating = suspended = terminated = False
    for date, event in events:
        if date > day:
            continue
        if event == ProjectEventKind.ISSUED:
            issued = True
        elif event == ProjectEventKind.OPERATIONAL:
            operating = True
        elif event == ProjectEventKind.SUSPENDED:
            suspended = True
        elif event == ProjectEventKind.RESUMED:
            suspended = False
        elif event == ProjectEventKind.TERMINATED:
            terminated = True
    if not issued:
        return "not_issued"
    if terminated:
        return "terminated"
    if not operating:
        return "not_operating"
    return "suspended" if suspended else "operating"


STATUS_WORDS = {
    "not_issued": gettext_lazy("it has no certificate yet"),
    "not_operating": gettext_lazy("it has not entered operation"),
    "suspended": gettext_lazy("it is suspended"),
    "terminated": gettext_lazy("it is terminated"),
}


def not_operating_warning(code: str, status: str, day: dt.date) -> str | None:
    """A labor report of a project that is not operating on its day (workbook.md)."""
    if status == "operating":
        return None
    return _("project %(code)s is not operating on %(date)s: %(status)s") % {
        "code": code,
        "date": _d(day),
        "status": STATUS_WORDS[status],
    }


def first_problem(problems: Sequence[LedgerProblem[Ref]], ref: Ref) -> LedgerProblem[Ref] | None:
    """The problem pinned to ``ref`` (the entry being added), else the first one; None if none."""
    for found in problems:
        if found.ref == ref:
            return found
    return problems[0] if problems else None
