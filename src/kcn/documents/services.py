"""Writes on the register of official documents.

``document_register`` is the use case of the web page (one durable transaction; a symbol is
registered once); ``document_upsert`` is the upsert it and the tests build on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    check_day,
    checked_choice,
    clean_text,
    record_create,
    record_fingerprint,
    record_upsert,
    record_void,
    refusal,
    required_text,
)
from kcn.core.errors import KcnError, RecordError
from kcn.core.symbols import parse_symbol
from kcn.documents.models import Direction, Document
from kcn.documents.rules import check_type, document_type, makes_parent_cycle
from kcn.documents.sheets import DOCUMENTS

DOCUMENT_FIELDS = DOCUMENTS.fields


@transaction.atomic
def document_upsert(
    *,
    symbol: str,
    date: dt.date,
    direction: str,
    type: str = "",
    title: str = "",
    issuer: str = "",
    secret: bool = False,
    digitized: bool = False,
    electronic: bool = False,
    parent: Document | None = None,
    actor: User | None = None,
) -> Document:
    """Register the document with ``symbol``, or set every other field of the one registered.

    The symbol is written in its normal form ("166/KH-BQL") and its number,
    year and issuer code are filled from it; ``type`` defaults to the type the
    symbol names. ``parent`` (e.g. a thematic plan's plan) is never the
    document itself, directly or through its parents.
    """
    symbol, label, values = _document_values(
        symbol=symbol,
        date=date,
        direction=direction,
        type=type,
        title=title,
        issuer=issuer,
        secret=secret,
        digitized=digitized,
        electronic=electronic,
        parent=parent,
    )
    return record_upsert(
        Document,
        key={"symbol": symbol},
        values=values,
        label=label,
        fields=DOCUMENT_FIELDS,
        actor=actor,
    )


@transaction.atomic(durable=True)
def document_register(
    *,
    symbol: str,
    date: dt.date,
    direction: str,
    type: str = "",
    title: str = "",
    issuer: str = "",
    secret: bool = False,
    digitized: bool = False,
    electronic: bool = False,
    parent: Document | None = None,
    actor: User | None = None,
) -> Document:
    """Register a new document, checked as ``document_upsert`` does.

    A symbol already registered is refused (``symbol``), also one registered at
    the same moment by someone else: registering never changes a document.
    """
    symbol, label, values = _document_values(
        symbol=symbol,
        date=date,
        direction=direction,
        type=type,
        title=title,
        issuer=issuer,
        secret=secret,
        digitized=digitized,
        electronic=electronic,
        parent=parent,
    )
    return record_create(
        Document(symbol=symbol, **values),
        key={"symbol": symbol},
        label=label,
        fields=DOCUMENT_FIELDS,
        field="symbol",
        taken=lambda _existing: _("a document with this symbol is already registered"),
        actor=actor,
    )


def _document_values(
    *,
    symbol: str,
    date: dt.date,
    direction: str,
    type: str,
    title: str,
    issuer: str,
    secret: bool,
    digitized: bool,
    electronic: bool,
    parent: Document | None,
) -> tuple[str, str, dict[str, Any]]:
    """The document's symbol in its normal form, its label and its checked values."""
    label = _("document %(symbol)s") % {"symbol": clean_text(symbol)}
    required_text(label, Document, "symbol", symbol)
    try:
        parsed = parse_symbol(clean_text(symbol))
    except KcnError as error:
        raise refusal(label, Document, "symbol", str(error)) from None
    label = _("document %(symbol)s") % {"symbol": parsed.symbol}
    check_day(label, Document, "date", date)
    type_code = document_type(parsed, clean_text(type))
    problem = check_type(type_code)
    if problem is not None:
        raise refusal(label, Document, "type", problem)
    direction = checked_choice(label, Document, "direction", direction, Direction.values)
    if parent is not None:
        if parent.symbol == parsed.symbol:
            raise refusal(label, Document, "parent", _("a document cannot be its own parent"))
        if makes_parent_cycle(parsed.symbol, parent.symbol, _parent_symbol):
            raise refusal(
                label,
                Document,
                "parent",
                _("document %(symbol)s would be its own parent through its parents")
                % {"symbol": parsed.symbol},
            )
    values = {
        "date": date,
        "type": type_code,
        "title": clean_text(title),
        "issuer": clean_text(issuer),
        "direction": direction,
        "secret": bool(secret),
        "digitized": bool(digitized),
        "electronic": bool(electronic),
        "parent": parent,
        "number": parsed.number,
        "symbol_year": parsed.year,
        "issuer_code": parsed.issuer[:32],
    }
    return parsed.symbol, label, values


def _parent_symbol(symbol: str) -> str | None:
    return Document.objects.filter(symbol=symbol).values_list("parent__symbol", flat=True).first()


@transaction.atomic(durable=True)
def document_edit(
    *,
    document: Document,
    fingerprint: str,
    date: dt.date,
    direction: str,
    type: str = "",
    title: str = "",
    issuer: str = "",
    secret: bool = False,
    digitized: bool = False,
    electronic: bool = False,
    parent: Document | None = None,
    actor: User | None = None,
) -> Document:
    """Change a registered document (its symbol stays), if nobody changed it since
    ``fingerprint`` was read (``document_fingerprint``): an edit made meanwhile is refused,
    never overwritten."""
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if document_fingerprint(locked) != fingerprint:
        raise RecordError(
            _(
                "Someone else changed this document while you were editing it. Nothing was "
                "saved: reload the page to see their changes."
            ),
            record=_("document %(symbol)s") % {"symbol": locked.symbol},
        )
    return document_upsert(
        symbol=locked.symbol,
        date=date,
        direction=direction,
        type=type,
        title=title,
        issuer=issuer,
        secret=secret,
        digitized=digitized,
        electronic=electronic,
        parent=parent,
        actor=actor,
    )


def document_fingerprint(document: Document) -> str:
    """The digest of the document's fields that an edit starts from (``document_edit``)."""
    return record_fingerprint(document, DOCUMENT_FIELDS)


@transaction.atomic(durable=True)
def document_void(*, document: Document, reason: str, actor: User | None = None) -> Document:
    """A leader voids a document registered by mistake, saying why: it stays, shown with its
    reason, but counts nowhere; its symbol is not given again (correct a wrong document by
    editing it).

    Refused while another record names it (a thematic plan's parent plan, a target's
    assigning document, the portal's plans): the export would name a document it leaves out.
    """
    if actor is not None and not actor.can_void_records:
        raise RecordError(_("Only a leader voids a record."))
    target = Document.all_objects.select_for_update().get(pk=document.pk)
    label = _("document %(symbol)s") % {"symbol": target.symbol}
    for relation in Document._meta.related_objects:
        accessor = relation.get_accessor_name()
        if accessor is None or relation.hidden:  # a many-to-many's own table: its field counts
            continue
        named = getattr(target, accessor).all()
        first = named.first()
        if first is not None:
            raise refusal(
                label,
                Document,
                "",
                _("%(record)s names it: change that first")
                % {"record": f"{first._meta.verbose_name} {first}"},
            )
    record_void(target, label=label, reason=reason, actor=actor)
    return target
