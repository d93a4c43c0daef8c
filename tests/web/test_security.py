"""Text is data, never markup: every page, the report's HTML and Markdown, the CSP.

The browser proves the same in Chromium (tests/browser/test_hostile_text.py);
these tests read the responses themselves, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

import kcn
from kcn.accounts.models import User
from tests.web.hostile import ENTERPRISE_USER, PAYLOAD, SHORT_PAYLOAD, import_hostile_board
from tests.web.pages import POST_ONLY, enterprise_page_urls, page_urls, route_names

TEMPLATES = sorted(Path(kcn.__file__).parent.glob("**/templates/**/*.html"))


@pytest.fixture
def hostile(db: None, tmp_path: Path) -> None:
    import_hostile_board(tmp_path)


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {words[0]: words[1:] for words in directives}


def test_every_page_of_the_app_has_an_address_in_these_tests(hostile: None, lan: User) -> None:
    assert set(page_urls(lan)) | set(enterprise_page_urls()) == set(route_names()) - POST_ONLY


def every_page(lan: User) -> list[tuple[User, str, str]]:
    """(who opens it, route name, address) of every page: board pages as the leader, the
    enterprise's own pages as the hostile board's enterprise user."""
    enterprise = User.objects.get(username=ENTERPRISE_USER)
    return [
        *((lan, name, url) for name, url in page_urls(lan).items()),
        *((enterprise, name, url) for name, url in enterprise_page_urls().items()),
    ]


def test_every_page_forbids_scripts_from_anywhere_but_the_app_and_inline(
    hostile: None, lan: User, client_of: Callable[[User | None], Client]
) -> None:
    for user, name, url in every_page(lan):
        response = client_of(user).get(url)
        assert response.status_code == 200, name
        directives = policy(response)
        if name == "report_preview":
            continue  # its own, stricter policy: below
        assert directives["script-src"] == ["'self'"], name
        assert directives["style-src"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["frame-ancestors"] == ["'none'"], name


def test_the_report_preview_may_run_no_script_at_all(
    hostile: None, lan: User, client_of: Callable[[User | None], Client]
) -> None:
    response = client_of(lan).get("/reports/2022-Q1/preview/?live=1")
    directives = policy(response)
    assert directives["default-src"] == ["'none'"]
    assert "script-src" not in directives
    assert directives["img-src"] == ["data:"]


def test_no_page_carries_a_hostile_text_as_markup(
    hostile: None, lan: User, client_of: Callable[[User | None], Client]
) -> None:
    shown = 0
    for user, name, url in every_page(lan):
        response = client_of(user).get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        page = response.content.decode()
        assert "<img src=x" not in page, name
        assert "<script>window" not in page, name
        assert "<b>bold</b>" not in page, name
        shown += "&lt;img src=x onerror=" in page
    assert shown >= 15  # the payload is shown, as text, on most pages


def test_the_markdown_report_keeps_hostile_text_literal(
    hostile: None, lan: User, client_of: Callable[[User | None], Client]
) -> None:
    response = client_of(lan).get("/reports/2022-Q1/download/md/?live=1")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        markdown = archive.read("report-2022-Q1.md").decode()
    assert not re.search(r"(?<!\\)[<&]", markdown), "HTML or an entity, unescaped"
    assert r"\<script\>window.\_\_xss=1\</script\>" in markdown
    assert r'\<img src=x onerror="window.\_\_xss=1"\>' in markdown


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_template_has_an_inline_script_handler_or_style(template: Path) -> None:
    text = template.read_text()
    if template.name == "report.html":  # the stand-alone report: its own policy, no script
        assert "<script" not in text
        return
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", text), "event handler attribute"
    assert not re.search(r"\sstyle\s*=", text), "inline style"
    assert "|safe" not in text
    assert "autoescape off" not in text


def test_the_payloads_fit_their_columns() -> None:
    assert len(SHORT_PAYLOAD) <= 64
    assert len(PAYLOAD) + 3 <= 255
