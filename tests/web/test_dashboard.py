"""The dashboard of a period and the records behind each figure."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kcn.accounts.models import User
from kcn.core.periods import parse_period
from kcn.indicators.engine import compute_indicators
from kcn.indicators.selectors import default_period, monthly_charts
from kcn.projects import services
from kcn.web.templatetags.kcn import figure
from tests import factories as f
from tests.web.conftest import Board

Browser = Callable[[User | None], Client]
d = dt.date


def test_the_dashboard_shows_each_targeted_indicator_with_its_progress(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/?period=2022-Q1").content.decode()
    assert "Zone infrastructure built" in page
    assert '<a href="/indicators/infrastructure_built_ha/?period=2022-Q1">29 ha</a>' in page
    assert (
        '<a href="/indicators/infrastructure_built_ha/?period=2022-Q1&amp;ytd=1">29 ha</a>' in page
    )
    assert "120 ha" in page
    assert "24.2%" in page
    assert '<progress class="progress" max="100" value="24.2"' in page


def test_the_dashboard_shows_the_stock_figures_by_origin_with_links(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/?period=2022-Q1").content.decode()
    assert '<a href="/indicators/valid_projects/?period=2022-Q1">2</a>' in page
    assert '<a href="/indicators/operating_projects.foreign/?period=2022-Q1">1</a>' in page
    assert '<a href="/indicators/operating_projects.domestic/?period=2022-Q1">0</a>' in page
    assert '<a href="/indicators/workforce/?period=2022-Q1">3,000</a>' in page
    assert "/indicators/dossiers_pending/?period=2022-Q1" in page
    assert "/indicators/dossiers_overdue/?period=2022-Q1" in page


def test_the_dashboard_writes_numbers_the_vietnamese_way_by_default(board: Board, vy: User) -> None:
    client = Client()
    client.force_login(vy)
    page = client.get("/?period=2022-Q1").content.decode()
    assert '<html lang="vi">' in page
    assert "Tổng quan kỳ 2022-Q1" in page
    assert ">3.000</a>" in page
    assert "24,2%" in page


def test_the_english_switch_sets_the_language(board: Board, vy: User) -> None:
    client = Client()
    client.force_login(vy)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/zones/"})
    assert response["Location"] == "/zones/"
    assert '<html lang="en">' in client.get("/zones/").content.decode()


def test_the_period_picker_leads_to_the_period_code(vy: User, client_of: Browser) -> None:
    response = client_of(vy).get("/?year=2022&part=9M")
    assert response.status_code == 302
    assert response["Location"] == "/?period=2022-9M"
    assert client_of(vy).get("/?year=2022&part=")["Location"] == "/?period=2022"
    assert client_of(vy).get("/?year=2022&part=03")["Location"] == "/?period=2022-03"


def test_the_period_picker_offers_every_period_form(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/?period=2022-H1").content.decode()
    for value in ('value="H1" selected', 'value="Q4"', 'value="12"', 'value="9M"', 'value=""'):
        assert value in page


def test_a_period_that_is_not_a_code_gives_a_message_and_the_default_period(
    board: Board, vy: User, client_of: Browser
) -> None:
    response = client_of(vy).get("/?period=2022-Q7")
    assert response.status_code == 200
    assert "is not a period code" in response.content.decode()


def test_the_default_period_is_the_quarter_of_the_latest_record_when_today_has_none(
    board: Board,
) -> None:
    assert default_period(d(2026, 11, 27)).code == "2022-Q1"


def test_the_default_period_is_the_current_quarter_when_it_has_records(board: Board) -> None:
    f.dossier("HS-NOW", d(2026, 10, 5), d(2026, 10, 26))
    assert default_period(d(2026, 11, 27)).code == "2026-Q4"


def test_the_default_period_on_an_empty_database_is_the_current_quarter(db: None) -> None:
    assert default_period(d(2026, 2, 3)).code == "2026-Q1"


def test_the_charts_give_each_month_of_a_past_year_and_mark_the_period(board: Board) -> None:
    charts = monthly_charts(parse_period("2022-Q1"), d(2026, 11, 27))
    new_projects = next(chart for chart in charts if chart.indicator.code == "new_projects")
    assert len(new_projects.bars) == 12
    assert [bar.value for bar in new_projects.bars[:3]] == [1, 0, 0]
    assert [bar.in_period for bar in new_projects.bars] == [True] * 3 + [False] * 9
    later = monthly_charts(parse_period("2022-05"), d(2026, 11, 27))[0]
    assert [bar.in_period for bar in later.bars][3:6] == [False, True, False]


def test_each_bar_gives_the_engine_figure_of_its_month(board: Board) -> None:
    f.labor(board.theirs, d(2022, 2, 28), 120, new_jobs=120)
    for chart in monthly_charts(parse_period("2022-Q1"), d(2026, 11, 27)):
        for bar in chart.bars:
            code = chart.indicator.code
            engine = compute_indicators(bar.period, [code])[code].value
            assert bar.value == pytest.approx(engine or 0), (code, bar.period.code)


def test_the_charts_of_this_year_stop_at_this_month(board: Board) -> None:
    charts = monthly_charts(parse_period("2022-Q1"), d(2022, 5, 17))
    assert [bar.period.code for bar in charts[0].bars][-1] == "2022-05"
    current = monthly_charts(parse_period("2022-Q2"), d(2022, 5, 17))
    assert [bar.period.code for bar in current[0].bars][-1] == "2022-05"
    assert monthly_charts(parse_period("2023"), d(2022, 5, 17))[0].bars == []


def test_each_bar_of_a_chart_links_to_its_month(board: Board, vy: User, client_of: Browser) -> None:
    page = client_of(vy).get("/?period=2022-Q1").content.decode()
    assert "<svg" in page
    assert 'href="/indicators/new_projects/?period=2022-01"' in page


def test_a_vnd_amount_without_a_rate_gives_a_message_not_an_error_page(
    vy: User, client_of: Browser
) -> None:
    f.project("P-OLD", [(d(2019, 5, 2), "issued", "1000000000", "VND")], origin="domestic")
    response = client_of(vy).get("/?period=2019")
    assert response.status_code == 200
    assert "P-OLD" in response.content.decode()


def test_the_records_behind_a_figure_are_listed_with_links(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/indicators/new_projects/?period=2022-Q1").content.decode()
    assert "<strong>1</strong>" in page
    assert '<a href="/projects/P-VN/">P-VN</a>' in page
    assert "domestic (DDI)" in page
    assert "345,000,000,000" in page
    assert "P-JP" not in page


def test_the_year_to_date_records_start_on_1_january(
    board: Board, vy: User, client_of: Browser
) -> None:
    url = "/indicators/increased_projects/?period=2022-03"
    page = client_of(vy).get(f"{url}&ytd=1").content.decode()
    assert "P-JP" in page
    assert "01/01/2022" in page
    month = client_of(vy).get(url).content.decode()
    assert "P-JP" not in month


def test_the_filter_box_narrows_the_records(board: Board, vy: User, client_of: Browser) -> None:
    url = "/indicators/valid_projects/?period=2022-Q1"
    assert "P-JP" in client_of(vy).get(f"{url}&q=jp").content.decode()
    narrowed = client_of(vy).get(f"{url}&q=P-VN").content.decode()
    assert "P-JP" not in narrowed
    assert "P-VN" in narrowed


def test_the_records_are_paginated(vy: User, client_of: Browser) -> None:
    for n in range(1, 61):
        f.dossier(f"HS-{n:03d}", d(2022, 2, 1), d(2022, 2, 22), d(2022, 2, 10))
    first = client_of(vy).get("/indicators/dossiers_received/?period=2022-Q1").content.decode()
    assert "HS-050" in first
    assert "HS-051" not in first
    assert "1–50 of 60" in first
    second = client_of(vy).get("/indicators/dossiers_received/?period=2022-Q1&page=2")
    assert "HS-060" in second.content.decode()


def test_the_records_download_as_an_excel_workbook(
    board: Board, vy: User, client_of: Browser
) -> None:
    response = client_of(vy).get("/indicators/valid_projects/?period=2022-Q1&format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "valid_projects-2022-Q1.xlsx" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["Valid projects"]
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Valid projects: the records behind the figure"
    assert rows[1][0] == "Period: Q1 2022 (as of 31/03/2022)"
    assert rows[3] == ("Project code", "Project", "Origin", "Zone")
    assert sorted(row[0] for row in rows[4:]) == ["P-JP", "P-VN"]
    assert ("P-VN", "Project P-VN", "domestic (DDI)", "Z1") in rows


def test_the_downloaded_workbook_formats_money_and_adds_it_up(
    board: Board, vy: User, client_of: Browser
) -> None:
    f.project("P-NEW", [(dt.date(2022, 3, 1), "issued", "1234567.5", "USD")])
    vietnamese = Client(HTTP_ACCEPT_LANGUAGE="vi")
    vietnamese.force_login(vy)
    response = vietnamese.get("/indicators/new_capital_usd/?period=2022-Q1&format=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[3]
    assert headers[0] == "Mã số dự án"  # Vietnamese, capitalised
    assert rows[1][0] == "Kỳ báo cáo: Quý I năm 2022 (01/01/2022–31/03/2022)"
    usd = headers.index(next(h for h in headers if h and "USD" in h and "VND" not in h))
    capital = headers.index(next(h for h in headers if h and h.startswith("Vốn")))
    data = [row for row in sheet.iter_rows(min_row=5) if row[0].value not in (None, "Tổng cộng")]
    assert data
    for row in data:
        assert row[usd].number_format == "#,##0.00"
        currency = row[headers.index("Loại tiền")].value
        assert row[capital].number_format == ("#,##0" if currency == "VND" else "#,##0.00")
    total = next(row for row in sheet.iter_rows(min_row=5) if row[0].value == "Tổng cộng")
    assert total[usd].value.startswith("=SUM(")
    assert total[usd].number_format == "#,##0.00"


def test_the_downloaded_workbook_keeps_the_filter(
    board: Board, vy: User, client_of: Browser
) -> None:
    response = client_of(vy).get("/indicators/valid_projects/?period=2022-Q1&q=P-VN&format=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
    assert [row[0] for row in book.active.iter_rows(min_row=5, values_only=True)] == ["P-VN"]


def test_an_unknown_indicator_is_not_found(vy: User, client_of: Browser) -> None:
    assert client_of(vy).get("/indicators/nothing/?period=2022").status_code == 404


def test_the_dashboard_takes_an_explicit_range_of_dates(
    board: Board, vy: User, client_of: Browser
) -> None:
    page = client_of(vy).get("/?period=2022-01-10..2022-02-20").content.decode()
    assert "Dashboard 2022-01-10..2022-02-20" in page
    assert "/indicators/valid_projects/?period=2022-01-10..2022-02-20" in page


def test_the_dashboard_page_kept_under_the_version_shows_a_write_at_once(
    db: None, client_of: Browser, vy: User
) -> None:
    browser = client_of(vy)
    card = '<a href="/indicators/valid_projects/?period=2022-Q1">'
    assert card + "0</a>" in browser.get("/?period=2022-Q1").content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = browser.get("/?period=2022-Q1").content.decode()
    assert card + "0</a>" in again
    # The session, the user, the picker's first and last years, the data version: no figure
    # is computed again.
    assert len(queries) == 5, [query["sql"][:60] for query in queries]
    services.project_register(
        code="P1",
        name="Nhà máy A",
        zone=f.zone("Z1"),
        investor=f.investor("JP-0001"),
        origin="foreign",
        date=d(2022, 1, 10),
        capital=1_000_000,
        currency="USD",
    )
    assert card + "1</a>" in browser.get("/?period=2022-Q1").content.decode()


def test_an_amount_of_nothing_reads_zero_in_its_currency_not_zero_million() -> None:
    assert figure(0, "USD") == "0 USD"
    assert figure(Decimal("0.00"), "VND") == "0 VND"
    assert figure(None, "USD") == "–"
    assert figure(1_500_000, "USD") == "1.5 million USD"
