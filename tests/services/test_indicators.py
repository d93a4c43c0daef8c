"""target_set: targets on the (indicator, year) grid of the registry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.documents.services import document_upsert
from kcn.indicators.models import Target
from kcn.indicators.services import target_set
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db


def test_it_sets_a_target_assigned_by_a_document(specialist):
    programme = document_upsert(symbol="14/CTr-UBND", date=dt.date(2022, 1, 20), direction="in")
    target = target_set(
        year=2022,
        indicator="infrastructure_built_ha",
        target=120,
        assigned_by=programme,
        description="đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp",
        description_en=" build the infrastructure of 120 ha of industrial land ",
        actor=specialist,
    )
    assert only_audit_entry(target).after == {
        "year": 2022,
        "indicator": "infrastructure_built_ha",
        "target": "120",
        "target_max": None,
        "assigned_by": "14/CTr-UBND",
        "description": "đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp",
        "description_en": "build the infrastructure of 120 ha of industrial land",
    }


def test_a_range_target_and_a_split_indicator_are_accepted():
    target_set(year=2022, indicator="zones_policy_approved", target=1, target_max=2)
    target_set(year=2022, indicator="new_projects.foreign", target=Decimal("12.5"))
    assert Target.objects.count() == 2


def test_setting_it_again_changes_it_with_the_change_audited():
    target = target_set(year=2022, indicator="jobs_created", target=4000)
    target_set(year=2022, indicator="jobs_created", target=Decimal("4500.0000"))
    update = audit_of(target)[-1]
    assert (update.before, update.after) == ({"target": "4000"}, {"target": "4500"})


def test_it_refuses_a_code_that_is_not_in_the_registry(refused):
    with refused("target jobs for 2022, indicator: jobs is not an indicator code"):
        target_set(year=2022, indicator="jobs", target=4000)


def test_it_refuses_a_range_whose_high_end_is_below_its_low_end(refused):
    with refused("the upper end of the range (1) is below the target (2)") as error:
        target_set(year=2022, indicator="zones_policy_approved", target=2, target_max=1)
    assert error.value.field == "target_max"


def test_it_refuses_an_implausible_year(refused):
    with refused("22 is not a plausible year"):
        target_set(year=22, indicator="jobs_created", target=4000)
