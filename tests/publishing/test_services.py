"""Writes of the portal's content: each audited in its transaction, checked by the rules."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.cache import cache
from PIL import Image

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditEntry
from kcn.core.errors import RecordError
from kcn.documents.models import Document
from kcn.publishing import services
from kcn.publishing.cache import content_version
from kcn.publishing.models import ArticleStatus, Comment, CommentStatus, PortalSettings
from kcn.publishing.selectors import approved_comments, shown_plans
from tests import factories as f

pytestmark = pytest.mark.django_db
NOON = dt.datetime(2022, 3, 28, 12, 0, tzinfo=dt.UTC)


def png(size: tuple[int, int] = (640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 50, 50)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def son(db: None) -> User:
    return User.objects.create(username="son", role=Role.SPECIALIST)


def test_a_new_article_is_a_draft_with_an_address_from_its_title(son: User) -> None:
    article = services.article_create(
        title="Lễ khởi công KCN Sạch", summary="Tóm tắt", body="Nội dung", actor=son, now=NOON
    )
    assert article.status == ArticleStatus.DRAFT
    assert article.slug == "le-khoi-cong-kcn-sach"
    assert article.published_at is None
    entry = AuditEntry.objects.get(model="publishing.article")
    assert (entry.action, entry.actor) == ("create", son)
    assert entry.after is not None
    assert entry.after["title"] == "Lễ khởi công KCN Sạch"


def test_two_articles_with_one_title_get_two_addresses() -> None:
    first = services.article_create(title="Tin mới")
    second = services.article_create(title="Tin mới")
    assert (first.slug, second.slug) == ("tin-moi", "tin-moi-2")


def test_a_picture_needs_its_description_and_is_stored_in_the_portal_folder(
    portal_files,
) -> None:
    with pytest.raises(RecordError) as refused:
        services.article_create(title="Ảnh", picture=png())
    assert refused.value.field == "picture_alt"
    assert list(portal_files.iterdir()) == []
    article = services.article_create(title="Ảnh", picture=png(), picture_alt="Nhà xưởng")
    assert (portal_files / article.picture).read_bytes()[:4] == b"\x89PNG"
    assert (article.picture_width, article.picture_height) == (640, 480)


def test_a_file_that_is_not_a_picture_is_refused_beside_the_picture_field() -> None:
    with pytest.raises(RecordError) as refused:
        services.article_create(title="Ảnh", picture=b"GIF89a<script>", picture_alt="x")
    assert refused.value.field == "picture"


def test_replacing_a_picture_deletes_the_old_file_once_saved(
    portal_files,
    django_capture_on_commit_callbacks,
) -> None:
    article = services.article_create(title="Ảnh", picture=png(), picture_alt="Một")
    old = article.picture
    with django_capture_on_commit_callbacks(execute=True):
        services.article_update(
            article=article, title="Ảnh", picture=png((300, 300)), picture_alt="Hai"
        )
    article.refresh_from_db()
    assert article.picture != old
    assert not (portal_files / old).exists()
    assert (portal_files / article.picture).exists()


def test_publishing_dates_the_article_once_and_unpublishing_keeps_the_date(son: User) -> None:
    article = services.article_create(title="Tin", actor=son)
    services.article_publish(article=article, actor=son, now=NOON)
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at == NOON
    services.article_unpublish(article=article, actor=son, now=NOON + dt.timedelta(days=1))
    assert article.status == ArticleStatus.DRAFT
    services.article_publish(article=article, actor=son, now=NOON + dt.timedelta(days=2))
    assert article.published_at == NOON
    actions = list(
        AuditEntry.objects.filter(model="publishing.article")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "update", "update"]


def test_an_edit_from_a_stale_form_is_refused_and_saves_nothing(son: User) -> None:
    article = services.article_create(title="Tin", body="một", now=NOON)
    version = article.updated_at.isoformat()
    services.article_update(article=article, title="Tin", body="hai", version=version, actor=son)
    with pytest.raises(RecordError, match="Someone else changed this article"):
        services.article_update(article=article, title="Tin", body="ba", version=version)
    article.refresh_from_db()
    assert article.body == "hai"


def test_a_change_of_content_draws_a_new_cache_version_once_committed(
    django_capture_on_commit_callbacks,
) -> None:
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_create(title="Tin")
    assert content_version() != before
    cache.clear()
    assert content_version()  # a lost version is drawn again


def test_a_comment_is_held_until_staff_approve_it(son: User) -> None:
    f.zone("Z1")
    comment = services.comment_submit(
        name="An", email="an@example.com", text="Hay", sender="s", report_period="2022-Q1", now=NOON
    )
    assert comment.status == CommentStatus.HELD
    assert approved_comments(report_period="2022-Q1") == []
    services.comment_moderate(comment=comment, approve=True, actor=son, now=NOON)
    shown = approved_comments(report_period="2022-Q1")
    assert [(c.name, c.text) for c in shown] == [("An", "Hay")]
    assert not hasattr(shown[0], "email")
    entry = AuditEntry.objects.filter(model="publishing.comment").latest("pk")
    assert (entry.action, entry.actor, entry.after) == ("approve", son, {"status": "approved"})


def test_a_rejected_comment_is_never_shown_and_the_rejection_is_audited(son: User) -> None:
    comment = services.comment_submit(
        name="Spam", email="s@example.com", text="Mua ngay", sender="s", report_period="2022-Q1"
    )
    services.comment_moderate(comment=comment, approve=False, actor=son)
    assert approved_comments(report_period="2022-Q1") == []
    assert AuditEntry.objects.filter(model="publishing.comment", action="reject").count() == 1


def test_the_fourth_comment_in_ten_minutes_from_one_address_is_refused() -> None:
    def send(at: dt.datetime, sender: str = "address-1") -> Comment:
        return services.comment_submit(
            name="A",
            email="a@example.com",
            text="x",
            sender=sender,
            report_period="2022-Q1",
            now=at,
        )

    for minute in range(3):
        send(NOON + dt.timedelta(minutes=minute))
    with pytest.raises(services.CommentRefused) as refused:
        send(NOON + dt.timedelta(minutes=4))
    assert refused.value.reason == "rate"
    send(NOON + dt.timedelta(minutes=4), sender="address-2")  # another address may
    send(NOON + dt.timedelta(minutes=11))  # and this one again, ten minutes on
    assert Comment.objects.count() == 5


def test_a_filled_honeypot_is_refused_as_spam_and_nothing_is_kept() -> None:
    with pytest.raises(services.CommentRefused) as refused:
        services.comment_submit(
            name="Bot",
            email="bot@example.com",
            text="x",
            sender="s",
            report_period="2022-Q1",
            honeypot="https://spam.example",
        )
    assert refused.value.reason == "spam"
    assert not Comment.objects.exists()


def test_a_comment_needs_a_name_an_e_mail_and_a_text_and_a_published_article() -> None:
    def send(**fields: object) -> None:
        values = {"name": "A", "email": "a@example.com", "text": "x", "report_period": "2022-Q1"}
        services.comment_submit(sender="s", **{**values, **fields})  # type: ignore[arg-type]

    for field, value in (("name", " "), ("email", "not-an-address"), ("text", "")):
        with pytest.raises(RecordError) as refused:
            send(**{field: value})
        assert refused.value.field == field
    draft = services.article_create(title="Nháp")
    with pytest.raises(RecordError, match="not published"):
        send(article=draft, report_period="")


def test_the_settings_never_show_a_secret_plan(son: User) -> None:
    plan = f.document("166/KH-BQL", dt.date(2022, 2, 11))
    secret = f.document("170/KH-BQL", dt.date(2022, 2, 20))
    Document.objects.filter(pk=secret.pk).update(secret=True)
    secret.refresh_from_db()
    services.portal_settings_update(
        values={"phone": "0221 3 000 000", "licence": "CC BY 4.0"}, plans=[plan, secret], actor=son
    )
    assert [p.symbol for p in shown_plans()] == ["166/KH-BQL"]
    entry = AuditEntry.objects.get(model="publishing.portalsettings")
    assert entry.after is not None
    assert entry.after["plans"] == ["166/KH-BQL"]
    assert entry.after["phone"] == "0221 3 000 000"


def test_settings_saved_unchanged_write_no_audit_entry(son: User) -> None:
    values = {"phone": "1", "licence": "CC BY 4.0"}
    services.portal_settings_update(values=values, plans=[], actor=son)
    services.portal_settings_update(values=values, plans=[], actor=son)
    assert AuditEntry.objects.filter(model="publishing.portalsettings").count() == 1
    assert PortalSettings.objects.get().licence_url.startswith("https://creativecommons.org/")


def test_settings_need_a_licence() -> None:
    with pytest.raises(RecordError) as refused:
        services.portal_settings_update(values={"licence": " "}, plans=[])
    assert refused.value.field == "licence"
