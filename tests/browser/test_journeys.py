"""What a person does in the web application, in Chromium, on the Hưng Yên demo data."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("demo")]


def test_a_leader_follows_the_420_operating_projects_to_their_records(
    page: Page, live_server, screenshot
):
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/?period=2022-Q1")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2022-Q1")
    operating = page.locator(".card", has_text="Số dự án đang hoạt động").first
    expect(operating.locator(".figure")).to_have_text("420")
    expect(operating.locator(".split")).to_contain_text("240")
    expect(operating.locator(".split")).to_contain_text("180")
    screenshot(page, "dashboard-2022-Q1")

    operating.locator(".figure a").click()
    expect(page).to_have_url(re.compile(r"/indicators/operating_projects/\?period=2022-Q1"))
    expect(page.locator("main")).to_contain_text("420")
    screenshot(page, "records-operating-projects")


def test_a_leader_reads_and_downloads_the_quarter_report(
    page: Page, live_server, screenshot, worker
):
    """The Word file is made by a job: its page reloads itself until the file is ready."""
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/reports/?period=2022-Q1")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2022-Q1")
    screenshot(page, "reports-2022-Q1")
    page.get_by_role("button", name="Word (.docx)").click()
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}/$"))
    link = page.get_by_role("link", name=re.compile(r"Tải về bao-cao-2022-Q1\.docx"))
    expect(link).to_be_visible(timeout=30_000)
    screenshot(page, "report-job-done")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "bao-cao-2022-Q1.docx"
    content = download.value.path().read_bytes()
    text = " ".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "là 420 dự án (gồm 240 dự án có vốn đầu tư nước ngoài" in text


def test_a_viewer_reads_the_report_but_is_refused_an_edit(page: Page, live_server):
    log_in(page, live_server.url, "vy")
    page.goto(f"{live_server.url}/reports/?period=2022-Q1")
    expect(page.get_by_label("Về thu hút đầu tư")).to_be_disabled()
    expect(page.get_by_role("button", name="Lưu nội dung")).to_have_count(0)
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    response = page.request.post(
        f"{live_server.url}/reports/2022-Q1/texts/",
        form={"csrfmiddlewaretoken": token, "section_health": "x", "fingerprint": "x"},
        headers={"Referer": f"{live_server.url}/reports/"},
    )
    assert response.status == 403


def test_a_specialist_uploads_a_bad_workbook_and_reads_its_problems(
    page: Page, live_server, tmp_path, screenshot, worker
):
    """The upload goes to its job's page, which reloads itself until the worker has run it."""
    from kcn.accounts.services import user_create_or_update
    from kcn.exchange.exporter import write_rows_workbook
    from tests.browser.conftest import PASSWORD
    from tests.exchange.samples import with_row

    user_create_or_update(username="son", role="specialist", password=PASSWORD)
    bad = tmp_path / "ho-so-loi.xlsx"
    write_rows_workbook(bad, with_row("projects", 0, origin="martian"), english_keys=True)
    log_in(page, live_server.url, "son")
    page.get_by_role("link", name="Nhập, xuất dữ liệu").click()
    page.get_by_label("Tệp trao đổi dữ liệu (.xlsx)").set_input_files(str(bad))
    page.get_by_role("button", name="Nhập dữ liệu").click()
    expect(page.locator("#result-heading")).to_contain_text("chưa nhập dữ liệu nào", timeout=30_000)
    expect(page.locator("#state-heading")).to_have_text("Không thành công")
    expect(page.locator("table.problems tbody tr").first).to_contain_text("projects")
    screenshot(page, "import-problems")


def test_the_map_draws_the_province_and_every_zone_without_a_tile_server(
    page: Page, live_server, screenshot
):
    from pathlib import Path

    from kcn.board.services import board_profile_update
    from kcn.zones.models import Zone
    from kcn.zones.rules import outline_from_geojson

    outline = Path(__file__).resolve().parents[2] / "src/kcn/demo/hung-yen-outline.geojson"
    board_profile_update(outline=outline_from_geojson(outline.read_text()))
    zones = Zone.objects.exclude(geometry=None).count()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/map/")
    expect(page.locator(".leaflet-overlay-pane path")).to_have_count(zones + 1)
    screenshot(page, "map")
    page.locator(".leaflet-overlay-pane path.leaflet-interactive").first.click(force=True)
    expect(page.locator(".leaflet-popup-content a")).to_have_count(1)
    assert all(url.startswith(live_server.url) for url in requests)


def test_a_leader_issues_a_certificate_and_the_figures_change(page: Page, live_server, screenshot):
    from kcn.investors.models import Investor

    investor = Investor.objects.filter(country="VN").order_by("code").first()
    assert investor is not None
    log_in(page, live_server.url, "lan")
    page.goto(f"{live_server.url}/?period=2022-Q1")
    valid = page.locator(".card", has_text="Số dự án còn hiệu lực").first.locator(".figure")
    expect(valid).to_have_text("486")

    page.goto(f"{live_server.url}/projects/")
    page.get_by_role("link", name="Cấp Giấy chứng nhận đăng ký đầu tư").click()
    page.get_by_label("Mã số dự án").fill("P-BROWSER")
    page.get_by_label("Tên:", exact=True).fill("Nhà máy bao bì thử nghiệm")
    page.get_by_label("Khu công nghiệp").select_option(label="KCN Phố Nối A")
    page.get_by_label("Mã nhà đầu tư").fill(investor.code)
    page.get_by_label("Nguồn vốn").select_option("domestic")
    page.get_by_label("Ngày cấp").fill("2022-03-30")
    page.get_by_label("Vốn đăng ký").fill("50000000000")
    page.get_by_label("Loại tiền").select_option("VND")
    screenshot(page, "certificate-form")
    page.get_by_role("button", name="Cấp", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nhà máy bao bì thử nghiệm")

    page.goto(f"{live_server.url}/?period=2022-Q1")
    expect(valid).to_have_text("487")
