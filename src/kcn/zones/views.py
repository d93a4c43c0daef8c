"""The map of the zones: outlines over the province, with or without a tile server."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from kcn.accounts.permissions import board_member
from kcn.core import style
from kcn.reports.models import BoardProfile
from kcn.zones.models import Zone


@board_member
def zone_map(request: HttpRequest) -> HttpResponse:
    zones = list(Zone.objects.order_by("code").only("code", "name", "area_ha", "geometry"))
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "geometry": zone.geometry,
            "properties": {
                "code": zone.code,
                "name": zone.name,
                "area_ha": style.number(zone.area_ha, 1) if zone.area_ha is not None else None,
                "url": reverse("zone_detail", args=[zone.code]),
            },
        }
        for zone in zones
        if zone.geometry
    ]
    outline = BoardProfile.objects.filter(pk=1).values_list("outline", flat=True).first()
    data = {
        "zones": {"type": "FeatureCollection", "features": features},
        "outline": outline,
        "tiles": settings.KCN_MAP_TILES,
        "attribution": settings.KCN_MAP_ATTRIBUTION,
    }
    return render(
        request,
        "zones/map.html",
        {
            "map_data": data,
            "without_geometry": [zone for zone in zones if not zone.geometry],
            "mapped": len(features),
        },
    )
