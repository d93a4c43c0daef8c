"""The rules a zone and its milestones obey (docs/reference/workbook.md, ``zones``,
``zone_events``).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kcn.core.errors import KcnError
from kcn.core.trees import makes_cycle
from kcn.zones.models import ZONE_EVENTS_WITH_AREA, ZoneEventKind

GEOMETRY_TYPES = {"Polygon": 3, "MultiPolygon": 4}  # nesting depth of coordinates


def parse_geometry(text: str) -> dict[str, Any]:
    """A GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude, read from ``text``.

    ``ValueError`` with a translated message when it is not one.
    """
    try:
        geometry = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(_("not valid JSON (%(error)s)") % {"error": error.msg}) from None
    return check_geometry(geometry)


def geometry_from_text(text: str) -> dict[str, Any]:
    """``parse_geometry`` for a cell of the ``zones`` sheet: ``KcnError`` names the geometry."""
    try:
        return parse_geometry(text)
    except ValueError as error:
        raise KcnError(_("geometry: %(problem)s") % {"problem": error}) from None


def check_geometry(geometry: Any) -> dict[str, Any]:
    """``geometry`` itself when it is a GeoJSON Polygon or MultiPolygon; ``ValueError`` if not."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        raise ValueError(_("a GeoJSON Polygon or MultiPolygon is expected"))
    kind = geometry["type"]

    def check(node: Any, level: int) -> None:
        if level == 1:
            if (
                not isinstance(node, list)
                or len(node) < 2
                or not all(_is_number(x) for x in node[:2])
                or not (-180 <= node[0] <= 180 and -90 <= node[1] <= 90)
            ):
                raise ValueError(_("coordinates must be [longitude, latitude] in degrees"))
            return
        if not isinstance(node, list) or not node:
            raise ValueError(
                _("the coordinates are not nested as a %(type)s needs") % {"type": kind}
            )
        for child in node:
            check(child, level - 1)

    check(geometry.get("coordinates"), GEOMETRY_TYPES[kind])
    return geometry


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def event_label(event: str) -> str:
    """How a message names a milestone: its label ("land cleared"), quoted."""
    try:
        return f"'{ZoneEventKind(event).label}'"
    except ValueError:
        return f"'{event}'"


def check_event_area(event: str, area_ha: Decimal | None) -> str | None:
    """What is wrong with the area of a zone event, or None.

    ``land_cleared``, ``infrastructure_built`` and ``land_leased`` add an area
    and must say how much.
    """
    if event in ZONE_EVENTS_WITH_AREA and area_ha is None:
        return _("the area (ha) is required for %(event)s") % {"event": event_label(event)}
    return None


def area_warning(code: str, event: str, total: Decimal | None, area: Decimal | None) -> str | None:
    """A zone's cleared, built or leased land adding up to more than its planned area: possible
    (an area planned again), unlikely (docs/reference/workbook.md, ``zone_events``)."""
    if area is None or total is None or total <= area:
        return None
    return _(
        "%(event)s in zone %(code)s adds up to %(total)s ha, more than its planned area of "
        "%(area)s ha"
    ) % {
        "event": event_label(event),
        "code": code,
        "total": _hectares(total),
        "area": _hectares(area),
    }


def _hectares(value: Decimal) -> str:
    whole, _sep, fraction = format(value.normalize(), "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


makes_parent_cycle = makes_cycle  # the one rule for every parent link (kcn.core.trees)


def outline_from_geojson(text: str) -> dict[str, Any]:
    """The province's outline from a GeoJSON file as provinces publish them: a Polygon or
    MultiPolygon, or a Feature or one-feature FeatureCollection holding one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(_("not valid JSON (%(error)s)") % {"error": error.msg}) from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features") or []
        if len(features) != 1:
            raise ValueError(_("a FeatureCollection with exactly one feature is expected"))
        data = features[0]
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    return check_geometry(data)
