"""Reads for the public portal: only what is published, never what is internal.

Every read the portal makes goes through here: published articles (never drafts), approved
comments (never held or rejected ones, never an e-mail address), published reports (their
frozen datasets), the zones' figures for investors, a dossier's status (never its
applicant), the procedures. The staff's pages read the queues from here too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.utils import translation

from kcn.core.collation import Vietnamese
from kcn.core.errors import KcnError
from kcn.core.periods import parse_period
from kcn.documents.models import Document
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import Dossier, Procedure
from kcn.dossiers.selectors import DueStatus, with_due_status
from kcn.projects.ledger import VALID, secondary_projects_as_of
from kcn.projects.models import Project
from kcn.publishing.models import (
    Article,
    ArticleStatus,
    Comment,
    CommentStatus,
    PortalSettings,
    ZoneListing,
)
from kcn.publishing.rules import folded
from kcn.reports.dataset import ReportDataset
from kcn.reports.document import compose
from kcn.reports.models import PublishedReport
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind

# -- news -------------------------------------------------------------------------------------


def published_articles() -> QuerySet[Article]:
    """Published news, newest first."""
    return Article.objects.filter(status=ArticleStatus.PUBLISHED).order_by("-published_at", "-pk")


def published_article(slug: str) -> Article | None:
    return published_articles().filter(slug=slug).first()


def article_search(text: str) -> QuerySet[Article]:
    """Published news whose title, summary or text contain every word of ``text``, with or
    without Vietnamese accents."""
    found = published_articles()
    for word in folded(text).split()[:8]:
        found = found.filter(search_text__contains=word)
    return found


def article_list(*, status: str = "", search: str = "") -> QuerySet[Article]:
    """Every article, drafts included, for the staff's list."""
    found = Article.objects.select_related("author").annotate(
        n_held=Count("comments", filter=Q(comments__status=CommentStatus.HELD))
    )
    if status in ArticleStatus.values:
        found = found.filter(status=status)
    for word in folded(search).split()[:8]:
        found = found.filter(search_text__contains=word)
    return found.order_by("status", "-published_at", "-created_at", "-pk")


def picture_is_public(name: str) -> bool:
    """Whether a published article shows the picture ``name`` (drafts' pictures are not)."""
    return bool(name) and published_articles().filter(picture=name).exists()


# -- comments ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownComment:
    """A comment as the portal shows it: no e-mail address, no moderation details."""

    name: str
    text: str
    submitted_at: dt.datetime


def approved_comments(*, article: Article | None = None, report_period: str = "") -> list[Any]:
    """The approved comments of an article or of a report, oldest first."""
    found = Comment.objects.filter(status=CommentStatus.APPROVED)
    found = found.filter(article=article) if article is not None else found
    found = (
        found.filter(report_period=report_period, article__isnull=True) if report_period else found
    )
    return [
        ShownComment(name, text, submitted_at)
        for name, text, submitted_at in found.order_by("submitted_at", "pk").values_list(
            "name", "text", "submitted_at"
        )
    ]


COMMENT_SORTS = {"submitted": "submitted_at", "status": "status"}


def comment_list(*, status: str = "", search: str = "") -> QuerySet[Comment]:
    """Comments for the staff's moderation queue: held ones first, oldest first."""
    found = Comment.objects.select_related("article", "moderated_by")
    if status in CommentStatus.values:
        found = found.filter(status=status)
    if search:
        found = found.filter(
            Q(name__icontains=search) | Q(text__icontains=search) | Q(email__icontains=search)
        )
    return found.order_by("submitted_at", "pk")


def held_comment_count() -> int:
    return Comment.objects.filter(status=CommentStatus.HELD).count()


# -- published reports ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportArticle:
    """A published report as the portal lists it: its latest version."""

    pk: int  # the published version's id: it never changes, so caches may keep it long
    period: str
    version: int
    number: str
    issued_on: dt.date
    published_at: dt.datetime
    title: str
    summary: list[str]


def published_versions() -> list[PublishedReport]:
    """The latest published version of every period, without their datasets, newest first."""
    latest: dict[str, PublishedReport] = {}
    for report in PublishedReport.objects.defer("dataset").order_by("period", "-version"):
        latest.setdefault(report.period, report)
    return sorted(latest.values(), key=lambda r: (r.issued_on, r.published_at), reverse=True)


def published_version(period: str) -> PublishedReport | None:
    """The latest published version of ``period`` (a period code), or None. Its dataset is
    read only when asked for (``report_dataset_of``): a cached page does not need it."""
    return (
        PublishedReport.objects.filter(period=period).defer("dataset").order_by("-version").first()
    )


def report_dataset_of(report: PublishedReport) -> ReportDataset:
    """The frozen dataset of a published version."""
    return ReportDataset.from_json(report.dataset)


def report_articles(lang: str) -> list[ReportArticle]:
    """Every published report (latest versions), titled in ``lang``, newest first."""
    versions = published_versions()
    datasets = dict(
        PublishedReport.objects.filter(pk__in=[r.pk for r in versions]).values_list("pk", "dataset")
    )
    articles = []
    with translation.override(lang):
        for report in versions:
            document = compose(
                ReportDataset.from_json(datasets[report.pk]), lang, with_charts=False
            )
            articles.append(
                ReportArticle(
                    pk=report.pk,
                    period=report.period,
                    version=report.version,
                    number=report.number,
                    issued_on=report.issued_on,
                    published_at=report.published_at,
                    title=document.title,
                    summary=document.summary,
                )
            )
    return articles


def reports_key() -> str:
    """What identifies the set of published reports: it changes when one is published."""
    found = PublishedReport.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return f"{found['n']}-{found['last'] or 0}"


def is_published_period(code: str) -> bool:
    try:
        period = parse_period(code)
    except KcnError:
        return False
    return period.code == code and PublishedReport.objects.filter(period=code).exists()


# -- settings and plans -----------------------------------------------------------------------


def portal_settings() -> PortalSettings:
    """The portal's settings; their defaults until staff save them."""
    found = PortalSettings.objects.filter(pk=1).first()
    return found if found is not None else PortalSettings(pk=1)


def shown_plans() -> list[Document]:
    """The thematic plans staff chose to show, oldest first; never a secret document."""
    return list(
        Document.objects.filter(pk__in=PortalSettings.plans.through.objects.values("document"))
        .filter(secret=False)
        .select_related("parent")
        .order_by("date", "symbol")
    )


def plan_choices() -> QuerySet[Document]:
    """Plans staff may show: plans (KH) that are not secret, newest first."""
    return Document.objects.filter(type="KH", secret=False).order_by("-date", "symbol")


# -- zones for investors ----------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneFigures:
    code: str
    name: str
    parent: str  # the zone this one is a phase or extension of
    district: str
    province: str
    area_ha: Decimal | None
    industrial_land_ha: Decimal | None
    leased_ha: Decimal
    projects: int  # valid projects in the zone
    developer: str
    contact: str
    description: str
    geometry: dict[str, Any] | None

    @property
    def occupancy(self) -> Decimal | None:
        """Land leased ÷ industrial land, in percent; None without industrial land (shown
        "-", as form 2103 of the Ministry's statistics does)."""
        if not self.industrial_land_ha:
            return None
        return self.leased_ha * 100 / self.industrial_land_ha

    @property
    def available_ha(self) -> Decimal | None:
        """Industrial land not yet leased (never below zero); None when unknown."""
        if self.industrial_land_ha is None:
            return None
        return max(self.industrial_land_ha - self.leased_ha, Decimal(0))

    @property
    def has_land(self) -> bool:
        return bool(self.available_ha)


def zone_figures(*, today: dt.date, lang: str, code: str | None = None) -> list[ZoneFigures]:
    """The zones shown on the portal with their figures as of ``today``, by name.

    Land leased is the sum of the zone's ``land_leased`` milestones up to ``today``;
    projects are the valid projects in the zone then (certified, not terminated).
    """
    hidden = ZoneListing.objects.filter(shown=False).values("zone")
    zones = Zone.objects.select_related("parent", "developer").exclude(pk__in=hidden)
    if code is not None:
        zones = zones.filter(code=code)
    found = list(zones.order_by(Vietnamese(F("name")), "code"))
    ids = [zone.pk for zone in found]
    leased = dict(
        ZoneEvent.objects.filter(zone__in=ids, event=ZoneEventKind.LAND_LEASED, date__lte=today)
        .order_by()
        .values("zone")
        .annotate(total=Sum("area_ha"))
        .values_list("zone", "total")
    )
    valid = secondary_projects_as_of(today).filter(VALID).filter(zone__in=ids).values("pk")
    projects = dict(
        Project.objects.filter(pk__in=valid)
        .order_by()
        .values("zone")
        .annotate(n=Count("pk"))
        .values_list("zone", "n")
    )
    listings = {listing.zone_id: listing for listing in ZoneListing.objects.filter(zone__in=ids)}
    figures = []
    for zone in found:
        listing = listings.get(zone.pk)
        description = ""
        if listing is not None:
            description = listing.description_en if lang == "en" else listing.description
            description = description or listing.description
        figures.append(
            ZoneFigures(
                code=zone.code,
                name=zone.name,
                parent=zone.parent.name if zone.parent else "",
                district=zone.district,
                province=zone.province,
                area_ha=zone.area_ha,
                industrial_land_ha=zone.industrial_land_ha,
                leased_ha=Decimal(leased.get(zone.pk) or 0),
                projects=projects.get(zone.pk, 0),
                developer=zone.developer.name if zone.developer else "",
                contact=listing.contact if listing else "",
                description=description,
                geometry=zone.geometry,
            )
        )
    return figures


def zone_listing_rows() -> list[tuple[Zone, ZoneListing | None]]:
    """Every zone with what the portal says about it, for the staff's settings page."""
    listings = {listing.zone_id: listing for listing in ZoneListing.objects.all()}
    return [(zone, listings.get(zone.pk)) for zone in Zone.objects.order_by("code")]


# -- the one-stop shop ------------------------------------------------------------------------


@dataclass(frozen=True)
class DossierStatus:
    """What the portal says about a dossier: its status and dates, nothing about who filed it.

    ``state``: ``received`` (on its first day), ``in_progress``, ``overdue`` (in progress past
    its due date), or resolved ``early``, ``on_time``, ``late``.
    """

    code: str
    procedure: str
    received_on: dt.date
    due_on: dt.date
    resolved_on: dt.date | None
    state: str


RESOLVED_STATES = {DueStatus.EARLY, DueStatus.ON_TIME, DueStatus.LATE}


def dossier_status(code: str, *, today: dt.date) -> DossierStatus | None:
    """The status of the dossier with receipt number ``code`` (exactly), or None."""
    code = code.strip()
    if not code:
        return None
    row = (
        with_due_status(Dossier.objects.filter(code=code), today, board_calendar())
        .values("code", "procedure__name", "received_on", "due_on", "resolved_on", "due_status")  # type: ignore[misc]
        .first()
    )
    if row is None:
        return None
    status = row["due_status"]
    if status in RESOLVED_STATES:
        state = str(status)
    elif status == DueStatus.OVERDUE:
        state = "overdue"
    elif row["received_on"] >= today:
        state = "received"
    else:
        state = "in_progress"
    return DossierStatus(
        code=row["code"],
        procedure=row["procedure__name"],
        received_on=row["received_on"],
        due_on=row["due_on"],
        resolved_on=row["resolved_on"] if status in RESOLVED_STATES else None,
        state=state,
    )


def procedure_list() -> QuerySet[Procedure]:
    return Procedure.objects.order_by("code")
