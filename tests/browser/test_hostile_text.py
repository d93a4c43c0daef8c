"""Stored attacks never run: every page opened in Chromium over a board whose every text is
a script, the map's tooltips and popups opened too.

A leader opens each page. The payload would set ``window.__xss`` or add an
``<img src="x">`` if any page (or Leaflet) inserted it as markup; a blocked
attempt would show as a Content-Security-Policy violation. None may happen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Dialog, Page, expect

from kcn.accounts.models import User
from kcn.accounts.services import user_create_or_update
from tests.browser.conftest import PASSWORD, log_in
from tests.web.hostile import ENTERPRISE_USER, import_hostile_board
from tests.web.pages import enterprise_page_urls, page_urls

pytestmark = pytest.mark.slow

# Files, not pages.
DOWNLOADS = {
    "report_download",
    "report_form",
    "exchange_export",
    "job_file",
    "portal_report_file",
    "portal_report_chart",
    "portal_picture",
    "news_picture",
    "portal_data_json",
    "portal_data_csv",
    "portal_data_catalogue",
    "portal_feed",
    "enterprise_workbook",
}

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def hostile_board(transactional_db: None, tmp_path: Path) -> User:
    import_hostile_board(tmp_path, password=PASSWORD)
    leader, _created = user_create_or_update(username="lan", role="leader", password=PASSWORD)
    return leader


def assert_nothing_ran(page: Page, name: str) -> None:
    assert page.evaluate("window.__xss") is None, name
    assert page.locator('img[src="x"]').count() == 0, name
    assert page.locator("b", has_text="bold").count() == 0, name
    assert page.evaluate("window.__violations") == [], name


def test_no_stored_text_runs_as_a_script_on_any_page(
    page: Page, live_server: Any, hostile_board: User
) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(WATCH)
    log_in(page, live_server.url, "lan")
    opened = 0
    for name, url in page_urls(hostile_board).items():
        if name in DOWNLOADS:
            continue
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None, name
        assert response.ok, name
        assert_nothing_ran(page, name)
        opened += 1
    page.context.clear_cookies()
    log_in(page, live_server.url, ENTERPRISE_USER)
    for name, url in enterprise_page_urls().items():
        if name in DOWNLOADS:
            continue
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None, name
        assert response.ok, name
        assert_nothing_ran(page, name)
        opened += 1
    assert opened >= 55
    assert dialogs == []


def test_the_map_shows_a_hostile_zone_name_as_text_in_its_tooltip_and_popup(
    page: Page, live_server: Any, hostile_board: User
) -> None:
    page.add_init_script(WATCH)
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/map/")
    zone = page.locator("path.leaflet-interactive").first
    zone.hover()
    tooltip = page.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text('<img src=x onerror="window.__xss=1">')
    zone.click()
    popup = page.locator(".leaflet-popup-content a")
    expect(popup).to_contain_text("<script>window.__xss=1</script>")
    assert_nothing_ran(page, "map")
