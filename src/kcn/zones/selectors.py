"""Reads on zones."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kcn.core.collation import collated
from kcn.zones.models import Zone, ZoneEvent

# Sorted in Vietnamese order (kcn.core.collation).
NAMES = {"name", "province"}
ZONE_SORTS = {
    "code": "code",
    "name": "name",
    "province": "province",
    "area": "area_ha",
    "land": "industrial_land_ha",
    "projects": "n_projects",
}


def zone_list(
    *,
    search: str = "",
    province: str = "",
    order: list[str] | None = None,
    project_count: Count | None = None,
) -> QuerySet[Zone]:
    """Zones with their parent and developer, filtered and ordered.

    Sorting by ``n_projects`` needs ``project_count``, the count to sort by
    (``kcn.projects.selectors.secondary_project_count``); the page shown gets
    its counts from ``zones_with_project_counts`` there.
    """
    zones = Zone.objects.select_related("parent", "developer")
    if search:
        zones = zones.filter(
            Q(code__icontains=search) | Q(name__icontains=search) | Q(district__icontains=search)
        )
    if province:
        zones = zones.filter(province=province)
    order = order or ["code"]
    if project_count is not None and any(key.lstrip("-") == "n_projects" for key in order):
        zones = zones.annotate(n_projects=project_count)
    return zones.order_by(*collated(order, NAMES))


def zone_provinces() -> list[str]:
    return list(
        Zone.objects.exclude(province="")
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def zone_milestones(zone: Zone, *, with_voided: bool = False) -> QuerySet[ZoneEvent]:
    """A zone's milestones by date; with the voided ones too (shown marked) if ``with_voided``."""
    manager = ZoneEvent.all_objects if with_voided else ZoneEvent.objects
    return manager.filter(zone=zone).select_related("voided_by").order_by("date", "id")
