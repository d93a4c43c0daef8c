"""What the portal reads: zones' land and projects as of a date, a dossier's status only."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from kcn.publishing.selectors import dossier_status, zone_figures
from kcn.publishing.services import zone_listing_update
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date


def test_a_zones_land_leased_is_the_sum_of_its_leases_up_to_the_date() -> None:
    f.zone("Z1", area_ha=Decimal("300"), industrial_land_ha=Decimal("200"))
    f.zone_event("Z1", d(2021, 5, 1), "land_leased", "50")
    f.zone_event("Z1", d(2022, 2, 1), "land_leased", "30.5")
    f.zone_event("Z1", d(2022, 6, 1), "land_leased", "10")  # after the date
    f.zone_event("Z1", d(2022, 1, 1), "infrastructure_built", "99")  # not a lease
    (zone,) = zone_figures(today=d(2022, 3, 31), lang="vi")
    assert zone.leased_ha == Decimal("80.5")
    assert zone.occupancy == Decimal("40.25")
    assert zone.available_ha == Decimal("119.5")
    assert zone.has_land


def test_occupancy_is_none_without_industrial_land_and_available_never_below_zero() -> None:
    f.zone("Z1")
    f.zone("Z2", industrial_land_ha=Decimal("10"))
    f.zone_event("Z2", d(2021, 5, 1), "land_leased", "12")
    first, second = zone_figures(today=d(2022, 3, 31), lang="vi")
    assert (first.occupancy, first.available_ha, first.has_land) == (None, None, False)
    assert (second.available_ha, second.has_land) == (Decimal(0), False)


def test_a_zones_projects_are_its_valid_projects_on_the_date() -> None:
    f.project("P1", [(d(2020, 1, 1), "issued", "1000000", "USD")])
    f.project("P2", [(d(2020, 1, 1), "issued", "1000000", "USD"), (d(2021, 1, 1), "terminated")])
    f.project("P3", [(d(2023, 1, 1), "issued", "1000000", "USD")])  # not yet
    f.project("P4", [(d(2020, 1, 1), "issued", "1000000", "USD")], kind="infrastructure")
    (zone,) = zone_figures(today=d(2022, 3, 31), lang="vi")
    assert zone.projects == 1


def test_a_hidden_zone_is_left_out_and_the_description_follows_the_language() -> None:
    zone_listing_update(zone=f.zone("Z1"), shown=False)
    zone_listing_update(zone=f.zone("Z2"), shown=True, description="Gần quốc lộ 5")
    zone_listing_update(
        zone=f.zone("Z3"), shown=True, description="Gần cảng", description_en="Near the port"
    )
    vi = zone_figures(today=d(2022, 3, 31), lang="vi")
    en = zone_figures(today=d(2022, 3, 31), lang="en")
    assert [z.code for z in vi] == ["Z2", "Z3"]
    assert [z.description for z in vi] == ["Gần quốc lộ 5", "Gần cảng"]
    assert [z.description for z in en] == ["Gần quốc lộ 5", "Near the port"]


@pytest.mark.parametrize(
    ("resolved", "today", "state"),
    [
        (None, d(2022, 1, 4), "received"),
        (None, d(2022, 1, 10), "in_progress"),
        (None, d(2022, 1, 26), "overdue"),
        (d(2022, 1, 20), d(2022, 2, 1), "early"),
        (d(2022, 1, 25), d(2022, 2, 1), "on_time"),
        (d(2022, 1, 27), d(2022, 2, 1), "late"),
        (d(2022, 1, 27), d(2022, 1, 26), "overdue"),  # resolved after "today": not yet
    ],
)
def test_a_dossiers_status_on_a_date(resolved: dt.date | None, today: dt.date, state: str) -> None:
    dossier = f.dossier("HS-0001", d(2022, 1, 4), d(2022, 1, 25), resolved)
    dossier.applicant = "Công ty TNHH Bí Mật"
    dossier.save()
    status = dossier_status(" HS-0001 ", today=today)
    assert status is not None
    assert status.state == state
    assert status.due_on == d(2022, 1, 25)
    assert "Bí Mật" not in str(dataclasses.asdict(status))


def test_an_unknown_or_partial_receipt_number_finds_nothing() -> None:
    f.dossier("HS-0001", d(2022, 1, 4), d(2022, 1, 25))
    assert dossier_status("HS-000", today=d(2022, 1, 5)) is None
    assert dossier_status("", today=d(2022, 1, 5)) is None
