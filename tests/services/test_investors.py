"""investor_upsert: tax codes of Vietnamese investors, ISO country codes, audited writes."""

from __future__ import annotations

import pytest

from kcn.audit.models import AuditEntry
from kcn.core.errors import RecordError
from kcn.investors.models import Investor
from kcn.investors.services import investor_upsert
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db


def test_it_adds_a_vietnamese_investor_under_its_canonical_tax_code(specialist):
    investor = investor_upsert(
        code=" 0100 109 106 ", name="Công ty CP Phố Nối", country="vn", actor=specialist
    )
    assert (investor.code, investor.country) == ("0100109106", "VN")
    entry = only_audit_entry(investor)
    assert entry.action == "create"
    assert entry.actor == specialist
    assert entry.before is None
    assert entry.after == {"code": "0100109106", "name": "Công ty CP Phố Nối", "country": "VN"}


def test_a_branch_tax_code_keeps_its_three_digit_suffix():
    investor = investor_upsert(code="0100109106001", name="Chi nhánh", country="VN")
    assert investor.code == "0100109106-001"


def test_it_refuses_a_vietnamese_tax_code_whose_check_digit_is_wrong(refused):
    with refused("investor 0100109107, code: 0100109107 is not a valid tax code") as error:
        investor_upsert(code="0100109107", name="Sai mã", country="VN")
    assert isinstance(error.value, RecordError)
    assert error.value.field == "code"


def test_it_refuses_a_vietnamese_code_that_is_not_ten_digits(refused):
    with refused("is not a tax code: 10 digits"):
        investor_upsert(code="JP-0001", name="Sai mã", country="VN")


def test_it_keeps_a_foreign_investors_code_as_written():
    investor = investor_upsert(code=" JP-0001 ", name="Sumi Industrial Park Co.", country="JP")
    assert investor.code == "JP-0001"


@pytest.mark.parametrize("country", ["XX", "Japan", "JPN", ""])
def test_it_refuses_a_country_that_is_not_an_iso_3166_alpha_2_code(refused, country):
    with refused("is not an ISO 3166-1 country code such as VN, JP or KR") as error:
        investor_upsert(code="JP-0001", name="Sumi", country=country)
    assert error.value.field == "country"


def test_it_refuses_an_investor_without_a_name(refused):
    with refused("investor JP-0001, name: a value is required"):
        investor_upsert(code="JP-0001", name="  ", country="JP")


def test_a_second_upsert_changes_the_investor_and_audits_only_what_changed(specialist):
    investor = investor_upsert(code="JP-0001", name="Sumi", country="JP")
    again = investor_upsert(code="JP-0001", name="Sumi Industrial", country="JP", actor=specialist)
    assert again.pk == investor.pk
    assert Investor.objects.get().name == "Sumi Industrial"
    update = audit_of(investor)[-1]
    assert update.action == "update"
    assert (update.before, update.after) == ({"name": "Sumi"}, {"name": "Sumi Industrial"})


def test_an_upsert_that_changes_nothing_writes_nothing():
    investor_upsert(code="0100109106", name="Phố Nối", country="VN")
    investor_upsert(code="0100 109 106", name=" Phố Nối ", country="vn")
    assert AuditEntry.objects.count() == 1


def test_the_models_own_limits_are_refused_with_the_field_named(refused):
    with refused("investor JP-0001, name: Ensure this value has at most 255 characters") as error:
        investor_upsert(code="JP-0001", name="x" * 300, country="JP")
    assert error.value.field == "name"
