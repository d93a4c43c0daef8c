"""Reads on investors."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kcn.investors.models import Investor

INVESTOR_SORTS = {"code": "code", "name": "name", "country": "country", "projects": "n_projects"}


def investor_list(
    *, search: str = "", country: str = "", order: list[str] | None = None
) -> QuerySet[Investor]:
    investors = Investor.objects.annotate(n_projects=Count("projects"))
    if search:
        investors = investors.filter(Q(code__icontains=search) | Q(name__icontains=search))
    if country:
        investors = investors.filter(country=country.upper())
    return investors.order_by(*(order or ["name"]))


def investor_countries() -> list[str]:
    return list(Investor.objects.order_by("country").values_list("country", flat=True).distinct())
