"""The portal's addresses: what answers, to anyone, without signing in; what never does."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from PIL import Image

from kcn.core.net import client_ip
from kcn.publishing import services
from kcn.publishing.models import Article
from kcn.reports.models import Narrative, PublishedReport
from tests import factories as f

PAGES = [
    "/portal/",
    "/portal/tim-kiem/?q=KCN",
    "/portal/tin-tuc/",
    "/portal/bao-cao/",
    "/portal/bao-cao/2022-Q1/",
    "/portal/khu-cong-nghiep/",
    "/portal/khu-cong-nghiep/Z1/",
    "/portal/thu-tuc/",
    "/portal/du-lieu/",
]
FILES = {
    "/portal/bao-cao/2022-Q1/tai-ve.docx": "application/vnd.openxmlformats",
    "/portal/bao-cao/2022-Q1/tai-ve.pdf": "application/pdf",
    "/portal/bao-cao/2022-Q1/bieu-do/targets.png": "image/png",
    "/portal/du-lieu/2022-Q1.json": "application/json",
    "/portal/du-lieu/2022-Q1.csv": "text/csv",
    "/portal/du-lieu/catalog.jsonld": "application/ld+json",
    "/portal/feed/": "application/atom+xml",
}
UNPUBLISHED = [
    "/portal/bao-cao/2022-Q2/",
    "/portal/bao-cao/2022-Q2/tai-ve.docx",
    "/portal/bao-cao/2022-Q2/tai-ve.pdf",
    "/portal/bao-cao/2022-Q2/bieu-do/targets.png",
    "/portal/du-lieu/2022-Q2.json",
    "/portal/du-lieu/2022-Q2.csv",
    "/portal/bao-cao/2022-q1/",  # written another way
    "/portal/bao-cao/2022-01..2022-03/",
    "/portal/du-lieu/2022.json",
    "/portal/bao-cao/not-a-period/",
    "/portal/bao-cao/2022-Q1/tai-ve.md",
    "/portal/bao-cao/2022-Q1/bieu-do/none.png",
]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (0, 100, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_a_visitor_who_has_not_signed_in(
    url: str, published: PublishedReport, visitor: Client
) -> None:
    response = visitor.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert '<a class="skip" href="#main">' in page
    assert page.count("<h1") == 1


@pytest.mark.parametrize("url", list(FILES))
def test_every_file_answers_with_its_content_type(
    url: str, published: PublishedReport, visitor: Client
) -> None:
    response = visitor.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FILES[url])


@pytest.mark.parametrize("url", UNPUBLISHED)
def test_an_unpublished_period_answers_404_everywhere(
    url: str, published: PublishedReport, visitor: Client
) -> None:
    assert visitor.get(url).status_code == 404


def test_a_period_with_no_published_report_is_404_even_with_records(
    board,
    visitor: Client,  # type: ignore[no-untyped-def]
) -> None:
    assert visitor.get("/portal/bao-cao/2022-Q1/").status_code == 404
    assert visitor.get("/portal/du-lieu/2022-Q1.json").status_code == 404
    assert "2022-Q1" not in visitor.get("/portal/").content.decode()


def test_the_report_is_an_article_dated_as_published_with_its_downloads(
    published: PublishedReport, visitor: Client
) -> None:
    page = visitor.get("/portal/bao-cao/2022-Q1/").content.decode()
    # As the seed's page: "Đăng ngày 28 - 03 - 2022", "Ý kiến bạn đọc", "Tin mới nhất".
    assert '<time datetime="2022-03-28">28 - 03 - 2022</time>' in page
    assert "Đăng ngày" in page
    assert "Ý kiến bạn đọc" in page
    assert "Tin mới nhất" in page
    assert "Thu hút đầu tư tốt." in page  # the staff's narrative, as frozen
    assert 'href="/portal/bao-cao/2022-Q1/tai-ve.docx"' in page
    assert 'href="/portal/bao-cao/2022-Q1/tai-ve.pdf"' in page
    assert 'src="/portal/bao-cao/2022-Q1/bieu-do/targets.png"' in page


def test_the_report_shows_its_frozen_figures_not_todays(
    published: PublishedReport, visitor: Client
) -> None:
    Narrative.objects.filter(period="2022-Q1").update(text="Đã sửa sau khi công bố.")
    page = visitor.get("/portal/bao-cao/2022-Q1/").content.decode()
    assert "Thu hút đầu tư tốt." in page
    assert "Đã sửa sau khi công bố." not in page


def test_a_newer_version_of_a_report_replaces_the_older_one(
    published: PublishedReport, visitor: Client
) -> None:
    visitor.get("/portal/bao-cao/2022-Q1/")  # cached
    Narrative.objects.filter(period="2022-Q1").update(text="Bản sửa đổi.")
    f.published_report("2022-Q1", number="46", issued_on=dt.date(2022, 4, 2))
    page = visitor.get("/portal/bao-cao/2022-Q1/").content.decode()
    assert "Bản sửa đổi." in page
    assert "02 - 04 - 2022" in page


def test_the_home_page_lists_published_reports_and_news_but_never_drafts(
    published: PublishedReport, visitor: Client
) -> None:
    news = services.article_create(title="Hội nghị xúc tiến đầu tư", summary="Tóm tắt tin")
    services.article_publish(article=news)
    services.article_create(title="Bản nháp bí mật", body="chưa công bố")
    page = visitor.get("/portal/").content.decode()
    assert 'href="/portal/bao-cao/2022-Q1/"' in page
    assert "Hội nghị xúc tiến đầu tư" in page
    assert "Bản nháp bí mật" not in page
    assert "Bản nháp bí mật" not in visitor.get("/portal/tin-tuc/").content.decode()
    assert "Bản nháp bí mật" not in visitor.get("/portal/feed/").content.decode()
    assert "Bản nháp bí mật" not in visitor.get("/portal/tim-kiem/?q=nháp").content.decode()


def test_a_draft_article_and_its_picture_answer_404(visitor: Client, db: None) -> None:
    draft = services.article_create(title="Nháp", picture=png(), picture_alt="Ảnh nháp")
    assert visitor.get(f"/portal/tin-tuc/{draft.slug}/").status_code == 404
    assert visitor.get(f"/portal/anh/{draft.picture}").status_code == 404
    services.article_publish(article=draft)
    assert visitor.get(f"/portal/tin-tuc/{draft.slug}/").status_code == 200
    services.article_unpublish(article=draft)
    assert visitor.get(f"/portal/tin-tuc/{draft.slug}/").status_code == 404


def test_a_published_article_shows_its_markdown_and_picture_safely(
    visitor: Client, db: None
) -> None:
    article = services.article_create(
        title="Khởi công KCN Sạch",
        summary="Tóm tắt",
        body="## Nội dung\n\nCó **ba** hạng mục. <script>alert(1)</script>",
        picture=png(),
        picture_alt="Lễ khởi công",
    )
    services.article_publish(article=article)
    page = visitor.get(f"/portal/tin-tuc/{article.slug}/").content.decode()
    assert "<h2>Nội dung</h2>" in page
    assert "<strong>ba</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f'src="/portal/anh/{article.picture}" alt="Lễ khởi công"' in page
    picture = visitor.get(f"/portal/anh/{article.picture}")
    assert picture["Content-Type"] == "image/png"
    assert picture["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["../secret_key", "x.svg", "0" * 32 + ".html", "%2e%2e%2fkcn"])
def test_a_picture_address_that_is_not_one_of_ours_is_404(
    name: str, visitor: Client, db: None
) -> None:
    assert visitor.get(f"/portal/anh/{name}").status_code == 404


def test_search_finds_news_and_reports_with_or_without_accents(
    published: PublishedReport, visitor: Client
) -> None:
    article = services.article_create(title="Đại hội Chi bộ", body="Khu công nghiệp sạch")
    services.article_publish(article=article)
    for words in ("dai hoi", "ĐẠI HỘI", "cong nghiep sach"):
        assert "Đại hội Chi bộ" in visitor.get(f"/portal/tim-kiem/?q={words}").content.decode()
    page = visitor.get("/portal/tim-kiem/?q=quý I năm 2022").content.decode()
    assert 'href="/portal/bao-cao/2022-Q1/"' in page
    nothing = visitor.get("/portal/tim-kiem/?q=xyz").content.decode()
    assert "Đại hội Chi bộ" not in nothing.split("<main", 1)[1].split("</main>")[0]


def test_no_page_of_the_portal_asks_to_sign_in_or_names_staff(
    published: PublishedReport,
    visitor: Client,
    lan,  # type: ignore[no-untyped-def]
) -> None:
    for url in PAGES:
        page = visitor.get(url).content.decode()
        assert "/accounts/login/" not in page
        assert "lan" not in page.split("<main", 1)[1].split("</main>")[0].split()


def test_the_english_switch_gives_english_pages(
    published: PublishedReport, visitor: Client
) -> None:
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/portal/"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/portal/"
    assert '<html lang="en">' in page
    assert "Reports of the board" in page
    assert "Report on the performance" in page or "2022" in page


def test_a_cached_report_page_needs_few_queries(
    published: PublishedReport, visitor: Client
) -> None:
    visitor.get("/portal/bao-cao/2022-Q1/")
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get("/portal/bao-cao/2022-Q1/").status_code == 200
    assert len(queries) <= 14
    assert not any("dataset" in query["sql"] and "SELECT" in query["sql"] for query in queries)


def test_a_change_of_content_shows_at_once_through_the_cache(
    published: PublishedReport,
    visitor: Client,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    assert "Tin vừa đăng" not in visitor.get("/portal/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_create(title="Tin vừa đăng")
        services.article_publish(article=article)
    assert "Tin vừa đăng" in visitor.get("/portal/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_update(article=article, title="Tin vừa đăng", body="Nội dung mới")
    assert "Nội dung mới" in visitor.get(f"/portal/tin-tuc/{article.slug}/").content.decode()


def test_the_footer_counts_the_visitors_of_the_last_five_minutes(
    published: PublishedReport, db: None
) -> None:
    for number, agent in enumerate(("Firefox", "Chrome", "Firefox")):
        Client(REMOTE_ADDR=f"203.0.113.{number % 2}", HTTP_USER_AGENT=agent).get("/portal/")
    page = Client(REMOTE_ADDR="203.0.113.0", HTTP_USER_AGENT="Firefox").get("/portal/")
    assert "2 người đang online" in page.content.decode()  # as the seed: "949 người …"


def test_counting_a_visitor_sets_no_cookie_and_loads_nothing_from_another_host(
    published: PublishedReport, db: None
) -> None:
    response = Client().get("/portal/bao-cao/2022-Q1/")
    assert set(response.cookies) <= {"csrftoken"}  # only the forms' CSRF cookie
    page = response.content.decode()
    assert 'src="http' not in page
    assert '<link rel="stylesheet" href="http' not in page


def test_article_addresses_stay_when_the_title_changes(db: None) -> None:
    article = services.article_create(title="Tiêu đề cũ")
    services.article_update(article=article, title="Tiêu đề mới")
    assert Article.objects.get(pk=article.pk).slug == "tieu-de-cu"


def test_behind_a_proxy_the_visitor_is_the_address_the_proxy_received(
    settings,
    db: None,  # type: ignore[no-untyped-def]
) -> None:

    request = RequestFactory().get(
        "/portal/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "10.0.0.1"  # no proxy configured: the connection's
    settings.KCN_PROXIES = 1
    assert client_ip(request) == "203.0.113.7"  # not the forged 6.6.6.6
    settings.KCN_PROXIES = 3
    assert client_ip(request) == "10.0.0.1"  # fewer hops than proxies: the connection's


def test_a_head_request_answers_like_a_get(published: PublishedReport, visitor: Client) -> None:
    for url in ("/portal/", "/portal/bao-cao/2022-Q1/", "/portal/du-lieu/2022-Q1.json"):
        response = visitor.head(url)
        assert response.status_code == 200, url
        assert response.content == b""


def test_the_lists_need_as_many_queries_for_many_articles_as_for_one(
    published: PublishedReport, visitor: Client
) -> None:
    def queries(url: str) -> int:
        visitor.get(url)  # warm the cache
        with CaptureQueriesContext(connection) as captured:
            visitor.get(url)
        return len(captured)

    first = services.article_create(title="Tin 1", picture=png(), picture_alt="Ảnh")
    services.article_publish(article=first)
    counts = {url: queries(url) for url in ("/portal/", "/portal/tin-tuc/", "/portal/feed/")}
    for number in range(2, 9):
        article = services.article_create(title=f"Tin {number}", picture=png(), picture_alt="Ảnh")
        services.article_publish(article=article)
    for url, count in counts.items():
        assert queries(url) == count, url
    assert counts["/portal/"] <= 12
