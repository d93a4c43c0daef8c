"""Reads on investors."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kcn.core.collation import collated
from kcn.investors.models import Investor

# Sorted in Vietnamese order (kcn.core.collation).
NAMES = {"name"}
INVESTOR_SORTS = {"code": "code", "name": "name", "country": "country", "projects": "n_projects"}


def investor_list(
    *, search: str = "", country: str = "", order: list[str] | None = None
) -> QuerySet[Investor]:
    """Investors filtered and ordered; ``kcn.projects.selectors.investors_with_project_counts``
    adds the number of projects to the page shown (counted for every investor only to sort
    by it)."""
    investors = Investor.objects.all()
    if search:
        investors = investors.filter(Q(code__icontains=search) | Q(name__icontains=search))
    if country:
        investors = investors.filter(country=country.upper())
    order = order or ["name"]
    if any(key.lstrip("-") == "n_projects" for key in order):
        investors = investors.annotate(n_projects=Count("projects"))
    return investors.order_by(*collated(order, NAMES))


def investor_countries() -> list[str]:
    return list(Investor.objects.order_by("country").values_list("country", flat=True).distinct())
