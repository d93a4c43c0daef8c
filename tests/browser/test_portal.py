"""The public portal in Chromium, on the Hưng Yên demo as ``make demo`` leaves it: a reader
finds the quarter's report; a comment is moderated, then shows; an investor finds a zone with
land. Screenshots at 1280 and 390 pixels wide (``make screenshots``: docs/screenshots/)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import kcn
from kcn.board.services import board_profile_update
from kcn.demo.portal import load_demo_portal
from kcn.zones.rules import outline_from_geojson
from tests import factories as f
from tests.browser.conftest import at_both_widths, log_in

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("portal_demo")]

OUTLINE = Path(kcn.__file__).parent / "demo" / "hung-yen-outline.geojson"


@pytest.fixture
def portal_demo(demo: None) -> None:
    """The demo as ``make demo`` leaves it: the board's profile, 2022-Q1 published, the
    portal's news and settings."""
    board_profile_update(
        province="Hưng Yên", outline=outline_from_geojson(OUTLINE.read_text(encoding="utf-8"))
    )
    f.published_report("2022-Q1", number="45", issued_on=dt.date(2022, 3, 28))
    load_demo_portal()


def test_a_reader_finds_the_quarter_report_and_downloads_it(
    page: Page, live_server: Any, screenshot: Any
) -> None:
    page.goto(f"{live_server.url}/portal/")
    expect(page.locator("footer")).to_contain_text("người đang online")
    at_both_widths(page, screenshot, "portal-home")

    page.get_by_role("link", name=re.compile("quý I năm 2022")).first.click()
    expect(page).to_have_url(re.compile(r"/portal/bao-cao/2022-Q1/$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Tình hình thực hiện nhiệm vụ quý I năm 2022")
    expect(page.locator("article .meta")).to_contain_text("Đăng ngày 28 - 03 - 2022")
    expect(page.locator("article")).to_contain_text("là 420 dự án (gồm 240 dự án")
    expect(page.get_by_role("heading", name="Ý kiến bạn đọc")).to_be_visible()
    expect(page.get_by_role("heading", name="Tin mới nhất")).to_be_visible()
    chart = page.locator("figure.chart img").first
    expect(chart).to_have_attribute("alt", re.compile("24%"))
    assert page.evaluate("(img) => img.naturalWidth", chart.element_handle()) > 0
    at_both_widths(page, screenshot, "portal-report")

    with page.expect_download() as download:
        page.get_by_role("link", name="Word (.docx)").click()
    assert download.value.suggested_filename == "bao-cao-2022-Q1.docx"

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("article .meta")).to_contain_text("Posted on 28 - 03 - 2022")


def test_a_readers_comment_is_held_approved_by_staff_then_shown(
    page: Page, browser: Browser, live_server: Any
) -> None:
    page.goto(f"{live_server.url}/portal/bao-cao/2022-Q1/")
    page.get_by_label("Họ và tên").fill("Lê Văn Cường")
    page.get_by_label("Thư điện tử").fill("cuong@example.com")
    page.get_by_label("Nội dung ý kiến").fill("Đề nghị công bố thêm số liệu theo từng KCN.")
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Cảm ơn bạn")).to_be_visible()
    comments = page.locator("#y-kien .comment-list")
    expect(comments).not_to_contain_text("Đề nghị công bố thêm")

    staff_context = browser.new_context(locale="vi-VN")  # a second browser: the staff's
    staff = staff_context.new_page()
    log_in(staff, live_server.url, "lan")
    staff.get_by_role("link", name="Cổng thông tin").click()
    staff.get_by_role("link", name=re.compile("Ý kiến bạn đọc")).first.click()
    card = staff.locator("ol.moderation li", has_text="Đề nghị công bố thêm")
    expect(card).to_contain_text("cuong@example.com")
    card.get_by_role("button", name="Phê duyệt").click()
    expect(staff.locator(".messages")).to_contain_text("Đã duyệt")
    staff_context.close()

    page.reload()
    expect(comments).to_contain_text("Đề nghị công bố thêm số liệu theo từng KCN.")
    expect(comments).to_contain_text("Lê Văn Cường")
    expect(page.locator("main")).not_to_contain_text("cuong@example.com")


def test_an_investor_finds_a_zone_with_land_and_its_contact(
    page: Page, browser: Browser, live_server: Any, screenshot: Any
) -> None:
    page.goto(f"{live_server.url}/portal/")
    page.get_by_role("link", name="Các khu công nghiệp còn đất cho thuê").click()
    expect(page).to_have_url(re.compile(r"/portal/khu-cong-nghiep/\?con-dat=1$"))
    table = page.locator("table.zones")
    row = table.locator("tbody tr", has_text="KCN Yên Mỹ II")
    expect(row).to_contain_text("224")  # industrial land, ha
    expect(row).to_contain_text("60,5")  # still available, ha
    expect(page.locator(".leaflet-interactive").first).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/portal/khu-cong-nghiep/")
    at_both_widths(page, screenshot, "portal-zones")

    page.get_by_role("link", name="KCN Yên Mỹ II").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("KCN Yên Mỹ II")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("Tỷ lệ lấp đầy")
    expect(facts).to_contain_text("73%")
    expect(facts).to_contain_text("0221 3 111 222")
    expect(page.locator(".leaflet-interactive").first).to_be_visible()
    at_both_widths(page, screenshot, "portal-zone")

    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    without_js = context.new_page()
    without_js.goto(f"{live_server.url}/portal/khu-cong-nghiep/?con-dat=1")
    expect(without_js.locator("table.zones")).to_contain_text("KCN Yên Mỹ II")
    expect(without_js.locator(".leaflet-interactive")).to_have_count(0)
    context.close()
