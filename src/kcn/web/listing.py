"""Pagination and sorting of the list pages, from the query string."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest

PER_PAGE = 50
M = TypeVar("M", bound=Model)


def page_of(request: HttpRequest, items: QuerySet[Any], per_page: int = PER_PAGE) -> Page[Any]:
    """The page ``?page=N`` of ``items`` (the last one for a number past the end)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def sort_key(request: HttpRequest, options: Mapping[str, str], default: str) -> str:
    """The ``?sort=`` key if it is one of ``options`` (optionally ``-`` for descending)."""
    wanted = request.GET.get("sort", "")
    return wanted if wanted.lstrip("-") in options else default


def ordering(key: str, options: Mapping[str, str], tiebreak: str = "pk") -> list[str]:
    """``order_by`` arguments for a sort key: its field, descending with ``-``; then ``pk``."""
    field = options[key.lstrip("-")]
    return [f"-{field}" if key.startswith("-") else field, tiebreak]


def requested_search(request: HttpRequest) -> str:
    """The text of the list's search box (``?q=``), trimmed."""
    return request.GET.get("q", "").strip()


def requested_year(request: HttpRequest) -> int | None:
    """The ``?year=`` filter when it is a plausible year, else None."""
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1900 < int(text) < 2200 else None
