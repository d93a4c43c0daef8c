"""A record's code is part of its address: a code with a slash is refused wherever records
come in, and every code that is accepted opens its pages."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kcn.accounts.models import User
from kcn.core.errors import RecordError
from kcn.investors.models import Investor
from kcn.investors.services import investor_register
from kcn.zones.models import Zone
from kcn.zones.services import zone_upsert
from tests.exchange.samples import with_row

pytestmark = pytest.mark.django_db


def test_the_import_refuses_a_project_code_with_a_slash_on_its_cell(import_rows):
    result = import_rows(with_row("projects", 0, code="124/TNHS"))
    assert not result.ok
    listed = [str(problem) for problem in result.problems.listed]
    assert listed[0] == (
        "projects!A2: code: a code may not hold a slash (/): write it with a dash, e.g. 124-TNHS"
    )


@pytest.mark.parametrize("code", ["KCN/2", "/", "Z1/"])
def test_the_services_refuse_a_zone_code_with_a_slash_naming_the_field(code: str) -> None:
    with pytest.raises(RecordError) as error:
        zone_upsert(code=code, name="KCN 2", area_ha=Decimal("100"))
    assert error.value.field == "code"
    assert "slash" in str(error.value)
    assert not Zone.objects.exists()


def test_an_investor_code_with_a_slash_is_refused() -> None:
    with pytest.raises(RecordError) as error:
        investor_register(code="JP/0001", name="Công ty Nhật", country="JP")
    assert error.value.field == "code"


@pytest.mark.parametrize("code", ["TLII-3", "KCN.Phố Nối A", "Đức Hòa 1", "A&B?#%"])
def test_every_accepted_code_opens_its_page(
    code: str, vy: User, client_of: Callable[[User | None], Client]
) -> None:
    zone = zone_upsert(code=code, name=f"KCN {code}", area_ha=Decimal("100"))
    address = reverse("zone_detail", args=[zone.code])
    response = client_of(vy).get(address)
    assert response.status_code == 200, address
    assert f"KCN {code}".replace("&", "&amp;") in response.content.decode()


def test_an_address_with_a_nul_character_is_a_bad_request(
    vy: User, client_of: Callable[[User | None], Client]
) -> None:
    browser = client_of(vy)
    assert browser.get("/zones/Z%001/").status_code == 400
    assert browser.get("/projects/?q=a%00b").status_code == 400


def test_a_form_with_a_nul_character_is_a_bad_request(
    son: User, client_of: Callable[[User | None], Client]
) -> None:
    browser = client_of(son)
    form = {"code": "0100109106", "name": "Công ty CP Phố Nối", "country": "VN"}
    assert browser.post("/investors/new/", {**form, "country": "V\x00N"}).status_code == 400
    assert not Investor.objects.exists()
    assert browser.post("/investors/new/", form).status_code == 302  # the same form, clean
