"""What every service shares: one transaction with its audit entry, errors that name the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.audit import records as shared
from kcn.audit.records import json_value, record_values
from kcn.core.errors import KcnError, RecordError
from kcn.zones.models import Zone
from kcn.zones.services import zone_upsert

pytestmark = pytest.mark.django_db


def test_a_write_whose_audit_entry_fails_leaves_nothing_behind(monkeypatch):
    def broken(**_kwargs):
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(shared, "audit_record", broken)
    with pytest.raises(RuntimeError):
        zone_upsert(code="Z1", name="KCN 1")
    assert not Zone.objects.exists()


def test_a_refusal_is_a_kcn_error_that_names_the_record_and_the_field():
    with pytest.raises(KcnError) as error:
        zone_upsert(code="Z1", name="KCN 1", area_ha=Decimal(-1))
    assert isinstance(error.value, RecordError)
    assert (error.value.record, error.value.field) == ("zone Z1", "area_ha")
    assert str(error.value) == "zone Z1, planned area (ha): '-1' must not be below 0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("98000000.00"), "98000000"),
        (Decimal("180.5000"), "180.5"),
        (Decimal("-0.10"), "-0.1"),
        (dt.date(2022, 1, 28), "2022-01-28"),
        (None, None),
        (True, True),
    ],
)
def test_audit_values_are_plain_json(value, expected):
    assert json_value(value) == expected


def test_a_referenced_record_is_named_by_its_code():
    parent = zone_upsert(code="TLII", name="KCN Thăng Long II")
    phase = Zone(code="TLII-3", name="Giai đoạn 3", parent=parent, area_ha=Decimal("180.50"))
    assert record_values(phase, ["parent", "area_ha", "developer"]) == {
        "parent": "TLII",
        "area_ha": "180.5",
        "developer": None,
    }
