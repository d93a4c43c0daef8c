"""Reads on investors."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet

from kcn.investors.models import Investor
from kcn.projects.models import Project

INVESTOR_SORTS = {"code": "code", "name": "name", "country": "country", "projects": "n_projects"}


def investor_list(
    *, search: str = "", country: str = "", order: list[str] | None = None
) -> QuerySet[Investor]:
    """Investors filtered and ordered; ``with_project_counts`` adds the number of
    projects to the page shown (counted for every investor only to sort by it)."""
    investors = Investor.objects.all()
    if search:
        investors = investors.filter(Q(code__icontains=search) | Q(name__icontains=search))
    if country:
        investors = investors.filter(country=country.upper())
    order = order or ["name"]
    if any(key.lstrip("-") == "n_projects" for key in order):
        investors = investors.annotate(n_projects=Count("projects"))
    return investors.order_by(*order)


def with_project_counts(investors: Iterable[Investor]) -> list[Investor]:
    """The investors with ``n_projects`` set, from one query."""
    found = list(investors)
    counts = dict(
        Project.objects.filter(investor__in=[investor.pk for investor in found])
        .order_by()
        .values("investor")
        .annotate(n=Count("pk"))
        .values_list("investor", "n")
    )
    for investor in found:
        investor.n_projects = counts.get(investor.pk, 0)  # type: ignore[attr-defined]
    return found


def investor_countries() -> list[str]:
    return list(Investor.objects.order_by("country").values_list("country", flat=True).distinct())
