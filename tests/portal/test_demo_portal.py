"""``kcn demo-portal`` fills the portal as ``make demo`` leaves it; running it again changes
nothing."""

from __future__ import annotations

from django.test import Client

from kcn.demo.portal import load_demo_portal
from kcn.publishing.models import Article, ArticleStatus, Comment, CommentStatus, PortalSettings
from kcn.reports.models import PublishedReport


def test_the_demo_portal_has_news_settings_and_a_moderated_comment(
    published: PublishedReport, visitor: Client
) -> None:
    assert load_demo_portal() == {"articles": 4, "comments": 2}
    assert load_demo_portal() == {"articles": 0, "comments": 0}
    assert Article.objects.filter(status=ArticleStatus.PUBLISHED).count() == 3
    assert Article.objects.filter(status=ArticleStatus.DRAFT).count() == 1
    assert all(article.picture_alt for article in Article.objects.exclude(picture=""))
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == [
        CommentStatus.APPROVED,
        CommentStatus.HELD,
    ]
    assert PortalSettings.objects.get().phone
    page = visitor.get("/portal/bao-cao/2022-Q1/").content.decode()
    assert "Cảm ơn Ban Quản lý đã công khai báo cáo" in page  # approved
    assert "Xin hỏi quỹ đất còn trống" not in page  # held
    assert "Kế hoạch cải cách hành chính quý II" not in visitor.get("/portal/").content.decode()
