"""The certificate form finds the investor by code or name (a JSON search for the suggestions),
registers a new investor with the project in one transaction, and picks the sector from the
VSIC list (issue 12, item 3)."""

from __future__ import annotations

import pytest

from kcn.audit.models import AuditEntry
from kcn.core import vsic
from kcn.investors.models import Investor
from kcn.projects.models import Project
from tests import factories as f
from tests.web.test_entry import certificate


def test_the_investor_search_answers_staff_with_json(client_of, users, board):
    f.investor("0300000001", country="VN", name="Công ty Cổ phần Minh Đức")
    response = client_of(users["specialist"]).get("/investors/search.json", {"q": "phần Minh"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "investors": [{"code": "0300000001", "name": "Công ty Cổ phần Minh Đức", "country": "VN"}]
    }
    assert client_of(users["specialist"]).get("/investors/search.json?q=m").json() == {
        "investors": []
    }


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("enterprise", 403), (None, 302)])
def test_the_investor_search_is_for_staff_only(client_of, users, board, role, status):
    client = client_of(users[role] if role else None)
    assert client.get("/investors/search.json?q=JP").status_code == status


def test_the_certificate_form_offers_the_search_and_the_vsic_list(client_of, users, board):
    page = client_of(users["specialist"]).get("/projects/new/").content.decode()
    assert 'data-kcn-search="/investors/search.json"' in page
    assert 'list="id_investor_code_choices"' in page
    assert '<datalist id="id_sector_choices">' in page
    assert '<option value="26">' in page
    assert 'name="new_investor_name"' in page


def test_an_investor_is_found_by_its_exact_name_without_scripts(client_of, users, board):
    f.investor("0300000001", name="Công ty Minh Đức")
    response = client_of(users["specialist"]).post(
        "/projects/new/", certificate(board, investor_code="  công ty  Minh Đức ")
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Project.objects.get(code="P-NEW").investor.code == "0300000001"


def test_a_new_investor_is_registered_with_the_certificate(client_of, users, board):
    data = certificate(
        board,
        investor_code="KR-0042",
        new_investor_name="Hanil Precision Co., Ltd.",
        new_investor_country="KR",
    )
    response = client_of(users["specialist"]).post("/projects/new/", data)
    assert response.status_code == 302
    investor = Investor.objects.get(code="KR-0042")
    assert (investor.name, investor.country) == ("Hanil Precision Co., Ltd.", "KR")
    assert Project.objects.get(code="P-NEW").investor == investor
    assert AuditEntry.objects.filter(model="investors.investor", action="create").exists()


def test_a_refused_certificate_leaves_no_new_investor_behind(client_of, users, board):
    data = certificate(
        board,
        code="P-JP",  # taken: the project is refused
        investor_code="KR-0042",
        new_investor_name="Hanil Precision Co., Ltd.",
        new_investor_country="KR",
    )
    response = client_of(users["specialist"]).post("/projects/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["code"]
    assert not Investor.objects.filter(code="KR-0042").exists()


def test_a_new_investors_bad_tax_code_is_named_beside_the_investor(client_of, users, board):
    data = certificate(
        board,
        investor_code="0100109107",  # a Vietnamese tax code whose check digit is wrong
        new_investor_name="Công ty B",
        new_investor_country="VN",
    )
    response = client_of(users["specialist"]).post("/projects/new/", data)
    assert response.status_code == 400
    assert "0100109107" in str(response.context["form"].errors)
    assert not Investor.objects.filter(code="0100109107").exists()
    assert not Project.objects.filter(code="P-NEW").exists()


def test_a_new_investor_needs_a_country(client_of, users, board):
    data = certificate(board, investor_code="KR-0042", new_investor_name="Hanil")
    response = client_of(users["specialist"]).post("/projects/new/", data)
    assert response.context["form"].errors["new_investor_country"]


@pytest.mark.parametrize("sector", ["26", "2610", "26100"])
def test_a_vsic_code_of_any_level_is_taken(client_of, users, board, sector):
    response = client_of(users["specialist"]).post(
        "/projects/new/", certificate(board, sector=sector)
    )
    assert response.status_code == 302
    assert Project.objects.get(code="P-NEW").sector == sector


@pytest.mark.parametrize("sector", ["04", "3", "C", "261000", "Điện tử"])
def test_a_sector_outside_the_vsic_list_is_refused_naming_the_field(
    client_of, users, board, sector
):
    response = client_of(users["specialist"]).post(
        "/projects/new/", certificate(board, sector=sector)
    )
    assert response.status_code == 400
    assert "Sector (VSIC): pick a sector from the VSIC list" in str(
        response.context["form"].errors["sector"]
    )


def test_the_project_page_names_the_sector(client_of, users, board):
    Project.objects.filter(code="P-JP").update(sector="2610")
    page = client_of(users["viewer"]).get("/projects/P-JP/").content.decode()
    assert "Manufacture of computer, electronic and optical products" in page


def test_the_vsic_list_has_its_21_sections_and_88_divisions():
    assert [section.letter for section in vsic.SECTIONS] == list("ABCDEFGHIJKLMNOPQRSTU")
    assert len(vsic.DIVISIONS) == 88
    assert {code for s in vsic.SECTIONS for code in s.divisions} == set(vsic.DIVISION_BY_CODE)
    assert vsic.SECTION_OF["26"].letter == "C"
