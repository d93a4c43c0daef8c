"""Writes on investors.

Every service is keyword-only, runs in one transaction, and records one
audit entry per record it writes in that same transaction. ``investor_register``
is the use case of the web page (one durable transaction; a code is registered
once); ``investor_upsert`` is the upsert it and the tests build on. A write that
breaks a rule raises ``RecordError`` (a ``KcnError``) whose message names the
record and the field; nothing is written then.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.audit.records import (
    Actor,
    clean_text,
    record_create,
    record_fingerprint,
    record_upsert,
    refusal,
    required_code,
    required_text,
)
from kcn.core.errors import KcnError, RecordError
from kcn.investors.models import Investor
from kcn.investors.rules import normalize_country, normalize_investor_code
from kcn.investors.sheets import INVESTORS

# -- investors ----------------------------------------------------------------------------

INVESTOR_FIELDS = INVESTORS.fields


@transaction.atomic
def investor_upsert(*, code: str, name: str, country: str, actor: Actor = None) -> Investor:
    """Add the investor with ``code``, or set the name and country of the one that exists.

    A Vietnamese investor's code is its tax code, checked and written in its
    canonical form (``0100109106``, ``0100109106-001``); ``country`` is an ISO
    3166-1 alpha-2 code. Returns the investor; an unchanged one is not written.
    """
    code, label, values = _investor_values(code=code, name=name, country=country)
    return record_upsert(
        Investor,
        key={"code": code},
        values=values,
        label=label,
        fields=INVESTOR_FIELDS,
        actor=actor,
    )


@dataclass(frozen=True)
class NewInvestor:
    """An investor to register along with another record (a project's certificate)."""

    code: str
    name: str
    country: str


@transaction.atomic(durable=True)
def investor_register(*, code: str, name: str, country: str, actor: Actor = None) -> Investor:
    """Register a new investor, checked as ``investor_upsert`` does.

    A code already registered is refused (``code``), also one registered at the
    same moment by someone else: registering never changes an investor.
    """
    return investor_create(code=code, name=name, country=country, actor=actor)


@transaction.atomic
def investor_create(*, code: str, name: str, country: str, actor: Actor = None) -> Investor:
    """``investor_register`` inside a caller's transaction: a project registered with its new
    investor (``projects.services.project_register``) writes both or neither."""
    code, label, values = _investor_values(code=code, name=name, country=country)
    return record_create(
        Investor(code=code, **values),
        key={"code": code},
        label=label,
        fields=INVESTOR_FIELDS,
        field="code",
        taken=lambda _existing: _("an investor with this code is already registered"),
        actor=actor,
    )


@transaction.atomic(durable=True)
def investor_edit(
    *, investor: Investor, fingerprint: str, name: str, country: str, actor: Actor = None
) -> Investor:
    """Change an investor's name and country (its code stays), if nobody changed them since
    ``fingerprint`` was read (``investor_fingerprint``): an edit made meanwhile is refused,
    never overwritten. A Vietnamese investor's code must stay a valid tax code."""
    locked = Investor.objects.select_for_update().get(pk=investor.pk)
    if investor_fingerprint(locked) != fingerprint:
        raise RecordError(
            _(
                "Someone else changed this investor while you were editing it. Nothing was "
                "saved: reload the page to see their changes."
            ),
            record=_("investor %(code)s") % {"code": locked.code},
        )
    code, label, values = _investor_values(code=locked.code, name=name, country=country)
    if code != locked.code:  # a tax code written another way: the register keeps its own
        raise refusal(
            label,
            Investor,
            "country",
            _("the code %(code)s would change with the country: register the investor anew")
            % {"code": locked.code},
        )
    return record_upsert(
        Investor,
        key={"code": code},
        values=values,
        label=label,
        fields=INVESTOR_FIELDS,
        actor=actor,
    )


def investor_fingerprint(investor: Investor) -> str:
    """The digest of the investor's fields that an edit starts from (``investor_edit``)."""
    return record_fingerprint(investor, INVESTOR_FIELDS)


def _investor_values(*, code: str, name: str, country: str) -> tuple[str, str, dict[str, str]]:
    """The investor's code in its canonical form, its label and its checked name and country."""
    label = _("investor %(code)s") % {"code": clean_text(code)}
    try:
        country = normalize_country(country)
    except KcnError as error:
        raise refusal(label, Investor, "country", str(error)) from None
    required_code(label, Investor, "code", code)
    try:
        code = normalize_investor_code(code, country)
    except KcnError as error:
        raise refusal(label, Investor, "code", str(error)) from None
    label = _("investor %(code)s") % {"code": code}
    name = required_text(label, Investor, "name", name)
    return code, label, {"name": name, "country": country}
