"""Numbers and dates typed the Vietnamese way in an en-US browser (issue 12, item 3): where a
number input would read "25.000.000" as 25, the certificate form shows the amount as understood
before saving and the server records 25,000,000."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Browser, expect

from kcn.projects.models import Project, ProjectEvent
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("demo")]


def test_an_en_us_browser_types_25_000_000_and_5_2_the_vietnamese_way(
    browser: Browser, live_server
):
    known = Project.objects.select_related("investor", "zone").order_by("code").first()
    assert known is not None
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/accounts/login/")
        page.locator("#id_username").fill("lan")
        page.locator("#id_password").fill(PASSWORD)
        page.locator("#id_password").press("Enter")
        page.goto(f"{live_server.url}/projects/new/")
        assert page.evaluate("navigator.language") == "en-US"

        page.locator("#id_code").fill("P-VN-TYPED")
        page.locator("#id_name").fill("Nhà máy thử nhập số")
        page.locator("#id_zone").select_option(str(known.zone.pk))
        # The investor is found by a part of its name: the list under the field fills in.
        investor = page.locator("#id_investor_code")
        brand = known.investor.name.removesuffix(" Việt Nam").split()[-2:]  # "Minh Phát"
        investor.press_sequentially(" ".join(brand), delay=30)
        expect(
            page.locator(f'#id_investor_code_choices option[value="{known.investor.code}"]')
        ).to_have_count(1)
        investor.fill(known.investor.code)
        page.locator("#id_origin").select_option(known.origin)
        page.locator("#id_land_ha").fill("5,2")
        page.locator("#id_date").fill("15/03/2022")
        capital = page.locator("#id_capital")
        capital.fill("25.000.000")
        expect(page.locator("#id_capital_understood")).to_have_text(
            "Understood as: 25.000.000 (25 million)"
        )
        expect(page.locator("#id_land_ha_understood")).to_have_text("Understood as: 5,2")
        capital.fill("25,000.5")
        expect(page.locator("#id_capital_understood")).to_contain_text("Not a number")
        capital.fill("25.000.000")
        currency = "VND" if known.origin == "domestic" else "USD"
        page.locator("#id_currency").select_option(currency)
        page.locator("main form button[type=submit]").click()

        expect(page).to_have_url(f"{live_server.url}/projects/P-VN-TYPED/")
        project = Project.objects.get(code="P-VN-TYPED")
        assert project.land_ha == Decimal("5.2")
        issued = ProjectEvent.objects.get(project=project, event="issued")
        assert issued.capital == Decimal("25000000")
        assert issued.date.isoformat() == "2022-03-15"
    finally:
        context.close()
