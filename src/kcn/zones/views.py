"""The map of the zones (outlines over the province, with or without a tile server), and
recording a zone's milestones."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.core import style
from kcn.projects.forms import date_field
from kcn.reports.models import BoardProfile
from kcn.web.entry import EntryForm, entry_page
from kcn.zones import services
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind


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


class ZoneEventForm(EntryForm):
    date = date_field(gettext_lazy("date"))
    event = forms.ChoiceField(label=gettext_lazy("event"), choices=ZoneEventKind.choices)
    area_ha = forms.DecimalField(
        label=gettext_lazy("area (ha)"),
        required=False,
        min_value=0,
        decimal_places=4,
        help_text=gettext_lazy("Needed for land cleared, infrastructure built and land leased."),
    )
    document = forms.CharField(
        label=gettext_lazy("decision"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("The decision's number and symbol, e.g. 123/QĐ-TTg."),
    )


@editor
def zone_event_new(request: HttpRequest, code: str) -> HttpResponse:
    """Record a milestone of a zone: master plan, policy approval, land, infrastructure."""
    zone = get_object_or_404(Zone, code=code)

    def save(data: dict[str, Any]) -> ZoneEvent:
        return services.zone_event_record(
            zone=zone,
            date=data["date"],
            event=data["event"],
            area_ha=data["area_ha"],
            document=data["document"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        ZoneEventForm(request.POST or None),
        save,
        title=_("Record a milestone of %(zone)s") % {"zone": zone.name},
        submit=_("Record"),
        cancel=reverse("zone_detail", args=[zone.code]),
        success=lambda _event: _("Recorded."),
        next_url=lambda event: reverse("zone_detail", args=[event.zone.code]),
    )
