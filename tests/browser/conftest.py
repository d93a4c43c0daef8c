"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Never ``playwright install``: the browser is the distribution's
(``/usr/bin/chromium``, installed by ``make test``). The demo data is imported
by each test and committed (``live_server`` serves from another thread, which
sees only committed data).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kcn.accounts.services import user_create_or_update
from kcn.demo.generator import generate
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "kcn-browser-test"

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls from a thread with a running loop unless told that this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium missing")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "vi-VN", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def demo(transactional_db: None, tmp_path: Path) -> None:
    """The Hưng Yên demo, a leader (Lan) and a viewer (Vy), committed for the live server.

    ``transactional_db`` empties the database after each test, so each test
    imports the demo again (about two seconds).
    """
    path = tmp_path / "demo.xlsx"
    write_rows_workbook(path, generate())
    assert workbook_import(path).ok
    user_create_or_update(username="lan", role="leader", password=PASSWORD)
    user_create_or_update(username="vy", role="viewer", password=PASSWORD)


def log_in(page: Any, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def screenshot(tmp_path: Path) -> Any:
    """Save a full-page screenshot; into ``KCN_SCREENSHOTS`` (e.g. docs/screenshots) if set."""
    folder = Path(os.environ.get("KCN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def at_both_widths(page: Any, screenshot: Any, name: str) -> None:
    """Screenshots at 1280 and 390 pixels; at 390 the page never scrolls sideways."""
    small(screenshot(page, f"{name}-1280"))
    page.set_viewport_size({"width": 390, "height": 844})
    small(screenshot(page, f"{name}-390"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    page.set_viewport_size({"width": 1280, "height": 900})


def small(path: Path) -> None:
    """A full page is long: 256 colours keep it readable at a quarter of the size."""
    with Image.open(path) as image:
        quantized = image.convert("RGB").quantize(colors=256)
    quantized.save(path, optimize=True)
