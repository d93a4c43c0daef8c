"""``/portal/feed/``: an Atom feed of the published reports and news, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from kcn.portal.site import board_name, report_articles
from kcn.publishing.selectors import published_articles

FEED_SIZE = 30


@dataclass(frozen=True)
class Entry:
    title: str
    summary: str
    url: str
    published: dt.datetime
    updated: dt.datetime
    category: str


class PortalFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed

    def title(self) -> str:
        return board_name()

    def subtitle(self) -> str:
        return _("Reports and news of the board")

    def link(self) -> str:
        return reverse("portal_home")

    def feed_url(self) -> str:
        return reverse("portal_feed")

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> None:
        return None

    def items(self) -> list[Entry]:
        zone = timezone.get_current_timezone()
        entries = [
            Entry(
                title=report.title,
                summary=" ".join(report.summary),
                url=reverse("portal_report", args=[report.period]),
                published=dt.datetime.combine(report.issued_on, dt.time(), tzinfo=zone),
                updated=report.published_at,
                category=_("Report"),
            )
            for report in report_articles()
        ]
        for article in published_articles()[:FEED_SIZE]:
            assert article.published_at is not None
            entries.append(
                Entry(
                    title=article.title,
                    summary=article.summary,
                    url=reverse("portal_article", args=[article.slug]),
                    published=article.published_at,
                    updated=max(article.published_at, article.updated_at),
                    category=_("News"),
                )
            )
        entries.sort(key=lambda entry: entry.published, reverse=True)
        return entries[:FEED_SIZE]

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.summary

    def item_link(self, item: Entry) -> str:
        return item.url

    def item_pubdate(self, item: Entry) -> dt.datetime:
        return item.published

    def item_updateddate(self, item: Entry) -> dt.datetime:
        return item.updated

    def item_categories(self, item: Entry) -> list[str]:
        return [item.category]
