"""Documents: the register (plans with their thematic plans), a document's page, registering one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, editor, leader
from kcn.audit.selectors import record_history
from kcn.documents import selectors as documents
from kcn.documents import services
from kcn.documents.models import Direction, Document
from kcn.documents.sheets import DOCUMENTS
from kcn.indicators.registry import INDICATORS
from kcn.web.documents.forms import DocumentEditForm, DocumentForm
from kcn.web.entry import entry_page
from kcn.web.listing import ordering, page_of, requested_search, requested_year, sort_key
from kcn.web.sheetforms import record_arguments
from kcn.web.voiding import void_page


@board_member
def document_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, documents.DOCUMENT_SORTS, "-date")
    found = documents.document_list(
        search=requested_search(request),
        direction=request.GET.get("direction", ""),
        type=request.GET.get("type", ""),
        year=requested_year(request),
        plans_only=request.GET.get("plans") == "1",
        order=ordering(key, documents.DOCUMENT_SORTS),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/documents/list.html",
        {
            "page": page,
            "rows": documents.with_child_counts(page),
            "directions": Direction.choices,
            "types": documents.document_types(),
            "default_sort": "-date",
            "voided": Document.all_objects.filter(voided_at__isnull=False)
            .select_related("voided_by")
            .order_by("-voided_at")[:50],
        },
    )


@board_member
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.all_objects.select_related("parent", "voided_by"), pk=pk)
    return render(
        request,
        "web/documents/detail.html",
        {
            "document": document,
            "children": documents.document_children(document),
            "targets": document.targets.order_by("year", "indicator"),
            "indicator_names": {code: item.name for code, item in INDICATORS.items()},
            "history": record_history(document),
        },
    )


@editor
def document_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Document:
        return services.document_register(
            **record_arguments(DOCUMENTS, data), actor=current_user(request)
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


def document_page(document: Document) -> str:
    return reverse("document_detail", args=[document.pk])


@editor
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a registered document (its symbol stays); refused if someone else changed it
    meanwhile."""
    document = get_object_or_404(Document.objects.select_related("parent"), pk=pk)
    initial = {
        **DocumentEditForm.initial_from(document),
        "fingerprint": services.document_fingerprint(document),
    }

    def save(data: dict[str, Any]) -> Document:
        arguments = record_arguments(DOCUMENTS, data)
        arguments.pop("symbol", None)
        return services.document_edit(
            document=document,
            fingerprint=data["fingerprint"],
            **arguments,
            actor=current_user(request),
        )

    return entry_page(
        request,
        DocumentEditForm(request.POST or None, initial=initial),
        save,
        title=_("Edit document %(symbol)s") % {"symbol": document.symbol},
        submit=_("Save"),
        cancel=document_page(document),
        success=lambda _document: _("Saved."),
        next_url=document_page,
    )


@leader
def document_void(request: HttpRequest, pk: int) -> HttpResponse:
    """A leader voids a document registered by mistake, saying why."""
    document = get_object_or_404(Document.all_objects, pk=pk)
    return void_page(
        request,
        record=_("document %(symbol)s") % {"symbol": document.symbol},
        void=lambda reason: services.document_void(
            document=document, reason=reason, actor=current_user(request)
        ),
        back=document_page(document),
    )
