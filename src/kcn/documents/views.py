"""Data entry of the register of documents: register one document."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import current_user, editor
from kcn.core.errors import KcnError, RecordError
from kcn.core.symbols import parse_symbol
from kcn.documents import services
from kcn.documents.forms import DocumentForm
from kcn.documents.models import Document
from kcn.web.entry import entry_page


@editor
def document_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Document:
        if _already_registered(data["symbol"]):
            # A new entry never overwrites one registered meanwhile by someone else.
            raise RecordError(
                _("A document with this symbol is already registered."), field="symbol"
            )
        return services.document_upsert(
            symbol=data["symbol"],
            date=data["date"],
            direction=data["direction"],
            type=data["type"],
            title=data["title"],
            issuer=data["issuer"],
            secret=data["secret"],
            digitized=data["digitized"],
            electronic=data["electronic"],
            parent=data["parent_symbol"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        DocumentForm(request.POST or None),
        save,
        title=_("Register a document"),
        submit=_("Register"),
        cancel=reverse("document_list"),
        success=lambda document: _("Registered %(symbol)s.") % {"symbol": document.symbol},
        next_url=lambda document: reverse("document_detail", args=[document.pk]),
    )


def _already_registered(symbol: str) -> bool:
    try:
        normal = parse_symbol(symbol).symbol
    except KcnError:
        return False  # the service names the problem with the symbol
    return Document.objects.filter(symbol=normal).exists()
