"""Exchange rates, enterprises' labor reports and inspections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from kcn.investors.services import investor_upsert
from kcn.projects.models import ExchangeRate, Inspection, LaborReport
from kcn.projects.services import (
    certificate_issue,
    exchange_rate_set,
    inspection_record,
    labor_report_upsert,
    project_upsert,
)
from kcn.zones.services import zone_upsert
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def project(db):
    created = project_upsert(
        code="P2",
        name="Nhà máy B",
        zone=zone_upsert(code="TLII", name="KCN Thăng Long II"),
        investor=investor_upsert(code="JP-0001", name="Sumi", country="JP"),
        origin="foreign",
    )
    certificate_issue(project=created, date=d(2020, 1, 5), capital=10_000_000, currency="USD")
    return created


# -- exchange rates ------------------------------------------------------------------------


def test_it_sets_a_rate_and_changes_it_with_the_change_audited(specialist):
    rate = exchange_rate_set(
        currency="usd", valid_from=d(2022, 1, 1), vnd_per_unit=Decimal("22790"), actor=specialist
    )
    assert only_audit_entry(rate).after == {
        "currency": "USD",
        "valid_from": "2022-01-01",
        "vnd_per_unit": "22790",
    }
    exchange_rate_set(currency="USD", valid_from=d(2022, 1, 1), vnd_per_unit=Decimal("22800.5"))
    assert ExchangeRate.objects.get().vnd_per_unit == Decimal("22800.5")
    update = audit_of(rate)[-1]
    assert (update.before, update.after) == ({"vnd_per_unit": "22790"}, {"vnd_per_unit": "22800.5"})


def test_it_refuses_a_rate_of_a_currency_other_than_usd(refused):
    with refused("'VND' is not one of: USD"):
        exchange_rate_set(currency="VND", valid_from=d(2022, 1, 1), vnd_per_unit=1)


@pytest.mark.parametrize("value", [0, -22790])
def test_it_refuses_a_rate_that_is_not_positive(refused, value):
    with refused("must be greater than 0") as error:
        exchange_rate_set(currency="USD", valid_from=d(2022, 1, 1), vnd_per_unit=value)
    assert error.value.field == "vnd_per_unit"


# -- labor reports --------------------------------------------------------------------------


def test_it_records_a_labor_report_and_replaces_it_for_the_same_period(project, specialist):
    report = labor_report_upsert(
        project=project,
        period_end=d(2022, 3, 31),
        employees=1200,
        foreign_employees=10,
        new_jobs=300,
        actor=specialist,
    )
    assert only_audit_entry(report).after == {
        "project": "P2",
        "period_end": "2022-03-31",
        "employees": 1200,
        "foreign_employees": 10,
        "new_jobs": 300,
    }
    labor_report_upsert(project=project, period_end=d(2022, 3, 31), employees=1250, new_jobs=300)
    assert LaborReport.objects.get().employees == 1250
    update = audit_of(report)[-1]
    assert update.before == {"employees": 1200, "foreign_employees": 10}
    assert update.after == {"employees": 1250, "foreign_employees": None}


def test_it_refuses_more_foreign_employees_than_employees(refused, project):
    with refused("the foreign employees (11) are more than all the employees (10)") as error:
        labor_report_upsert(
            project=project, period_end=d(2022, 3, 31), employees=10, foreign_employees=11
        )
    assert error.value.field == "foreign_employees"


@pytest.mark.parametrize("field", ["employees", "foreign_employees", "new_jobs"])
def test_it_refuses_a_negative_count(refused, project, field):
    counts: dict[str, Any] = {"employees": 10, "foreign_employees": 0, "new_jobs": 0, field: -1}
    with refused("'-1' must not be below 0"):
        labor_report_upsert(project=project, period_end=d(2022, 3, 31), **counts)


# -- inspections ---------------------------------------------------------------------------


def test_it_records_an_inspection(project, specialist):
    inspection = inspection_record(
        project=project,
        date=d(2022, 3, 1),
        kind="onsite",
        violation=True,
        note="Chưa lắp đặt hệ thống xử lý nước thải",
        actor=specialist,
    )
    assert only_audit_entry(inspection).after == {
        "project": "P2",
        "date": "2022-03-01",
        "kind": "onsite",
        "violation": True,
        "note": "Chưa lắp đặt hệ thống xử lý nước thải",
    }


def test_it_refuses_an_inspection_of_an_unknown_kind(refused, project):
    with refused("'audit' is not one of: onsite, desk"):
        inspection_record(project=project, date=d(2022, 3, 1), kind="audit")


def test_it_refuses_the_same_inspection_twice_but_not_a_second_visit_told_apart(refused, project):
    inspection_record(project=project, date=d(2022, 3, 1), kind="onsite")
    with refused("the same inspection is already recorded"):
        inspection_record(project=project, date=d(2022, 3, 1), kind="onsite")
    inspection_record(project=project, date=d(2022, 3, 1), kind="onsite", note="buổi chiều")
    assert Inspection.objects.count() == 2
