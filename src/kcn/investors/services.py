"""Writes on investors.

Every service is keyword-only, runs in one transaction, and records one
audit entry per record it writes in that same transaction. A write that
breaks a rule raises ``RecordError`` (a ``KcnError``) whose message names the
record and the field; nothing is written then.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.audit.records import (
    Actor,
    clean_text,
    record_upsert,
    refusal,
    required_text,
)
from kcn.core.errors import KcnError
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
    label = _("investor %(code)s") % {"code": clean_text(code)}
    try:
        country = normalize_country(country)
    except KcnError as error:
        raise refusal(label, Investor, "country", str(error)) from None
    required_text(label, Investor, "code", code)
    try:
        code = normalize_investor_code(code, country)
    except KcnError as error:
        raise refusal(label, Investor, "code", str(error)) from None
    label = _("investor %(code)s") % {"code": code}
    name = required_text(label, Investor, "name", name)
    return record_upsert(
        Investor,
        key={"code": code},
        values={
            "name": name,
            "country": country,
        },
        label=label,
        fields=INVESTOR_FIELDS,
        actor=actor,
    )
