"""Reads on zones."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet

from kcn.projects.models import Project, ProjectKind
from kcn.zones.models import Zone, ZoneEvent

ZONE_SORTS = {
    "code": "code",
    "name": "name",
    "province": "province",
    "area": "area_ha",
    "land": "industrial_land_ha",
    "projects": "n_projects",
}


def zone_list(
    *, search: str = "", province: str = "", order: list[str] | None = None
) -> QuerySet[Zone]:
    """Zones with their parent and developer; ``with_project_counts`` adds the number
    of projects to the page shown (counted for every zone only to sort by it)."""
    zones = Zone.objects.select_related("parent", "developer")
    if search:
        zones = zones.filter(
            Q(code__icontains=search) | Q(name__icontains=search) | Q(district__icontains=search)
        )
    if province:
        zones = zones.filter(province=province)
    order = order or ["code"]
    if any(key.lstrip("-") == "n_projects" for key in order):
        zones = zones.annotate(
            n_projects=Count("projects", filter=Q(projects__kind=ProjectKind.SECONDARY))
        )
    return zones.order_by(*order)


def with_project_counts(zones: Iterable[Zone]) -> list[Zone]:
    """The zones with ``n_projects`` (projects in the zone) set, from one query."""
    found = list(zones)
    counts = dict(
        Project.objects.filter(zone__in=[zone.pk for zone in found], kind=ProjectKind.SECONDARY)
        .order_by()
        .values("zone")
        .annotate(n=Count("pk"))
        .values_list("zone", "n")
    )
    for zone in found:
        zone.n_projects = counts.get(zone.pk, 0)  # type: ignore[attr-defined]
    return found


def zone_provinces() -> list[str]:
    return list(
        Zone.objects.exclude(province="")
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def zone_milestones(zone: Zone) -> QuerySet[ZoneEvent]:
    return zone.events.order_by("date", "id")
