"""Writes on industrial zones and their dated milestones."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    as_decimal,
    check_day,
    check_finite,
    check_minimum,
    checked_choice,
    clean_text,
    record_fingerprint,
    record_save,
    record_upsert,
    record_values,
    record_void,
    refusal,
    required_code,
    required_text,
)
from kcn.core.errors import RecordError, RecordWarnings
from kcn.investors.models import Investor
from kcn.zones.models import ZONE_EVENTS_WITH_AREA, Zone, ZoneEvent, ZoneEventKind
from kcn.zones.rules import (
    area_warning,
    check_event_area,
    check_geometry,
    makes_parent_cycle,
    parse_geometry,
)
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
    required_code(label, Zone, "code", code)
    name = required_text(label, Zone, "name", name)
    area, land = as_decimal(area_ha), as_decimal(industrial_land_ha)
    check_finite(label, Zone, "area_ha", area)
    check_finite(label, Zone, "industrial_land_ha", land)
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


@transaction.atomic(durable=True)
def zone_edit(
    *,
    zone: Zone,
    fingerprint: str,
    name: str,
    province: str = "",
    district: str = "",
    area_ha: Decimal | int | None = None,
    industrial_land_ha: Decimal | int | None = None,
    parent: Zone | None = None,
    developer: Investor | None = None,
    geometry: dict[str, Any] | str | None = None,
    confirmed: bool = False,
    actor: User | None = None,
) -> Zone:
    """Change a zone's fields (its code stays), if nobody changed them since ``fingerprint``
    was read (``zone_fingerprint``); an edit made meanwhile is refused, never overwritten.

    An area below the land already cleared, built or leased in the zone is a warning:
    ``RecordWarnings`` unless ``confirmed``.
    """
    locked = Zone.objects.select_for_update().get(pk=zone.pk)
    if zone_fingerprint(locked) != fingerprint:
        raise RecordError(
            _(
                "Someone else changed this zone while you were editing it. Nothing was saved: "
                "reload the page to see their changes."
            ),
            record=_("zone %(code)s") % {"code": locked.code},
        )
    if not confirmed:
        area = as_decimal(area_ha)
        warnings = [
            ("area_ha", found)
            for event in ZONE_EVENTS_WITH_AREA
            if (found := area_warning(locked.code, event, _total(locked, event), area))
        ]
        if warnings:
            raise RecordWarnings(warnings, record=_("zone %(code)s") % {"code": locked.code})
    return zone_upsert(
        code=locked.code,
        name=name,
        province=province,
        district=district,
        area_ha=area_ha,
        industrial_land_ha=industrial_land_ha,
        parent=parent,
        developer=developer,
        geometry=geometry,
        actor=actor,
    )


def zone_fingerprint(zone: Zone) -> str:
    """The digest of the zone's fields that an edit starts from (``zone_edit``)."""
    return record_fingerprint(zone, ZONE_FIELDS)


def _total(zone: Zone, event: str, extra: Decimal | None = None) -> Decimal:
    """The area of the zone's milestones of ``event`` in force, plus ``extra``."""
    found = ZoneEvent.objects.filter(zone=zone, event=event).aggregate(total=Sum("area_ha"))
    return (found["total"] or Decimal(0)) + (extra or 0)


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
    confirmed: bool = False,
    actor: User | None = None,
) -> ZoneEvent:
    """Record a milestone of ``zone``.

    ``land_cleared``, ``infrastructure_built`` and ``land_leased`` need the
    area (≥ 0 ha) the event adds. A milestone equal in every field to one
    already recorded is refused: a record is listed once (the workbook could
    not tell the two apart). Land of one kind adding up to more than the zone's
    planned area is a warning: ``RecordWarnings`` unless ``confirmed``.
    """
    label = _("zone %(code)s, event of %(date)s") % {
        "code": zone.code,
        "date": date.strftime("%d/%m/%Y"),
    }
    check_day(label, ZoneEvent, "date", date)
    event = checked_choice(label, ZoneEvent, "event", event, ZoneEventKind.values)
    area = as_decimal(area_ha)
    check_finite(label, ZoneEvent, "area_ha", area)
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
    if not confirmed and event in ZONE_EVENTS_WITH_AREA:
        found = area_warning(zone.code, event, _total(zone, event, area), zone.area_ha)
        if found is not None:
            raise RecordWarnings([("area_ha", found)], record=label)
    record_save(milestone, label=label, fields=ZONE_EVENT_FIELDS, before=None, actor=actor)
    return milestone


@transaction.atomic(durable=True)
def zone_event_void(*, event: ZoneEvent, reason: str, actor: User | None = None) -> ZoneEvent:
    """A leader voids a wrong milestone, saying why: it stays, shown with its reason, but
    counts nowhere (its area leaves the zone's figures), and the right one can be entered."""
    if actor is not None and not actor.can_void_records:
        raise RecordError(_("Only a leader voids a record."))
    target = ZoneEvent.all_objects.select_for_update().select_related("zone").get(pk=event.pk)
    label = _("zone %(code)s, event of %(date)s") % {
        "code": target.zone.code,
        "date": target.date.strftime("%d/%m/%Y"),
    }
    record_void(target, label=label, reason=reason, actor=actor)
    return target
