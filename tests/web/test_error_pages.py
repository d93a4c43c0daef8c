"""Error pages look like the app, in Vietnamese (English beside it); the icon; no internal
field shows.

403 and 404 carry the menu of the signed-in user. 500 and the CSRF failure
are drawn from a minimal base that needs neither the user nor the database.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.csrf import csrf_failure
from django.views.defaults import server_error

from kcn.accounts.models import User
from tests.web.hostile import ENTERPRISE_USER, import_hostile_board
from tests.web.pages import enterprise_page_urls, page_urls

ICON = re.compile(r'<link rel="icon" href="/static/kcn/favicon\.svg" type="image/svg\+xml">')


def vietnamese(user: User | None = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    if user is not None:
        client.force_login(user)
    return client


def test_a_missing_page_is_styled_with_the_menu_in_vietnamese_and_english(vy: User) -> None:
    response = vietnamese(vy).get("/projects/NO-SUCH-PROJECT/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Không tìm thấy trang</h1>" in page
    assert '<p lang="en" class="muted"><strong>Page not found.</strong>' in page
    assert 'aria-label="Menu chính"' in page
    assert 'href="/projects/"' in page  # the menu's links
    assert ICON.search(page)
    assert '<link rel="stylesheet" href="/static/kcn/kcn.css">' in page


def test_a_missing_portal_page_leads_back_to_the_portal(db: None) -> None:
    response = vietnamese().get("/portal/khu-cong-nghiep/NO-SUCH-ZONE/")
    assert response.status_code == 404
    assert 'href="/portal/">Về trang chủ cổng thông tin</a>' in response.content.decode()


def test_a_refused_page_is_styled_with_the_menu(vy: User) -> None:
    response = vietnamese(vy).get("/users/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Không có quyền truy cập</h1>" in page
    assert "<strong>Access denied.</strong>" in page
    assert 'aria-label="Menu chính"' in page


def test_in_english_the_error_page_is_english_once(vy: User) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(vy)
    page = client.get("/users/").content.decode()
    assert "<h1>Access denied</h1>" in page
    assert 'lang="en" class="muted"' not in page


def test_the_server_error_page_renders_without_the_database(
    django_db_blocker: pytest.FixtureRequest,
) -> None:
    request = RequestFactory(HTTP_ACCEPT_LANGUAGE="vi").get("/projects/")
    # The locale middleware has chosen the language before the view failed.
    with django_db_blocker.block(), translation.override("vi"):  # type: ignore[attr-defined]
        response = server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Máy chủ gặp sự cố</h1>" in page
    assert "<strong>Something went wrong on the server.</strong>" in page
    assert ICON.search(page)
    assert '<link rel="stylesheet" href="/static/kcn/kcn.css">' in page
    assert "Menu chính" not in page  # no user, hence no menu


def test_an_expired_form_is_explained(django_db_blocker: pytest.FixtureRequest) -> None:
    request = RequestFactory().post("/projects/new/")
    with django_db_blocker.block(), translation.override("vi"):  # type: ignore[attr-defined]
        response = csrf_failure(request, reason="CSRF token missing.")
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Biểu mẫu đã hết hạn</h1>" in page
    assert "CSRF" not in page


def test_the_icon_is_the_apps_own_svg() -> None:
    found = finders.find("kcn/favicon.svg")
    assert found is not None
    text = Path(str(found)).read_text(encoding="utf-8")
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "http" not in text.replace("http://www.w3.org/2000/svg", "")  # nothing from elsewhere


@pytest.fixture
def hostile(db: None, tmp_path: Path) -> None:
    import_hostile_board(tmp_path)


def test_every_page_has_the_icon_and_no_label_for_a_hidden_field(hostile: None, lan: User) -> None:
    enterprise = User.objects.get(username=ENTERPRISE_USER)
    pages = [(lan, name, url) for name, url in page_urls(lan).items()]
    pages += [(enterprise, name, url) for name, url in enterprise_page_urls().items()]
    checked = 0
    for user, name, url in pages:
        response = vietnamese(user).get(url)
        if not response["Content-Type"].startswith("text/html") or name == "report_preview":
            continue  # files; the report's own HTML is a document, not a page of the app
        page = response.content.decode()
        assert ICON.search(page), name
        hidden = re.findall(r'<input type="hidden" name="(\w+)"[^>]*id="([\w-]+)"', page)
        for field, ident in hidden:
            assert f'for="{ident}"' not in page, (name, field)
        assert "Fingerprint" not in page, name
        checked += 1
    assert checked >= 50
