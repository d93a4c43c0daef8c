"""Zones for investors: each zone's land (industrial land, leased, occupancy, still
available), developer and contact, number of projects and outline on a map; a page each.

Everything on the map is also in the page as text, so the page reads without JavaScript;
the map (``static/portal/zones-map.js``) puts zone names into Leaflet as text nodes only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from kcn.board.models import BoardProfile
from kcn.core import style
from kcn.portal.site import cached, language, latest_items, page
from kcn.publishing.selectors import ZoneFigures, zone_figures

FIGURES_TIMEOUT = 10 * 60  # the records behind them change through the staff's pages


def _figures() -> list[ZoneFigures]:
    today = timezone.localdate()
    lang = language()
    return cached(
        f"zones:{today.isoformat()}",
        lambda: zone_figures(today=today, lang=lang),
        timeout=FIGURES_TIMEOUT,
    )


def _outline() -> Any:
    return cached(
        "outline",
        lambda: BoardProfile.objects.filter(pk=1).values_list("outline", flat=True).first(),
        timeout=FIGURES_TIMEOUT,
    )


def _map_data(zones: list[ZoneFigures]) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "geometry": zone.geometry,
            "properties": {
                "name": zone.name,
                "url": reverse("portal_zone", args=[zone.code]),
                "available": (
                    f"{style.number(zone.available_ha, 1)} ha"
                    if zone.available_ha is not None
                    else ""
                ),
            },
        }
        for zone in zones
        if zone.geometry
    ]
    return {
        "zones": {"type": "FeatureCollection", "features": features},
        "outline": _outline(),
        "tiles": settings.KCN_MAP_TILES,
    }


def _total(values: list[Decimal | None]) -> Decimal:
    return sum((value for value in values if value is not None), Decimal(0))


@require_safe
def zone_list(request: HttpRequest) -> HttpResponse:
    zones = _figures()
    with_land = request.GET.get("con-dat") == "1"
    shown = [zone for zone in zones if zone.has_land] if with_land else zones
    return page(
        request,
        "portal/zone_list.html",
        {
            "section": "zones",
            "zones": shown,
            "with_land": with_land,
            "total_land": _total([zone.industrial_land_ha for zone in shown]),
            "total_leased": _total([zone.leased_ha for zone in shown]),
            "total_available": _total([zone.available_ha for zone in shown]),
            "map_data": _map_data(shown),
            "attribution": settings.KCN_MAP_ATTRIBUTION,
            "latest": latest_items(),
        },
    )


@require_safe
def zone_detail(request: HttpRequest, code: str) -> HttpResponse:
    zone = next((zone for zone in _figures() if zone.code == code), None)
    if zone is None:
        raise Http404
    return page(
        request,
        "portal/zone.html",
        {
            "section": "zones",
            "zone": zone,
            "map_data": _map_data([zone]),
            "attribution": settings.KCN_MAP_ATTRIBUTION,
            "latest": latest_items(),
        },
    )
