"""Reads on the register of documents and plans."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kcn.documents.models import Document

DOCUMENT_SORTS = {"date": "date", "symbol": "symbol", "type": "type", "children": "n_children"}


def document_list(
    *,
    search: str = "",
    direction: str = "",
    type: str = "",
    year: int | None = None,
    plans_only: bool = False,
    order: list[str] | None = None,
) -> QuerySet[Document]:
    documents = Document.objects.select_related("parent").annotate(n_children=Count("children"))
    if search:
        documents = documents.filter(
            Q(symbol__icontains=search) | Q(title__icontains=search) | Q(issuer__icontains=search)
        )
    if direction:
        documents = documents.filter(direction=direction)
    if type:
        documents = documents.filter(type=type)
    if year:
        documents = documents.filter(date__year=year)
    if plans_only:
        documents = documents.filter(Q(n_children__gt=0) | Q(parent__isnull=False))
    return documents.order_by(*(order or ["-date", "symbol"]))


def document_types() -> list[str]:
    return list(
        Document.objects.exclude(type="").order_by("type").values_list("type", flat=True).distinct()
    )


def document_children(document: Document) -> QuerySet[Document]:
    return document.children.annotate(n_children=Count("children")).order_by("date", "symbol")
