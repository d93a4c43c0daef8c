"""The registers: lists with search, filters, sorting and pagination; detail pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kcn.accounts.models import User
from kcn.core.workdays import WorkingCalendar
from kcn.dossiers.models import Dossier
from kcn.dossiers.selectors import dossier_list
from kcn.reports.models import Priority
from tests import factories as f
from tests.web.conftest import Board

Browser = Callable[[User | None], Client]
d = dt.date


def test_the_zone_list_shows_each_zone_with_its_project_count(
    board: Board, vy: User, client_of: Browser
) -> None:
    f.zone("Z2", name="KCN Phố Nối A", province="Hưng Yên")
    page = client_of(vy).get("/zones/").content.decode()
    assert '<a href="/zones/Z1/">Z1</a>' in page
    assert '<a href="/projects/?zone=Z1">2</a>' in page
    assert "KCN Phố Nối A" in page


def test_the_zone_list_searches_and_filters_by_province(
    board: Board, vy: User, client_of: Browser
) -> None:
    f.zone("Z2", name="KCN Phố Nối A", province="Hưng Yên")
    found = client_of(vy).get("/zones/?q=phố nối").content.decode()
    assert "/zones/Z2/" in found
    assert "/zones/Z1/" not in found
    filtered = client_of(vy).get("/zones/?province=Hưng Yên").content.decode()
    assert "/zones/Z2/" in filtered
    assert "/zones/Z1/" not in filtered


def test_the_zone_page_shows_its_milestones(board: Board, vy: User, client_of: Browser) -> None:
    page = client_of(vy).get("/zones/Z1/").content.decode()
    assert "01/02/2022" in page
    assert "Infrastructure built: 29 ha" in page


def test_the_investor_list_and_page_show_their_projects(
    board: Board, vy: User, client_of: Browser
) -> None:
    listing = client_of(vy).get("/investors/?country=JP").content.decode()
    assert "/investors/JP-0001/" in listing
    assert "/investors/0100109106/" not in listing
    page = client_of(vy).get("/investors/JP-0001/").content.decode()
    assert "/projects/P-JP/" in page
    assert "/projects/P-VN/" not in page


def test_the_project_list_shows_status_today_and_filters_by_it(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/projects/").content.decode()
    assert '<span class="status operating">operating</span>' in page
    assert '<span class="status not_operating">valid, not yet operating</span>' in page
    operating = client_of(vy).get("/projects/?status=operating").content.decode()
    assert "/projects/P-JP/" in operating
    assert "/projects/P-VN/" not in operating


def test_the_project_list_filters_by_origin_and_searches_investors(
    board: Board, vy: User, client_of: Browser
) -> None:
    domestic = client_of(vy).get("/projects/?origin=domestic").content.decode()
    assert "/projects/P-VN/" in domestic
    assert "/projects/P-JP/" not in domestic
    searched = client_of(vy).get("/projects/?q=JP-0001").content.decode()
    assert "/projects/P-JP/" in searched
    assert "/projects/P-VN/" not in searched


def test_the_project_list_sorts_both_ways(board: Board, vy: User, client_of: Browser) -> None:
    ascending = client_of(vy).get("/projects/?sort=issued").content.decode()
    assert ascending.index("P-JP") < ascending.index("P-VN")
    descending = client_of(vy).get("/projects/?sort=-issued").content.decode()
    assert descending.index("P-VN") < descending.index("P-JP")
    assert 'aria-sort="descending"' in descending


def test_an_unknown_sort_key_falls_back_to_the_default(
    board: Board, vy: User, client_of: Browser
) -> None:
    assert client_of(vy).get("/projects/?sort=password").status_code == 200


def test_the_project_page_shows_the_ledger_as_a_timeline(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/projects/P-JP/").content.decode()
    issued = page.index("Certificate issued: 10,000,000 USD")
    operational = page.index("Entered operation")
    amended = page.index("Certificate amended: +2,500,000 USD")
    assert issued < operational < amended
    assert "12,500,000 USD" in page  # registered capital after the amendment
    assert "3,000" in page  # the labor report
    assert "/inspections/" in page


def test_an_enterprise_user_sees_only_its_projects_in_the_list(
    board: Board, minh: User, client_of: Browser
) -> None:
    page = client_of(minh).get("/projects/").content.decode()
    assert "/projects/P-JP/" in page
    assert "P-VN" not in page
    assert "/zones/Z1/" not in page  # no link into board-wide pages


def test_an_enterprise_user_sees_only_its_inspections(
    board: Board, minh: User, client_of: Browser
) -> None:
    page = client_of(minh).get("/inspections/").content.decode()
    assert f"/inspections/{board.my_inspection.pk}/" in page
    assert f"/inspections/{board.their_inspection.pk}/" not in page


def test_an_enterprise_project_page_hides_the_audit_trail(
    board: Board, minh: User, client_of: Browser
) -> None:
    assert "Changes" not in client_of(minh).get("/projects/P-JP/").content.decode()


def test_the_inspection_list_filters_violations(board: Board, vy: User, client_of: Browser) -> None:
    page = client_of(vy).get("/inspections/?violation=yes").content.decode()
    assert f"/inspections/{board.their_inspection.pk}/" in page
    assert f"/inspections/{board.my_inspection.pk}/" not in page


@pytest.fixture
def dossiers_on_10_march(db: None) -> None:
    """Dossiers seen on Thursday 10 March 2022; 2 working days later is Monday 14 March."""
    f.dossier("EARLY", d(2022, 2, 1), d(2022, 3, 2), d(2022, 3, 1))
    f.dossier("ON-TIME", d(2022, 2, 1), d(2022, 3, 2), d(2022, 3, 2))
    f.dossier("LATE", d(2022, 2, 1), d(2022, 3, 2), d(2022, 3, 4))
    f.dossier("OVERDUE", d(2022, 2, 1), d(2022, 3, 9))
    f.dossier("DUE-TODAY", d(2022, 2, 1), d(2022, 3, 10))
    f.dossier("DUE-MONDAY", d(2022, 2, 1), d(2022, 3, 14))
    f.dossier("DUE-TUESDAY", d(2022, 2, 1), d(2022, 3, 15))
    f.dossier("RESOLVED-LATER", d(2022, 3, 1), d(2022, 3, 25), d(2022, 3, 20))


def test_each_dossier_gets_its_due_status_on_the_working_day_calendar(
    dossiers_on_10_march: None,
) -> None:
    found = dossier_list(today=d(2022, 3, 10), calendar=WorkingCalendar())
    assert {dossier.code: dossier.due_status for dossier in found} == {
        "EARLY": "early",
        "ON-TIME": "on_time",
        "LATE": "late",
        "OVERDUE": "overdue",
        "DUE-TODAY": "due_soon",
        "DUE-MONDAY": "due_soon",
        "DUE-TUESDAY": "pending",
        "RESOLVED-LATER": "pending",
    }


def test_a_declared_day_off_moves_the_due_soon_window(dossiers_on_10_march: None) -> None:
    calendar = WorkingCalendar({d(2022, 3, 11): False})
    found = dossier_list(today=d(2022, 3, 10), calendar=calendar, status="due_soon")
    assert sorted(dossier.code for dossier in found) == ["DUE-MONDAY", "DUE-TODAY", "DUE-TUESDAY"]


def test_the_dossier_list_filters_by_due_status(
    dossiers_on_10_march: None, vy: User, client_of: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args: d(2022, 3, 10))
    page = client_of(vy).get("/dossiers/?status=overdue").content.decode()
    assert "/dossiers/OVERDUE/" in page
    assert "/dossiers/LATE/" not in page
    everything = client_of(vy).get("/dossiers/").content.decode()
    assert '<span class="status due_soon">due within 2 working days</span>' in everything


def test_the_dossier_page_says_how_late_it_was(
    dossiers_on_10_march: None, vy: User, client_of: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args: d(2022, 3, 10))
    page = client_of(vy).get("/dossiers/LATE/").content.decode()
    assert "resolved late" in page
    assert "2 working days past due" in page


def test_the_document_page_lists_the_child_plans(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get(f"/documents/{board.plan.pk}/").content.decode()
    assert "1 child plan" in page
    assert f"/documents/{board.child_plan.pk}/" in page
    child = client_of(vy).get(f"/documents/{board.child_plan.pk}/").content.decode()
    assert f"/documents/{board.plan.pk}/" in child


def test_the_document_list_shows_only_plans_when_asked(
    board: Board, vy: User, client_of: Browser
) -> None:
    f.document("12/CV-BQL", d(2022, 3, 1))
    page = client_of(vy).get("/documents/?plans=1").content.decode()
    assert "166/KH-BQL" in page
    assert "12/CV-BQL" not in page


def test_targets_narratives_and_priorities_are_listed(
    board: Board, vy: User, client_of: Browser
) -> None:
    targets = client_of(vy).get("/targets/?year=2022").content.decode()
    assert "Zone infrastructure built" in targets
    assert "120" in targets
    assert "/indicators/infrastructure_built_ha/?period=2022&amp;ytd=1" in targets
    narratives = client_of(vy).get("/narratives/?period=2022-Q1").content.decode()
    assert "Thu hút đầu tư tốt." in narratives
    priorities = client_of(vy).get("/priorities/").content.decode()
    assert "Đẩy nhanh giải phóng mặt bằng." in priorities


def _queries(client: Client, url: str) -> int:
    """Queries of one view of ``url``, figures computed afresh (not kept from before)."""
    caches["default"].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(start: int, count: int) -> None:
    for n in range(start, start + count):
        project = f.project(
            f"Q{n:03d}",
            [(d(2021, 1, 4), "issued", "1000000", "USD"), (d(2021, 6, 1), "operational")],
            zone_code=f"Z{n % 3}",
        )
        f.inspection(project, d(2022, 1, 5))
        f.labor(project, d(2021, 12, 31), 100)
        f.dossier(f"HS-Q{n:03d}", d(2022, 1, 4), d(2022, 1, 25))
        f.document(f"{n}/KH-BQL", d(2022, 1, 5))


@pytest.mark.parametrize(
    "url",
    [
        "/projects/",
        "/zones/",
        "/investors/",
        "/dossiers/",
        "/inspections/",
        "/documents/",
        "/indicators/workforce/?period=2022-Q1",
        "/?period=2022-Q1",
    ],
)
def test_a_list_takes_as_many_queries_for_40_records_as_for_3(
    url: str, lan: User, client_of: Browser
) -> None:
    client = client_of(lan)
    f.rate(d(2020, 1, 1), 23000)
    _grow(0, 3)
    few = _queries(client, url)
    _grow(3, 37)
    assert _queries(client, url) == few
    assert few <= 40


def test_the_project_page_takes_a_fixed_number_of_queries(
    board: Board, vy: User, client_of: Browser
) -> None:
    client = client_of(vy)
    few = _queries(client, "/projects/P-JP/")
    for n in range(10):
        f.labor(board.mine, d(2020, 1, 1) + dt.timedelta(days=n), 10)
        f.inspection(board.mine, d(2020, 2, 1) + dt.timedelta(days=n))
    assert _queries(client, "/projects/P-JP/") == few


def test_a_dossier_is_found_by_its_receipt_number(
    dossiers_on_10_march: None, vy: User, client_of: Browser
) -> None:
    assert Dossier.objects.filter(code="LATE").exists()
    assert client_of(vy).get("/dossiers/?q=late").content.decode().count("/dossiers/LATE/") == 1


@pytest.mark.parametrize(
    ("url", "first", "second"),
    [
        ("/documents/?sort=-children", "166/KH-BQL", "170/KH-BQL"),
        ("/documents/?sort=children", "170/KH-BQL", "166/KH-BQL"),
        ("/zones/?sort=-projects", "/zones/Z1/", "/zones/Z9/"),
        ("/investors/?sort=-projects", "/investors/JP-0001/", "/investors/KR-0001/"),
    ],
)
def test_a_list_sorts_by_a_count(
    url: str, first: str, second: str, board: Board, vy: User, client_of: Browser
) -> None:
    f.zone("Z9")
    f.investor("KR-0001", country="KR")
    page = client_of(vy).get(url).content.decode()
    assert page.index(first) < page.index(second)


def test_targets_and_priorities_sort_by_their_columns(
    board: Board, vy: User, client_of: Browser
) -> None:
    f.target(2021, "new_projects", 25)
    newest = client_of(vy).get("/targets/").content.decode()
    assert newest.index("infrastructure_built_ha") < newest.index("<small>new_projects")
    oldest = client_of(vy).get("/targets/?sort=year").content.decode()
    assert oldest.index("<small>new_projects") < oldest.index("infrastructure_built_ha")
    Priority.objects.create(period="2022-Q3", order=1, text="Rà soát các dự án chậm tiến độ.")
    by_period = client_of(vy).get("/priorities/?sort=period").content.decode()
    assert by_period.index("Đẩy nhanh") < by_period.index("Rà soát")
