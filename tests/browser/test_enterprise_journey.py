"""An enterprise reports to the board in Chromium; staff return the report, the enterprise
corrects it, staff accept it, and the dashboard's exports change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kcn.accounts.services import user_create_or_update
from kcn.investors.models import Investor
from tests import factories as f
from tests.browser.conftest import PASSWORD, at_both_widths, log_in

pytestmark = pytest.mark.slow
TODAY = dt.date(2022, 7, 5)  # 2022-Q2 is over; its reports are due on 10/07


@pytest.fixture
def reporting(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    f.rate(dt.date(2021, 1, 1), 23_000)
    f.project("P-JP", [(dt.date(2021, 3, 1), "issued", 10_000_000, "USD")])
    investor = Investor.objects.get(code="JP-0001")
    user_create_or_update(username="lan", role="leader", password=PASSWORD)
    user_create_or_update(username="sumi", role="enterprise", password=PASSWORD, investor=investor)


def switch_to(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, base, username)


def test_an_enterprise_report_is_returned_corrected_and_accepted(
    page: Page, live_server: Any, reporting: None, screenshot: Any
) -> None:
    base = live_server.url
    log_in(page, base, "sumi")
    expect(page).to_have_url(f"{base}/enterprise/")
    row = page.locator("tr", has_text="2022-Q2").filter(has_text="A.III.1")
    expect(row).to_contain_text("hạn còn 5 ngày")
    at_both_widths(page, screenshot, "enterprise-home")
    row.get_by_role("link", name="Lập báo cáo").click()
    page.get_by_label("Doanh thu thuần").fill("5000000000")
    page.get_by_label("Xuất khẩu (USD)").fill("4000000")
    page.get_by_label("Số lao động").fill("320")
    at_both_widths(page, screenshot, "enterprise-report-form")
    page.get_by_role("button", name="Gửi Ban Quản lý").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo")

    switch_to(page, base, "lan")
    page.goto(f"{base}/enterprise-reports/?period=2022-Q2")
    at_both_widths(page, screenshot, "enterprise-reports-inbox")
    page.get_by_role("link", name="Xem xét", exact=True).click()
    page.get_by_label("Lý do trả lại").fill("Doanh thu phải tính bằng USD theo GCNĐKĐT")
    page.get_by_role("button", name="Trả lại để chỉnh sửa").click()
    expect(page.locator(".messages")).to_contain_text("Đã trả lại báo cáo")

    switch_to(page, base, "sumi")
    expect(page.locator("main")).to_contain_text("Doanh thu phải tính bằng USD theo GCNĐKĐT")
    page.locator("tr", has_text="2022-Q2").get_by_role("link", name="Chỉnh sửa").click()
    page.get_by_label("Doanh thu thuần").fill("5000000")
    page.get_by_role("button", name="Gửi Ban Quản lý").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo")

    switch_to(page, base, "lan")
    page.goto(f"{base}/?period=2022-Q2")
    exports = page.locator(".card", has_text="Kim ngạch xuất khẩu").first
    expect(exports.locator(".figure")).to_have_text("0 USD")
    page.goto(f"{base}/enterprise-reports/?period=2022-Q2")
    page.get_by_role("link", name="Xem xét", exact=True).click()
    page.get_by_role("button", name="Chấp nhận").click()
    page.goto(f"{base}/?period=2022-Q2")
    expect(exports.locator(".figure")).to_have_text("4 triệu USD")
