"""Zones: the register, a zone's page, the map of their outlines, recording a zone's milestones."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, editor, leader
from kcn.audit.selectors import record_history
from kcn.board.models import BoardProfile
from kcn.core import style
from kcn.projects import selectors as projects
from kcn.web.entry import entry_page
from kcn.web.listing import ordering, page_of, requested_search, sort_key
from kcn.web.sheetforms import record_arguments
from kcn.web.voiding import void_page
from kcn.web.zones.forms import ZoneEditForm, ZoneEventForm
from kcn.zones import selectors as zones
from kcn.zones import services
from kcn.zones.models import Zone, ZoneEvent
from kcn.zones.sheets import ZONE_EVENTS, ZONES


@board_member
def zone_list(request: HttpRequest) -> HttpResponse:
    key = sort_key(request, zones.ZONE_SORTS, "code")
    found = zones.zone_list(
        search=requested_search(request),
        province=request.GET.get("province", ""),
        order=ordering(key, zones.ZONE_SORTS),
        project_count=projects.secondary_project_count(),
    )
    page = page_of(request, found)
    return render(
        request,
        "web/zones/list.html",
        {
            "page": page,
            "rows": projects.zones_with_project_counts(page),
            "provinces": zones.zone_provinces(),
            "default_sort": "code",
        },
    )


@board_member
def zone_detail(request: HttpRequest, code: str) -> HttpResponse:
    zone = get_object_or_404(Zone.objects.select_related("parent", "developer"), code=code)
    return render(
        request,
        "web/zones/detail.html",
        {
            "zone": zone,
            "milestones": zones.zone_milestones(zone, with_voided=True),
            "phases": zone.phases.order_by("code"),
            "history": record_history(zone, parts=(ZoneEvent.all_objects.filter(zone=zone),)),
        },
    )


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
        "web/zones/map.html",
        {
            "map_data": data,
            "without_geometry": [zone for zone in zones if not zone.geometry],
            "mapped": len(features),
        },
    )


@editor
def zone_event_new(request: HttpRequest, code: str) -> HttpResponse:
    """Record a milestone of a zone: master plan, policy approval, land, infrastructure."""
    zone = get_object_or_404(Zone, code=code)

    def save(data: dict[str, Any]) -> ZoneEvent:
        return services.zone_event_record(
            zone=zone,
            **record_arguments(ZONE_EVENTS, data),
            confirmed=data["confirmed"],
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


def zone_page(zone: Zone) -> str:
    return reverse("zone_detail", args=[zone.code])


@editor
def zone_edit(request: HttpRequest, code: str) -> HttpResponse:
    """Change a zone's own fields; refused if someone else changed them meanwhile."""
    zone = get_object_or_404(Zone.objects.select_related("parent", "developer"), code=code)
    initial = {
        **ZoneEditForm.initial_from(zone),
        "parent_code": zone.parent_id,
        "developer": zone.developer.code if zone.developer else "",
        "fingerprint": services.zone_fingerprint(zone),
    }

    def save(data: dict[str, Any]) -> Zone:
        return services.zone_edit(
            zone=zone,
            fingerprint=data["fingerprint"],
            **record_arguments(ZONES, data),
            geometry=zone.geometry,
            confirmed=data["confirmed"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        ZoneEditForm(request.POST or None, initial=initial, zone=zone),
        save,
        title=_("Edit zone %(zone)s") % {"zone": f"{zone.code} {zone.name}"},
        submit=_("Save"),
        cancel=zone_page(zone),
        success=lambda _zone: _("Saved."),
        next_url=zone_page,
    )


@leader
def zone_event_void(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A leader voids a wrong milestone, saying why."""
    event = get_object_or_404(ZoneEvent.all_objects.select_related("zone"), pk=pk, zone__code=code)
    return void_page(
        request,
        record=_("'%(event)s' of %(date)s, zone %(code)s")
        % {
            "event": event.get_event_display(),
            "date": event.date.strftime("%d/%m/%Y"),
            "code": event.zone.code,
        },
        void=lambda reason: services.zone_event_void(
            event=event, reason=reason, actor=current_user(request)
        ),
        back=zone_page(event.zone),
    )
