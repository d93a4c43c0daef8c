"""Reads on zones."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kcn.projects.models import ProjectKind
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
    """Zones with their parent, developer and number of projects, in one query."""
    zones = Zone.objects.select_related("parent", "developer").annotate(
        n_projects=Count("projects", filter=Q(projects__kind=ProjectKind.SECONDARY))
    )
    if search:
        zones = zones.filter(
            Q(code__icontains=search) | Q(name__icontains=search) | Q(district__icontains=search)
        )
    if province:
        zones = zones.filter(province=province)
    return zones.order_by(*(order or ["code"]))


def zone_provinces() -> list[str]:
    return list(
        Zone.objects.exclude(province="")
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def zone_milestones(zone: Zone) -> QuerySet[ZoneEvent]:
    return zone.events.order_by("date", "id")
