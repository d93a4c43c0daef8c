"""Writes on industrial zones and their dated milestones."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    as_decimal,
    check_minimum,
    checked_choice,
    clean_text,
    record_save,
    record_upsert,
    record_values,
    refusal,
    required_text,
)
from kcn.investors.models import Investor
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind
from kcn.zones.rules import check_event_area, check_geometry, makes_parent_cycle, parse_geometry
from kcn.zones.sheets import ZONE_EVENTS, ZONES

ZONE_FIELDS = ZONES.fields
ZONE_EVENT_FIELDS = ZONE_EVENTS.fields


@transaction.atomic
def zone_upsert(
    *,
    code: str,
    name: str,
    province: str = "",
    district: str = "",
    area_ha: Decimal | int | None = None,
    industrial_land_ha: Decimal | int | None = None,
    parent: Zone | None = None,
    developer: Investor | None = None,
    geometry: dict[str, Any] | str | None = None,
    actor: User | None = None,
) -> Zone:
    """Add the zone with ``code``, or set every other field of the one that exists.

    As with a row of the ``zones`` sheet, a field left out is emptied.
    ``parent`` is the zone this one is a phase or extension of: never the
    zone itself, directly or through its parents. ``geometry`` is a GeoJSON
    Polygon or MultiPolygon, as a dict or as JSON text.
    """
    code = clean_text(code)
    label = _("zone %(code)s") % {"code": code}
    required_text(label, Zone, "code", code)
    name = required_text(label, Zone, "name", name)
    area, land = as_decimal(area_ha), as_decimal(industrial_land_ha)
    check_minimum(label, Zone, "area_ha", area)
    check_minimum(label, Zone, "industrial_land_ha", land)
    outline = _geometry(label, geometry)
    if parent is not None:
        if parent.code == code:
            raise refusal(label, Zone, "parent", _("a zone cannot be a part of itself"))
        if makes_parent_cycle(code, parent.code, _parent_code):
            raise refusal(
                label,
                Zone,
                "parent",
                _("zone %(code)s would be a part of itself through its parents") % {"code": code},
            )
    return record_upsert(
        Zone,
        key={"code": code},
        values={
            "name": name,
            "province": clean_text(province),
            "district": clean_text(district),
            "area_ha": area,
            "industrial_land_ha": land,
            "parent": parent,
            "developer": developer,
            "geometry": outline,
        },
        label=label,
        fields=ZONE_FIELDS,
        actor=actor,
    )


def _geometry(label: str, geometry: dict[str, Any] | str | None) -> dict[str, Any] | None:
    if geometry is None or (isinstance(geometry, str) and not geometry.strip()):
        return None
    try:
        if isinstance(geometry, str):
            return parse_geometry(geometry)
        try:
            # Only what JSON can hold; a copy, so that the caller's dict is not shared.
            plain = json.loads(json.dumps(geometry, allow_nan=False))
        except (TypeError, ValueError) as error:
            raise ValueError(_("not valid JSON (%(error)s)") % {"error": error}) from None
        return check_geometry(plain)
    except ValueError as error:
        raise refusal(
            label, Zone, "geometry", _("geometry: %(problem)s") % {"problem": error}
        ) from None


def _parent_code(code: str) -> str | None:
    return Zone.objects.filter(code=code).values_list("parent__code", flat=True).first()


@transaction.atomic(durable=True)
def zone_event_record(
    *,
    zone: Zone,
    date: dt.date,
    event: str,
    area_ha: Decimal | int | None = None,
    document: str = "",
    actor: User | None = None,
) -> ZoneEvent:
    """Record a milestone of ``zone``.

    ``land_cleared``, ``infrastructure_built`` and ``land_leased`` need the
    area (≥ 0 ha) the event adds. A milestone equal in every field to one
    already recorded is refused: a record is listed once (the workbook could
    not tell the two apart).
    """
    label = _("zone %(code)s, event of %(date)s") % {
        "code": zone.code,
        "date": date.strftime("%d/%m/%Y"),
    }
    event = checked_choice(label, ZoneEvent, "event", event, ZoneEventKind.values)
    area = as_decimal(area_ha)
    problem = check_event_area(event, area)
    if problem is not None:
        raise refusal(label, ZoneEvent, "area_ha", problem)
    check_minimum(label, ZoneEvent, "area_ha", area)
    # Lock the zone: the same milestone entered twice at once is checked one after the other.
    zone = Zone.objects.select_for_update().get(pk=zone.pk)
    milestone = ZoneEvent(
        zone=zone, date=date, event=event, area_ha=area, document=clean_text(document)
    )
    values = record_values(milestone, ZONE_EVENT_FIELDS)
    if any(
        record_values(other, ZONE_EVENT_FIELDS) == values
        for other in ZoneEvent.objects.filter(zone=zone, date=date, event=event).select_related(
            "zone"
        )
    ):
        raise refusal(
            label,
            ZoneEvent,
            "event",
            _("the same event is already recorded: a record is listed once"),
        )
    record_save(milestone, label=label, fields=ZONE_EVENT_FIELDS, before=None, actor=actor)
    return milestone
