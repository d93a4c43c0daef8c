"""What the board publishes on its public portal besides its reports: news articles, readers'
comments, the portal's settings, what investors read about each zone; and the portal's
own bookkeeping (visitors online, the daily salt of their hashes, rate-limited attempts).

Nothing here names a visitor: a visitor is a salted hash of its address (and user agent),
and the salt of a day is deleted the next day (``kcn.publishing.visitors``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

DEFAULT_LICENCE = "CC BY 4.0"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class Article(models.Model):
    """A news article written by the board's staff: Markdown, shown once published."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text (Markdown)"), blank=True)
    # A file of the portal's folder (settings.KCN_PORTAL_FILES), checked and re-encoded.
    picture = models.CharField(_("picture"), max_length=64, blank=True)
    picture_alt = models.CharField(_("picture's description"), max_length=255, blank=True)
    picture_width = models.PositiveIntegerField(null=True, blank=True)
    picture_height = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Title, summary and text folded to lower case without accents, for the portal's search.
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values), name="article_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(picture="") | ~Q(picture_alt=""), name="article_picture_has_alt"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED


class CommentStatus(models.TextChoices):
    HELD = "held", _("awaiting moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class Comment(models.Model):
    """A reader's comment on a news article or on a published report (by its period).

    Held until a member of staff approves it; the e-mail address is for the board only.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("news article"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    report_period = models.CharField(_("report"), max_length=32, blank=True)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254)
    text = models.TextField(_("comment"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=16, choices=CommentStatus.choices, default=CommentStatus.HELD
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["submitted_at", "id"]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["report_period", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CommentStatus.values), name="comment_status_known"
            ),
            models.CheckConstraint(
                condition=(Q(article__isnull=False) & Q(report_period=""))
                | (Q(article__isnull=True) & ~Q(report_period="")),
                name="comment_on_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.submitted_at:%d/%m/%Y %H:%M})"


class PortalSettings(models.Model):
    """The portal's settings (one row, ``pk=1``): the board's contacts, the open data's
    licence, and the thematic plans shown to the public."""

    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("telephone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=255, blank=True)
    about = models.TextField(_("about the board"), blank=True)
    licence = models.CharField(
        _("licence of the open data"), max_length=100, default=DEFAULT_LICENCE
    )
    licence_url = models.URLField(_("address of the licence"), default=DEFAULT_LICENCE_URL)
    plans = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("thematic plans shown"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    def __str__(self) -> str:
        return str(_("portal settings"))


class ZoneListing(models.Model):
    """What investors read about a zone on the portal, besides its figures."""

    zone = models.OneToOneField(
        "zones.Zone", verbose_name=_("zone"), on_delete=models.CASCADE, related_name="+"
    )
    shown = models.BooleanField(_("shown on the portal"), default=True)
    contact = models.TextField(_("contact for investors"), blank=True)
    description = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("zone on the portal")
        verbose_name_plural = _("zones on the portal")

    def __str__(self) -> str:
        return str(self.zone_id)


class DailySalt(models.Model):
    """The secret mixed into the day's visitor hashes; yesterday's is deleted."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.day.isoformat()


class Visit(models.Model):
    """A visitor seen recently: a salted hash, the last time seen. Older rows are deleted."""

    visitor = models.CharField(max_length=64, unique=True)
    last_seen = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.visitor[:8]}… {self.last_seen:%H:%M:%S}"


class Attempt(models.Model):
    """One use of a rate-limited form (a comment, a dossier lookup) by a hashed address."""

    kind = models.CharField(max_length=16)
    sender = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["kind", "sender", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.sender[:8]}… {self.at:%H:%M:%S}"
