"""Data entry of the register of documents: register one document."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import current_user, editor
from kcn.core.errors import KcnError
from kcn.core.symbols import parse_symbol
from kcn.documents import services
from kcn.documents.forms import DocumentForm
from kcn.documents.models import Document
from kcn.web.entry import run_service


@editor
def document_new(request: HttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _already_registered(data["symbol"]):
            # A new entry never overwrites one registered meanwhile by someone else.
            form.add_error("symbol", _("A document with this symbol is already registered."))
        else:
            document = run_service(
                form,
                lambda: services.document_upsert(
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
                ),
            )
            if document is not None:
                messages.success(request, _("Registered %(symbol)s.") % {"symbol": document.symbol})
                return redirect("document_detail", pk=document.pk)
    context = {
        "form": form,
        "title": _("Register a document"),
        "submit": _("Register"),
        "cancel": reverse("document_list"),
    }
    return render(request, "web/form.html", context, status=400 if form.errors else 200)


def _already_registered(symbol: str) -> bool:
    try:
        normal = parse_symbol(symbol).symbol
    except KcnError:
        return False  # the service names the problem with the symbol
    return Document.objects.filter(symbol=normal).exists()
