"""Writes of the portal's content: news articles, readers' comments, the portal's settings,
what investors read about a zone.

Each is one transaction that checks, writes and records its audit entry
(``kcn.audit.services.audit_record``), and draws a new version of the portal's content on
commit so that the portal's cache renders afresh (``kcn.publishing.cache``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.models import AuditAction
from kcn.audit.records import clean_text, record_save, record_values, refusal, required_text
from kcn.audit.services import audit_record
from kcn.core.errors import KcnError, RecordError
from kcn.documents.models import Document
from kcn.publishing import rules
from kcn.publishing.cache import content_changed
from kcn.publishing.models import (
    Article,
    ArticleStatus,
    Comment,
    CommentStatus,
    PortalSettings,
    ZoneListing,
)
from kcn.publishing.rules import Picture, PictureError, checked_picture, folded, slug_of
from kcn.publishing.visitors import attempt_allowed
from kcn.zones.models import Zone

ARTICLE_FIELDS = (
    "slug",
    "title",
    "summary",
    "body",
    "picture",
    "picture_alt",
    "status",
    "published_at",
)
SETTINGS_FIELDS = (
    "address",
    "phone",
    "email",
    "office_hours",
    "about",
    "licence",
    "licence_url",
)
LISTING_FIELDS = ("zone", "shown", "contact", "description", "description_en")


def picture_path(name: str) -> Path:
    return Path(settings.KCN_PORTAL_FILES) / name


def _store_picture(picture: Picture) -> str:
    folder = Path(settings.KCN_PORTAL_FILES)
    folder.mkdir(parents=True, exist_ok=True)
    name = picture.new_name()
    (folder / name).write_bytes(picture.content)
    return name


def _forget_picture_after_commit(name: str) -> None:
    if name:
        transaction.on_commit(lambda: picture_path(name).unlink(missing_ok=True))


def _unique_slug(title: str) -> str:
    base = slug_of(title)
    taken = set(Article.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _article_label(title: str) -> str:
    return _("news article “%(title)s”") % {"title": title[:60]}


def _checked_picture(label: str, data: bytes | None) -> Picture | None:
    if data is None:
        return None
    try:
        return checked_picture(data)
    except PictureError as error:
        raise refusal(label, Article, "picture", str(error)) from None


def _fill_article(
    article: Article,
    *,
    label: str,
    title: str,
    summary: str,
    body: str,
    picture: Picture | None,
    picture_alt: str,
    remove_picture: bool,
) -> None:
    article.title = required_text(label, Article, "title", title)
    article.summary = clean_text(summary)
    article.body = (body or "").replace("\r\n", "\n").strip()
    article.picture_alt = clean_text(picture_alt)
    for field, value in (("title", article.title), ("picture_alt", article.picture_alt)):
        if len(value) > 255:
            raise refusal(label, Article, field, _("at most 255 characters"))
    old = article.picture
    keeps_picture = picture is not None or (bool(old) and not remove_picture)
    if keeps_picture and not article.picture_alt:
        raise refusal(
            label,
            Article,
            "picture_alt",
            _("describe the picture for readers who cannot see it"),
        )
    if picture is not None:
        article.picture = _store_picture(picture)
        article.picture_width, article.picture_height = picture.width, picture.height
        _forget_picture_after_commit(old)
    elif remove_picture and old:
        article.picture, article.picture_width, article.picture_height = "", None, None
        _forget_picture_after_commit(old)
    if not article.picture:
        article.picture_alt = ""
    article.search_text = folded(f"{article.title}\n{article.summary}\n{article.body}")


@transaction.atomic
def article_create(
    *,
    title: str,
    summary: str = "",
    body: str = "",
    picture: bytes | None = None,
    picture_alt: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Article:
    """A new draft article; ``picture`` is the uploaded file's bytes."""
    now = now or timezone.now()
    label = _article_label(clean_text(title))
    checked = _checked_picture(label, picture)
    article = Article(created_at=now, updated_at=now, author=actor)
    _fill_article(
        article,
        label=label,
        title=title,
        summary=summary,
        body=body,
        picture=checked,
        picture_alt=picture_alt,
        remove_picture=False,
    )
    article.slug = _unique_slug(article.title)
    record_save(article, label=label, fields=ARTICLE_FIELDS, before=None, actor=actor)
    content_changed()
    return article


@transaction.atomic
def article_update(
    *,
    article: Article,
    title: str,
    summary: str = "",
    body: str = "",
    picture: bytes | None = None,
    picture_alt: str = "",
    remove_picture: bool = False,
    version: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Change an article's text or picture; its address stays. Refused when someone else
    saved it since ``version`` (its ``updated_at`` when the editor opened it). Whether
    anything changed."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    label = _article_label(locked.title)
    if version and version != locked.updated_at.isoformat():
        raise RecordError(
            _(
                "Someone else changed this article while you were editing it. Nothing was "
                "saved: reload the page to see their changes."
            ),
            record=label,
        )
    before = record_values(locked, ARTICLE_FIELDS)
    checked = _checked_picture(label, picture)
    _fill_article(
        locked,
        label=label,
        title=title,
        summary=summary,
        body=body,
        picture=checked,
        picture_alt=picture_alt,
        remove_picture=remove_picture,
    )
    locked.updated_at = now or timezone.now()
    changed = record_save(locked, label=label, fields=ARTICLE_FIELDS, before=before, actor=actor)
    if changed:
        content_changed()
        article.refresh_from_db()
    return changed


@transaction.atomic
def article_publish(
    *, article: Article, actor: User | None = None, now: dt.datetime | None = None
) -> Article:
    """Show the article on the portal, dated now (or when it was first published)."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    before = record_values(locked, ARTICLE_FIELDS)
    if locked.status == ArticleStatus.PUBLISHED:
        return locked
    now = now or timezone.now()
    locked.status = ArticleStatus.PUBLISHED
    locked.published_at = locked.published_at or now
    locked.updated_at = now
    record_save(
        locked,
        label=_article_label(locked.title),
        fields=ARTICLE_FIELDS,
        before=before,
        actor=actor,
    )
    content_changed()
    article.refresh_from_db()
    return locked


@transaction.atomic
def article_unpublish(
    *, article: Article, actor: User | None = None, now: dt.datetime | None = None
) -> Article:
    """Take the article off the portal (back to draft); its first publication date stays."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    before = record_values(locked, ARTICLE_FIELDS)
    if locked.status == ArticleStatus.DRAFT:
        return locked
    locked.status = ArticleStatus.DRAFT
    locked.updated_at = now or timezone.now()
    record_save(
        locked,
        label=_article_label(locked.title),
        fields=ARTICLE_FIELDS,
        before=before,
        actor=actor,
    )
    content_changed()
    article.refresh_from_db()
    return locked


# -- readers' comments ------------------------------------------------------------------------


class CommentRefused(KcnError):
    """A comment the portal does not take; ``reason`` is "rate" or "spam"."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@transaction.atomic
def comment_submit(
    *,
    name: str,
    email: str,
    text: str,
    sender: str,
    article: Article | None = None,
    report_period: str = "",
    honeypot: str = "",
    now: dt.datetime | None = None,
) -> Comment:
    """A reader's comment, held for moderation.

    ``sender`` is the hashed address (``visitors.sender_hash``): three comments in ten
    minutes from one address, then ``CommentRefused("rate")``. A filled ``honeypot`` (a field
    people never see) is ``CommentRefused("spam")``. Only a published article or a published
    report takes comments (the caller checks the report; an article is checked here).
    """
    now = now or timezone.now()
    label = _("comment")
    if honeypot.strip():
        raise CommentRefused(
            _("Your comment was not accepted: it looks like an automatic submission."),
            reason="spam",
        )
    if article is not None and not article.is_published:
        raise refusal(label, Comment, "", _("the article is not published"))
    if (article is None) == (not report_period):
        raise refusal(label, Comment, "", _("a comment is about one article or one report"))
    name = required_text(label, Comment, "name", name)[:100]
    email = required_text(label, Comment, "email", email)
    try:
        validate_email(email)
    except ValidationError:
        raise refusal(label, Comment, "email", _("not an e-mail address")) from None
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise refusal(label, Comment, "text", _("a value is required"))
    if len(text) > rules.COMMENT_MAX_CHARS:
        raise refusal(label, Comment, "text", _("at most 3000 characters"))
    if not attempt_allowed(kind="comment", sender=sender, limit=rules.COMMENT_LIMIT, now=now):
        raise CommentRefused(
            _(
                "You have sent several comments in a short time. Please wait a few minutes "
                "before sending another one."
            ),
            reason="rate",
        )
    comment = Comment.objects.create(
        article=article,
        report_period=report_period,
        name=name,
        email=email,
        text=text,
        submitted_at=now,
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        instance=comment,
        after={
            "article": article.slug if article else None,
            "report": report_period or None,
            "name": name,
            "status": comment.status,
        },
    )
    return comment


@transaction.atomic
def comment_moderate(
    *, comment: Comment, approve: bool, actor: User | None, now: dt.datetime | None = None
) -> Comment:
    """Approve a held comment (it shows on the portal) or reject it (it never does)."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    if locked.status == status:
        return locked
    before = {"status": locked.status}
    locked.status = status
    locked.moderated_at = now or timezone.now()
    locked.moderated_by = actor
    locked.save(update_fields=["status", "moderated_at", "moderated_by"])
    audit_record(
        actor=actor,
        action=AuditAction.APPROVE if approve else AuditAction.REJECT,
        instance=locked,
        before=before,
        after={"status": status},
    )
    content_changed()
    return locked


# -- settings ---------------------------------------------------------------------------------


@transaction.atomic
def portal_settings_update(
    *, values: dict[str, Any], plans: Iterable[Document], actor: User | None = None
) -> PortalSettings:
    """Set the contacts, the licence, the thematic plans shown. A secret document is never
    shown, whatever is asked."""
    label = _("portal settings")
    current = PortalSettings.objects.select_for_update().filter(pk=1).first()
    before = None if current is None else record_values(current, SETTINGS_FIELDS)
    if before is not None:
        assert current is not None
        before["plans"] = _plan_symbols(current.plans.all())
    instance = current or PortalSettings(pk=1)
    for name in SETTINGS_FIELDS:
        if name in values:
            setattr(instance, name, clean_text(values[name]))
    if not instance.licence:
        raise refusal(label, PortalSettings, "licence", _("a value is required"))
    chosen = [plan for plan in plans if not plan.secret]
    after = record_values(instance, SETTINGS_FIELDS)
    after["plans"] = _plan_symbols(chosen)
    if before == after:
        return instance
    try:
        instance.full_clean(exclude=["plans"])
    except ValidationError as error:
        field = next(iter(error.message_dict))
        raise refusal(label, PortalSettings, field, " ".join(error.message_dict[field])) from None
    instance.save()
    instance.plans.set(chosen)
    changed = [key for key in after if before is None or before[key] != after[key]]
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
        instance=instance,
        before=None if before is None else {key: before[key] for key in changed},
        after={key: after[key] for key in changed},
    )
    content_changed()
    return instance


def _plan_symbols(plans: Iterable[Document]) -> list[str]:
    return sorted(plan.symbol for plan in plans)


@transaction.atomic
def zone_listing_update(
    *,
    zone: Zone,
    shown: bool,
    contact: str = "",
    description: str = "",
    description_en: str = "",
    actor: User | None = None,
) -> ZoneListing:
    """What investors read about ``zone`` on the portal, and whether it is shown at all."""
    label = _("zone %(code)s") % {"code": zone.code}
    listing = ZoneListing.objects.select_for_update().filter(zone=zone).first()
    before = None if listing is None else record_values(listing, LISTING_FIELDS)
    listing = listing or ZoneListing(zone=zone)
    listing.shown = shown
    listing.contact = (contact or "").replace("\r\n", "\n").strip()
    listing.description = (description or "").replace("\r\n", "\n").strip()
    listing.description_en = (description_en or "").replace("\r\n", "\n").strip()
    if record_save(listing, label=label, fields=LISTING_FIELDS, before=before, actor=actor):
        content_changed()
    return listing
