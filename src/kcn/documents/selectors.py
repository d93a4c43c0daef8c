"""Reads on the register of documents and plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

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
    """Documents with their parent plan, filtered and ordered; ``with_child_counts`` adds
    the number of child plans to the page shown (counting them for every document
    is needed only to sort by it).
    """
    documents = Document.objects.select_related("parent")
    if search:
        documents = documents.filter(
            Q(symbol__icontains=search) | Q(title__icontains=search) | Q(issuer__icontains=search)
        )
    if direction:
        documents = documents.filter(direction=direction)
    if type:
        documents = documents.filter(type=type)
    if year:
        documents = documents.filter(date__range=(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if plans_only:
        documents = documents.filter(
            Q(parent__isnull=False) | Exists(Document.objects.filter(parent=OuterRef("pk")))
        )
    order = order or ["-date", "symbol"]
    if any(key.lstrip("-") == "n_children" for key in order):
        documents = documents.annotate(n_children=Count("children"))
    return documents.order_by(*order)


def with_child_counts(documents: Iterable[Document]) -> list[Document]:
    """The documents with ``n_children`` set, from one query over their children."""
    found = list(documents)
    counts = dict(
        Document.objects.filter(parent__in=[document.pk for document in found])
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values_list("parent", "n")
    )
    for document in found:
        document.n_children = counts.get(document.pk, 0)  # type: ignore[attr-defined]
    return found


def document_types() -> list[str]:
    return list(
        Document.objects.exclude(type="").order_by("type").values_list("type", flat=True).distinct()
    )


def document_children(document: Document) -> QuerySet[Document]:
    return document.children.annotate(n_children=Count("children")).order_by("date", "symbol")
