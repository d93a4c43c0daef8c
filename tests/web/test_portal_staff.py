"""The public portal from the staff's side: writing news, moderating comments, the portal's
settings and the zones' texts; each change audited."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from kcn.accounts.models import User
from kcn.audit.models import AuditEntry
from kcn.publishing.models import Article, ArticleStatus, Comment, CommentStatus, ZoneListing
from kcn.publishing.services import article_create, article_publish, comment_submit
from tests import factories as f


def picture(name: str = "anh.png", fmt: str = "PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (10, 80, 160)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_specialist_writes_an_article_with_a_picture_previews_it_and_publishes_it(
    son: User, client_of: Callable[[User | None], Client]
) -> None:
    staff = client_of(son)
    response = staff.post(
        "/news/new/",
        {
            "title": "Hội nghị xúc tiến đầu tư",
            "summary": "Tóm tắt",
            "body": "## Nội dung\n\n- một\n- hai",
            "picture": picture(),
            "picture_alt": "Hội trường",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/news/{article.pk}/"
    assert article.status == ArticleStatus.DRAFT
    preview = staff.get(f"/news/{article.pk}/").content.decode()
    assert "<h2>Nội dung</h2>" in preview
    assert f'src="/news/{article.pk}/picture/" alt="Hội trường"' in preview
    assert staff.get(f"/news/{article.pk}/picture/")["Content-Type"] == "image/png"
    assert Client().get(f"/portal/tin-tuc/{article.slug}/").status_code == 404

    assert staff.post(f"/news/{article.pk}/publish/").status_code == 302
    assert Client().get(f"/portal/tin-tuc/{article.slug}/").status_code == 200
    assert staff.post(f"/news/{article.pk}/unpublish/").status_code == 302
    assert Client().get(f"/portal/tin-tuc/{article.slug}/").status_code == 404
    actions = list(
        AuditEntry.objects.filter(model="publishing.article", actor=son)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "update"]


def test_a_picture_without_a_description_or_a_file_that_is_no_picture_is_refused_beside_it(
    son: User, client_of: Callable[[User | None], Client]
) -> None:
    staff = client_of(son)
    response = staff.post("/news/new/", {"title": "Tin", "picture": picture()})
    assert response.status_code == 400
    assert "describe the picture" in response.content.decode()
    fake = SimpleUploadedFile("anh.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = staff.post("/news/new/", {"title": "Tin", "picture": fake, "picture_alt": "x"})
    assert response.status_code == 400
    assert "not a JPEG, PNG or WebP picture" in response.content.decode()
    assert not Article.objects.exists()


def test_two_editors_saving_one_article_the_second_is_told_and_nothing_is_lost(
    son: User, lan: User, client_of: Callable[[User | None], Client]
) -> None:
    article = article_create(title="Tin", body="gốc")
    form = {"title": "Tin", "version": article.updated_at.isoformat()}
    assert (
        client_of(son).post(f"/news/{article.pk}/edit/", {**form, "body": "Sơn"}).status_code == 302
    )
    response = client_of(lan).post(f"/news/{article.pk}/edit/", {**form, "body": "Lan"})
    assert response.status_code == 400
    assert "Someone else changed this article" in response.content.decode()
    article.refresh_from_db()
    assert article.body == "Sơn"


def test_the_moderation_queue_shows_held_comments_and_a_specialist_decides(
    son: User, client_of: Callable[[User | None], Client], db: None
) -> None:
    article = article_create(title="Tin")
    article_publish(article=article)
    held = comment_submit(
        name="An", email="an@example.com", text="Hỏi về đất", sender="s", article=article
    )
    spam = comment_submit(
        name="Bot", email="b@example.com", text="Mua ngay", sender="t", article=article
    )
    staff = client_of(son)
    queue = staff.get("/comments/").content.decode()
    assert "Hỏi về đất" in queue
    assert "Mua ngay" in queue
    staff.post(f"/comments/{held.pk}/approve/", {"next": "/comments/"})
    staff.post(f"/comments/{spam.pk}/reject/", {"next": "https://evil.example/"})
    assert Comment.objects.get(pk=held.pk).status == CommentStatus.APPROVED
    assert Comment.objects.get(pk=spam.pk).status == CommentStatus.REJECTED
    assert "Hỏi về đất" not in staff.get("/comments/").content.decode()  # no longer held
    assert "Mua ngay" in staff.get("/comments/?status=rejected").content.decode()
    entry = AuditEntry.objects.get(model="publishing.comment", action="reject")
    assert entry.actor == son


def test_a_viewer_reads_the_queue_but_cannot_approve(
    vy: User, client_of: Callable[[User | None], Client], db: None
) -> None:
    held = comment_submit(
        name="An", email="an@example.com", text="Hỏi", sender="s", report_period="2022-Q1"
    )
    viewer = client_of(vy)
    page = viewer.get("/comments/").content.decode()
    assert "Hỏi" in page
    assert f"/comments/{held.pk}/approve/" not in page
    assert viewer.post(f"/comments/{held.pk}/approve/").status_code == 403
    assert Comment.objects.get().status == CommentStatus.HELD


def test_the_settings_set_the_portals_contacts_licence_and_plans(
    lan: User, client_of: Callable[[User | None], Client]
) -> None:
    plan = f.document("166/KH-BQL", dt.date(2022, 2, 11))
    plan.type = "KH"
    plan.save()
    staff = client_of(lan)
    response = staff.post(
        "/portal-settings/",
        {
            "address": "Đường Nguyễn Văn Linh",
            "phone": "0221 3 000 000",
            "email": "bql@example.vn",
            "office_hours": "",
            "about": "",
            "licence": "CC BY 4.0",
            "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            "plans": [plan.pk],
        },
    )
    assert response.status_code == 302
    home = Client().get("/portal/").content.decode()
    assert "0221 3 000 000" in home
    assert "166/KH-BQL" in home
    assert AuditEntry.objects.filter(model="publishing.portalsettings", actor=lan).exists()


def test_a_zones_text_for_investors_and_hiding_a_zone(
    son: User,
    client_of: Callable[[User | None], Client],
    django_capture_on_commit_callbacks,
) -> None:
    zone = f.zone("Z1", name="KCN Mới")
    staff = client_of(son)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            "/portal-settings/zones/Z1/",
            {"shown": "on", "contact": "Gọi 0221 111", "description": "Gần cảng"},
        )
    assert response.status_code == 302
    assert "Gọi 0221 111" in Client().get("/portal/khu-cong-nghiep/Z1/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # a new version of the content
        staff.post("/portal-settings/zones/Z1/", {"contact": "Gọi 0221 111"})
    assert not ZoneListing.objects.get(zone=zone).shown
    assert Client().get("/portal/khu-cong-nghiep/Z1/").status_code == 404


def test_the_staff_menu_leads_to_the_portals_pages(
    lan: User, client_of: Callable[[User | None], Client]
) -> None:
    page = client_of(lan).get("/news/").content.decode()
    for url in ("/news/", "/comments/", "/portal-settings/", "/portal-preview/", "/portal/"):
        assert f'href="{url}"' in page
