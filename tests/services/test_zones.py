"""zone_upsert and zone_event_record: geometry, parents without cycles, areas of milestones."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from kcn.audit.models import AuditEntry
from kcn.investors.services import investor_upsert
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind
from kcn.zones.services import zone_event_record, zone_upsert
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db
d = dt.date

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106.0, 20.9], [106.1, 20.9], [106.1, 21.0], [106.0, 20.9]]],
}


@pytest.fixture
def thang_long(db):
    return zone_upsert(code="TLII", name="KCN Thăng Long II", area_ha=Decimal(345))


def test_it_adds_a_phase_of_a_zone_with_its_developer_and_outline(thang_long, specialist):
    developer = investor_upsert(code="JP-0001", name="Sumi", country="JP")
    phase = zone_upsert(
        code="TLII-3",
        name="KCN Thăng Long II mở rộng (giai đoạn 3)",
        province="Hưng Yên",
        area_ha=Decimal("180.5"),
        parent=thang_long,
        developer=developer,
        geometry=json.dumps(SQUARE),
        actor=specialist,
    )
    phase.refresh_from_db()
    assert phase.parent == thang_long
    assert phase.geometry == SQUARE
    entry = only_audit_entry(phase)
    assert entry.action == "create"
    assert entry.after == {
        "code": "TLII-3",
        "name": "KCN Thăng Long II mở rộng (giai đoạn 3)",
        "province": "Hưng Yên",
        "district": "",
        "area_ha": "180.5",
        "industrial_land_ha": None,
        "parent": "TLII",
        "developer": "JP-0001",
        "geometry": SQUARE,
    }


def test_the_outline_may_be_given_as_a_dict(thang_long):
    zone = zone_upsert(code="TLII", name="KCN Thăng Long II", geometry=SQUARE)
    assert Zone.objects.get(pk=zone.pk).geometry == SQUARE


@pytest.mark.parametrize(
    ("geometry", "problem"),
    [
        ("{not json", "geometry: not valid JSON"),
        ('{"type": "Point", "coordinates": [106.0, 20.9]}', "a GeoJSON Polygon or MultiPolygon"),
        ('{"type": "Polygon", "coordinates": [[[200, 20.9]]]}', "[longitude, latitude] in degrees"),
        ('{"type": "Polygon", "coordinates": [[[true, false]]]}', "[longitude, latitude]"),
        ('{"type": "MultiPolygon", "coordinates": [[106.0, 20.9]]}', "not nested as a MultiPoly"),
        ({"type": "Polygon", "coordinates": [[[float("nan"), 1.0]]]}, "not valid JSON"),
    ],
)
def test_it_refuses_an_outline_that_is_not_a_geojson_polygon(refused, geometry, problem):
    with refused(problem) as error:
        zone_upsert(code="Z1", name="KCN 1", geometry=geometry)
    assert error.value.field == "geometry"


@pytest.mark.parametrize("field", ["area_ha", "industrial_land_ha"])
def test_it_refuses_a_negative_area(refused, field):
    with refused("must not be below 0") as error:
        area: dict[str, Any] = {field: Decimal("-1")}
        zone_upsert(code="Z1", name="KCN 1", **area)
    assert error.value.field == field


def test_it_refuses_a_zone_that_is_a_part_of_itself(refused, thang_long):
    with refused("zone TLII, part of zone: a zone cannot be a part of itself"):
        zone_upsert(code="TLII", name="KCN Thăng Long II", parent=thang_long)


def test_it_refuses_a_cycle_of_parents(refused, thang_long):
    phase = zone_upsert(code="TLII-3", name="Giai đoạn 3", parent=thang_long)
    sub = zone_upsert(code="TLII-3A", name="Giai đoạn 3A", parent=phase)
    with refused("zone TLII would be a part of itself through its parents"):
        zone_upsert(code="TLII", name="KCN Thăng Long II", area_ha=Decimal(345), parent=sub)
    assert Zone.objects.get(code="TLII").parent is None


def test_an_update_empties_what_is_left_out_and_audits_the_change(thang_long, specialist):
    zone_upsert(code="TLII", name="KCN Thăng Long II", province="Hưng Yên", actor=specialist)
    update = audit_of(thang_long)[-1]
    assert update.action == "update"
    assert update.before == {"province": "", "area_ha": "345"}
    assert update.after == {"province": "Hưng Yên", "area_ha": None}


def test_it_refuses_a_zone_without_a_name(refused):
    with refused("zone Z1, name: a value is required"):
        zone_upsert(code="Z1", name="")


# -- milestones ----------------------------------------------------------------------------


@pytest.mark.parametrize("event", ["land_cleared", "infrastructure_built", "land_leased"])
def test_an_event_that_adds_land_must_say_how_much(refused, thang_long, event):
    with refused(f"the area (ha) is required for '{ZoneEventKind(event).label}'") as error:
        zone_event_record(zone=thang_long, date=d(2022, 2, 10), event=event)
    assert error.value.field == "area_ha"


def test_an_area_of_an_event_is_not_negative(refused, thang_long):
    with refused("'-29' must not be below 0"):
        zone_event_record(
            zone=thang_long, date=d(2022, 2, 10), event="land_leased", area_ha=Decimal(-29)
        )


def test_it_records_a_milestone_with_one_audit_entry(thang_long, specialist):
    event = zone_event_record(
        zone=thang_long,
        date=d(2022, 2, 10),
        event="infrastructure_built",
        area_ha=Decimal("29.00"),
        document=" 123/QĐ-UBND ",
        actor=specialist,
    )
    assert ZoneEvent.objects.get().document == "123/QĐ-UBND"
    entry = only_audit_entry(event)
    assert entry.after == {
        "zone": "TLII",
        "date": "2022-02-10",
        "event": "infrastructure_built",
        "area_ha": "29",
        "document": "123/QĐ-UBND",
    }


def test_a_policy_approval_needs_no_area(thang_long):
    zone_event_record(zone=thang_long, date=d(2022, 3, 10), event="policy_approved")
    assert ZoneEvent.objects.get().area_ha is None


def test_it_refuses_an_event_that_is_not_a_zone_milestone(refused, thang_long):
    with refused("'opened' is not one of: planned, policy_approved"):
        zone_event_record(zone=thang_long, date=d(2022, 3, 10), event="opened")


def test_it_refuses_the_same_milestone_twice(refused, thang_long):
    zone_event_record(zone=thang_long, date=d(2022, 2, 10), event="land_leased", area_ha=5)
    with refused("the same event is already recorded"):
        zone_event_record(
            zone=thang_long, date=d(2022, 2, 10), event="land_leased", area_ha=Decimal("5.0")
        )
    zone_event_record(zone=thang_long, date=d(2022, 2, 10), event="land_leased", area_ha=6)
    assert ZoneEvent.objects.count() == 2
    assert AuditEntry.objects.filter(model="zones.zoneevent").count() == 2
