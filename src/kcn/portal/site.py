"""What every page of the portal shares: the visit it counts, the board's name and contacts,
the visitors online in the footer, the cache.

A page of the portal is ``page(request, template, context)``: it notes the visit (a salted
hash, no cookie: ``kcn.publishing.visitors``) and renders the template with the portal's
context. Parts that cost more than a few queries are cached with ``cached``: keys carry the
language and the version of the content, so a change shows at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kcn.board.models import BoardProfile
from kcn.core.net import client_ip
from kcn.publishing import selectors
from kcn.publishing.cache import content_version
from kcn.publishing.visitors import sender_hash, visit_record, visitor_hash, visitors_online

T = TypeVar("T")

LATEST_COUNT = 6
DAY = 24 * 3600
# Published reports never change (a correction is a new version with a new id): what is
# rendered from one is kept a month.
PUBLISHED_TIMEOUT = 30 * DAY


def language() -> str:
    return translation.get_language() or "vi"


def cached(name: str, compute: Callable[[], T], *, timeout: int = 3600) -> T:
    """``compute()``, kept under ``name`` for the active language and the content's version."""
    return cached_as(f"{content_version()}:{name}", compute, timeout=timeout)


def cached_as(key: str, compute: Callable[[], T], *, timeout: int) -> T:
    """``compute()``, kept under ``key`` for the active language (no content version: for
    what is identified by itself, such as a published report's id)."""
    full_key = f"portal:{language()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value  # type: ignore[no-any-return]


def sender_of(request: HttpRequest, now: dt.datetime) -> str:
    """The day's hash of the request's address, for the rate limits."""
    return sender_hash(address=client_ip(request), now=now)


def board_name() -> str:
    """ "Ban Quản lý các khu công nghiệp tỉnh Hưng Yên" (in English: "Hưng Yên Industrial
    Zones Management Board")."""
    profile = BoardProfile.objects.filter(pk=1).values("name_in_text", "province").first()
    province = profile["province"] if profile else ""
    if language() == "vi":
        name = profile["name_in_text"] if profile else "Ban Quản lý các khu công nghiệp tỉnh"
        return f"{name} {province}".strip()
    if province:
        return _("%(province)s Industrial Zones Management Board") % {"province": province}
    return _("Industrial Zones Management Board")


def report_articles() -> list[selectors.ReportArticle]:
    """The published reports, titled in the active language (cached until one is published)."""
    lang = language()
    return cached_as(
        f"reports:{selectors.reports_key()}",
        lambda: selectors.report_articles(lang),
        timeout=PUBLISHED_TIMEOUT,
    )


def latest_items(limit: int = LATEST_COUNT) -> list[dict[str, Any]]:
    """ "Tin mới nhất": the newest news and reports together, newest first."""
    items: list[dict[str, Any]] = [
        {
            "kind": "report",
            "title": report.title,
            "key": report.period,
            "at": dt.datetime.combine(
                report.issued_on, dt.time(), tzinfo=timezone.get_current_timezone()
            ),
            "has_time": False,
        }
        for report in report_articles()[:limit]
    ]
    for slug, title, published_at in selectors.published_articles().values_list(
        "slug", "title", "published_at"
    )[:limit]:
        items.append(
            {"kind": "news", "title": title, "key": slug, "at": published_at, "has_time": True}
        )
    items.sort(key=lambda item: item["at"], reverse=True)
    return items[:limit]


def page(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """A page of the portal: the visit counted, the shared context added."""
    now = timezone.now()
    visit_record(
        visitor=visitor_hash(
            address=client_ip(request),
            user_agent=str(request.META.get("HTTP_USER_AGENT", "")),
            now=now,
        ),
        now=now,
    )
    shared = {
        "portal": selectors.portal_settings(),
        "board_name": board_name(),
        "online": visitors_online(now=now),
        "section": context.get("section", ""),
    }
    return render(request, template, {**shared, **context}, status=status)
