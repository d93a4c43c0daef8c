"""Input that follows Vietnamese habits in any browser (issue 12, item 3): dates typed and shown
dd/mm/yyyy, numbers typed "25.000.000" or "5,2", read by the server whatever the browser's
language, with the amount as understood shown by kcn/inputs.js."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from kcn.core.cells import parse_typed_number
from kcn.enterprise_reports.models import ProjectReport
from kcn.projects.models import LaborReport, ProjectEvent
from kcn.web.inputs import typed_number
from kcn.zones.models import ZoneEvent
from tests.web.test_entry import FORMS, certificate

d = dt.date


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("25.000.000", Decimal("25000000")),
        ("25000000", Decimal("25000000")),
        ("5,2", Decimal("5.2")),
        ("5.2", Decimal("5.2")),
        ("1.500,75", Decimal("1500.75")),
        ("-1.500.000", Decimal("-1500000")),
        ("\u22122,5", Decimal("-2.5")),
        (" 12 000 000 ", Decimal("12000000")),
        ("1.500", Decimal("1500")),  # a point before three digits groups thousands
        ("0,125", Decimal("0.125")),
    ],
)
def test_a_typed_number_is_read_the_vietnamese_way(typed, number):
    assert parse_typed_number(typed) == number


@pytest.mark.parametrize(
    "typed",
    ["1,234.5", "25,000,000", "1.2.3", "12.34.567", "abc", " ", "1e5", "NaN", "5,", "9" * 41],
)
def test_a_number_that_reads_two_ways_or_none_is_refused(typed):
    with pytest.raises(ValueError, match=r"."):
        parse_typed_number(typed)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (Decimal("25000000"), "25.000.000"),
        (Decimal("5.20"), "5,2"),
        (Decimal("-1500.75"), "-1.500,75"),
        (Decimal("12.00"), "12"),
        (3000, "3.000"),
        (Decimal("0.5"), "0,5"),
    ],
)
def test_a_value_is_shown_as_it_is_typed_and_reads_back_unchanged(number, text):
    assert typed_number(number) == text
    assert parse_typed_number(text) == Decimal(number)


def test_a_certificate_typed_the_vietnamese_way_is_understood(client_of, users, board):
    data = certificate(board, capital="25.000.000", date="15/03/2022")
    response = client_of(users["specialist"]).post("/projects/new/", data)
    assert response.status_code == 302
    issued = ProjectEvent.objects.get(project__code="P-NEW", event="issued")
    assert (issued.capital, issued.date) == (Decimal("25000000"), d(2022, 3, 15))


def test_an_amendment_of_one_and_a_half_million_is_understood(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/projects/P-JP/events/adjusted/",
        {"date": "20/03/2022", "capital_change": "1.500.000,50", "currency": "USD"},
    )
    assert response.status_code == 302
    event = ProjectEvent.objects.filter(project__code="P-JP", event="adjusted").latest("date")
    assert (event.capital, event.date) == (Decimal("1500000.50"), d(2022, 3, 20))


@pytest.mark.parametrize("typed", ["5,2", "5.2"])
def test_an_area_typed_with_a_comma_or_a_point_is_five_point_two_hectares(
    client_of, users, board, typed
):
    response = client_of(users["specialist"]).post(
        "/zones/Z1/events/new/", {"date": "31/03/2022", "event": "land_cleared", "area_ha": typed}
    )
    assert response.status_code == 302
    assert ZoneEvent.objects.get(zone__code="Z1", event="land_cleared").area_ha == Decimal("5.2")


def test_a_headcount_typed_with_points_is_understood(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/projects/P-JP/labor/",
        {"period_end": "30/06/2022", "employees": "3.200", "foreign_employees": "12"},
    )
    assert response.status_code == 302
    report = LaborReport.objects.get(project__code="P-JP", period_end=d(2022, 6, 30))
    assert report.employees == 3200


def test_a_number_that_reads_two_ways_is_refused_beside_its_field_naming_it(
    client_of, users, board
):
    client = client_of(users["specialist"])
    response = client.post("/projects/new/", certificate(board, capital="1,234.5"))
    assert response.status_code == 400
    assert "Registered capital: enter a number, e.g. 25.000.000 or 5,2." in str(
        response.context["form"].errors["capital"]
    )
    assert not ProjectEvent.objects.filter(project__code="P-NEW").exists()


def test_a_date_in_the_american_order_is_refused_naming_the_field(client_of, users, board):
    response = client_of(users["specialist"]).post(
        "/projects/new/", certificate(board, date="03/15/2022")
    )
    assert response.status_code == 400
    assert "Date of the certificate: enter a date as dd/mm/yyyy" in str(
        response.context["form"].errors["date"]
    )


def test_errors_name_the_field_in_vietnamese(client_of, users, board):
    client = client_of(users["specialist"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    response = client.post("/projects/new/", certificate(board, capital="abc", date="32/01/2022"))
    errors = response.context["form"].errors
    assert "Vốn đăng ký: nhập một số" in str(errors["capital"])
    assert "Ngày cấp" in str(errors["date"])
    assert "dd/mm/yyyy" in str(errors["date"])


def test_a_date_out_of_range_is_refused(client_of, users, board):
    response = client_of(users["specialist"]).post(
        "/projects/new/", certificate(board, date="15/03/1899")
    )
    assert "between 01/01/1990 and 31/12/2100" in str(response.context["form"].errors["date"])


def test_forms_show_dates_and_numbers_as_text_inputs_the_vietnamese_way(client_of, users, board):
    client = client_of(users["specialist"])
    page = client.get("/projects/new/").content.decode()
    assert 'type="date"' not in page
    assert 'type="number"' not in page
    assert 'placeholder="dd/mm/yyyy"' in page
    assert 'inputmode="decimal"' in page
    assert "data-kcn-number" in page
    assert "kcn/inputs.js" in page
    for url in ("/projects/P-JP/labor/", "/zones/Z1/events/new/", "/targets/new/"):
        page = client.get(url).content.decode()
        assert 'type="number"' not in page, url
        assert "data-kcn-number" in page, url
    page = client.get("/dossiers/HS-0001/resolve/").content.decode()
    assert 'type="date"' not in page
    assert 'placeholder="dd/mm/yyyy"' in page


def test_a_refused_form_shows_the_numbers_again_as_typed(client_of, users, board):
    response = client_of(users["specialist"]).post(
        "/projects/new/", certificate(board, capital="25.000.000", date="99/99/2022")
    )
    page = response.content.decode()
    assert 'value="25.000.000"' in page
    assert 'value="99/99/2022"' in page


def test_the_enterprise_report_reads_figures_typed_the_vietnamese_way(
    client_of, users, board, monkeypatch
):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: d(2022, 4, 6))
    ProjectReport.objects.all().delete()
    url = f"/enterprise/reports/{board.mine.code}/2022-Q1/"
    client = client_of(users["enterprise"])
    page = client.get(url).content.decode()
    assert 'type="number"' not in page
    assert "data-kcn-number" in page
    response = client.post(url, {"revenue": "5.000.000,5", "employees": "1.200", "save": "1"})
    assert response.status_code == 302
    report = ProjectReport.objects.get()
    assert (report.revenue, report.employees) == (Decimal("5000000.5"), 1200)
    page = client.get(url).content.decode()
    assert 'value="5.000.000,5"' in page
    assert 'value="1.200"' in page


def test_the_number_script_is_served_from_this_server_and_writes_text_only():
    path = finders.find("kcn/inputs.js")
    assert path is not None
    script = Path(path).read_text(encoding="utf-8")
    assert "innerHTML" not in script
    assert "insertAdjacentHTML" not in script
    assert "textContent" in script


EDIT_FORMS = [
    "/investors/JP-0001/edit/",
    "/zones/Z1/edit/",
    "/projects/P-JP/edit/",
    "/dossiers/HS-0001/void/",
]


@pytest.mark.parametrize("url", [*FORMS, *EDIT_FORMS])
def test_no_form_leaves_dates_or_numbers_to_the_browsers_locale(client_of, users, board, url):
    page = client_of(users["leader"]).get(url).content.decode()
    assert 'type="date"' not in page
    assert 'type="number"' not in page
