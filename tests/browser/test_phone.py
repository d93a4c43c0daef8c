"""On a phone (390 px wide) no page scrolls sideways, and the menu folds into a button.

Every page of ``tests/web/pages.py`` is opened at 390 px, over the hostile board
(its long texts are the worst case), by a leader and by an enterprise user;
downloads are skipped as the hostile-text walk skips them. A page whose
document is wider than the screen is named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from kcn.accounts.models import User
from kcn.accounts.services import user_create_or_update
from tests.browser.conftest import PASSWORD, log_in
from tests.browser.test_hostile_text import DOWNLOADS
from tests.web.hostile import ENTERPRISE_USER, import_hostile_board
from tests.web.pages import enterprise_page_urls, page_urls

pytestmark = pytest.mark.slow

WIDTH = 390
PHONE: ViewportSize = {"width": WIDTH, "height": 844}


@pytest.fixture
def hostile_board(transactional_db: None, tmp_path: Path) -> User:
    import_hostile_board(tmp_path, password=PASSWORD)
    leader, _created = user_create_or_update(username="lan", role="leader", password=PASSWORD)
    return leader


# The first elements past the screen's right edge that no scrolling frame holds: what to fix.
CULPRITS = """() => {
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.right <= window.innerWidth + 1 || element.offsetParent === null) continue;
    let framed = false;
    for (let up = element.parentElement; up; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === "auto" || overflow === "scroll") { framed = true; break; }
    }
    const name = `${element.tagName.toLowerCase()}.${element.className}`;
    if (!framed) found.push(`${name} → ${Math.round(box.right)} px`);
  }
  return found.slice(0, 3).join("; ");
}"""


def too_wide(page: Page, base_url: str, pages: dict[str, str]) -> dict[str, str]:
    wide: dict[str, str] = {}
    for name, url in pages.items():
        if name in DOWNLOADS:
            continue
        response = page.goto(f"{base_url}{url}")
        assert response is not None, name
        assert response.ok, name
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            wide[name] = f"{width} px: {page.evaluate(CULPRITS)}"
    return wide


def test_no_page_scrolls_sideways_at_390_pixels(
    page: Page, live_server: Any, hostile_board: User
) -> None:
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "lan")
    staff = page_urls(hostile_board)
    wide = too_wide(page, live_server.url, staff)
    page.context.clear_cookies()
    log_in(page, live_server.url, ENTERPRISE_USER)
    wide.update(too_wide(page, live_server.url, enterprise_page_urls()))
    # {page: its width and what sticks out}: empty when every page fits.
    assert wide == {}, wide
    assert len(staff) >= 60


def test_the_menu_folds_into_a_button_on_a_phone(
    page: Page, live_server: Any, hostile_board: User
) -> None:
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/projects/")
    menu = page.get_by_role("navigation", name="Menu chính")
    projects = menu.get_by_role("link", name="Dự án", exact=True)
    expect(projects).to_be_visible()  # wide: the menu is open, no button
    expect(page.locator("header.top summary")).to_be_hidden()
    page.set_viewport_size(PHONE)
    page.reload()
    expect(projects).to_be_hidden()
    button = page.locator("header.top summary")
    expect(button).to_be_visible()
    button.click()
    expect(projects).to_be_visible()
    projects.click()
    expect(page).to_have_url(f"{live_server.url}/projects/")


def test_filters_stack_on_a_phone(page: Page, live_server: Any, hostile_board: User) -> None:
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/projects/")
    fields = page.locator("form.filters > :not([type=hidden])")
    assert fields.count() >= 2
    boxes = [fields.nth(i).bounding_box() for i in range(fields.count())]
    lefts = {round(box["x"]) for box in boxes if box is not None}
    assert len(lefts) == 1, lefts  # one above the other, all from the same left edge
    for box in boxes:
        assert box is not None
        assert box["x"] + box["width"] <= WIDTH
