"""Readers' comments: held until staff approve them, e-mails never shown, spam kept out
politely, CSRF required."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from kcn.accounts.models import User
from kcn.audit.models import AuditEntry
from kcn.publishing import services
from kcn.publishing.models import Comment, CommentStatus
from kcn.reports.models import PublishedReport

REPORT = "/portal/bao-cao/2022-Q1/"


def comment(**fields: str) -> dict[str, str]:
    return {
        "name": "Nguyễn Văn An",
        "email": "an@example.com",
        "text": "Báo cáo rõ ràng.",
        **fields,
    }


def test_a_comment_is_held_shows_nowhere_then_shows_with_its_date_once_approved(
    published: PublishedReport,
    visitor: Client,
    son: User,
    client_of: Callable[[User | None], Client],
) -> None:
    response = visitor.post(REPORT, comment())
    assert response.status_code == 302
    assert response["Location"] == f"{REPORT}?da-gui=1#y-kien"
    page = visitor.get(f"{REPORT}?da-gui=1").content.decode()
    assert "Báo cáo rõ ràng." not in page
    held = Comment.objects.get()
    assert (held.status, held.report_period) == (CommentStatus.HELD, "2022-Q1")

    staff = client_of(son)
    queue = staff.get("/comments/").content.decode()
    assert "Báo cáo rõ ràng." in queue
    assert "an@example.com" in queue  # staff may answer the reader
    assert staff.post(f"/comments/{held.pk}/approve/").status_code == 302

    page = visitor.get(REPORT).content.decode()
    assert "Báo cáo rõ ràng." in page
    assert "Nguyễn Văn An" in page
    held.refresh_from_db()
    assert held.submitted_at.astimezone().strftime("%d/%m/%Y") in page
    assert "an@example.com" not in page
    assert AuditEntry.objects.filter(model="publishing.comment", action="approve").exists()


def test_a_comment_on_a_news_article_shows_under_it_once_approved(
    visitor: Client, son: User, db: None
) -> None:
    article = services.article_create(title="Tin")
    services.article_publish(article=article)
    url = f"/portal/tin-tuc/{article.slug}/"
    assert visitor.post(url, comment(text="Tin hay.")).status_code == 302
    services.comment_moderate(comment=Comment.objects.get(), approve=True, actor=son)
    assert "Tin hay." in visitor.get(url).content.decode()


def test_a_comment_with_a_script_is_shown_as_text(
    published: PublishedReport, visitor: Client, son: User
) -> None:
    visitor.post(REPORT, comment(name="<b>bold</b>", text='<img src=x onerror="alert(1)">'))
    services.comment_moderate(comment=Comment.objects.get(), approve=True, actor=son)
    page = visitor.get(REPORT).content.decode()
    assert "<b>bold</b>" not in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_a_form_without_the_csrf_token_is_refused(published: PublishedReport, db: None) -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(REPORT, comment()).status_code == 403
    assert not Comment.objects.exists()
    page = strict.get(REPORT).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 2)[2].split('"')[0]
    assert strict.post(REPORT, {**comment(), "csrfmiddlewaretoken": token}).status_code == 302


def test_the_fourth_comment_from_one_address_gets_a_polite_refusal(
    published: PublishedReport, visitor: Client
) -> None:
    for number in range(3):
        assert visitor.post(REPORT, comment(text=f"Ý kiến {number}")).status_code == 302
    response = visitor.post(REPORT, comment(text="Ý kiến 4"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "Bạn đã gửi nhiều ý kiến trong thời gian ngắn" in page
    assert "<h1>" in page  # the article itself, not an error page
    assert Comment.objects.count() == 3
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.post(REPORT, comment(text="Người khác")).status_code == 302


def test_a_robot_filling_the_hidden_field_is_told_politely_and_nothing_is_kept(
    published: PublishedReport, visitor: Client
) -> None:
    response = visitor.post(REPORT, comment(website="https://spam.example"))
    assert response.status_code == 200
    assert "có vẻ như được gửi tự động" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_incomplete_comment_is_shown_again_with_its_problems(
    published: PublishedReport, visitor: Client
) -> None:
    response = visitor.post(REPORT, comment(email="not-an-address", text=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count('class="error"') >= 2
    assert not Comment.objects.exists()


def test_a_comment_on_an_unpublished_period_or_a_draft_is_404(
    published: PublishedReport, visitor: Client
) -> None:
    draft = services.article_create(title="Nháp")
    assert visitor.post("/portal/bao-cao/2022-Q2/", comment()).status_code == 404
    assert visitor.post(f"/portal/tin-tuc/{draft.slug}/", comment()).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("status", [CommentStatus.HELD, CommentStatus.REJECTED])
def test_held_and_rejected_comments_are_never_shown(
    status: str, published: PublishedReport, visitor: Client, son: User
) -> None:
    visitor.post(REPORT, comment(text="Chưa duyệt"))
    if status == CommentStatus.REJECTED:
        services.comment_moderate(comment=Comment.objects.get(), approve=False, actor=son)
    for url in (REPORT, "/portal/", "/portal/feed/", "/portal/tim-kiem/?q=duyet"):
        assert "Chưa duyệt" not in visitor.get(url).content.decode()
