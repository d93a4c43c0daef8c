"""The portal's pages of articles: the home page, search, news, published reports (as
articles, with their Word and PDF files and their charts), readers' comments, pictures.

No page asks anyone to sign in. Only what is published is reachable: a draft article, an
unpublished period, a held comment or a draft's picture answers 404 or is simply absent.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_safe

from kcn.core.errors import KcnError, RecordError
from kcn.core.periods import parse_period
from kcn.portal.forms import CommentForm, SearchForm
from kcn.portal.site import (
    PUBLISHED_TIMEOUT,
    cached,
    cached_as,
    language,
    latest_items,
    page,
    report_articles,
    sender_of,
)
from kcn.publishing import selectors
from kcn.publishing.markup import markdown_html
from kcn.publishing.models import Article
from kcn.publishing.rules import PICTURE_NAME, PICTURE_TYPES, folded
from kcn.publishing.services import CommentRefused, comment_submit, picture_path
from kcn.reports.document import ReportDocument, compose
from kcn.reports.models import PublishedReport
from kcn.reports.render import render as render_document
from kcn.reports.render.markdown import report_stem

NEWS_PER_PAGE = 10
FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    reports = report_articles()
    return page(
        request,
        "portal/home.html",
        {
            "section": "home",
            "reports": reports[:5],
            "more_reports": len(reports) > 5,
            "news": list(selectors.published_articles()[:6]),
            "latest": latest_items(),
            "plans": cached("plans", selectors.shown_plans),
            "search_form": SearchForm(),
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    reports: list[selectors.ReportArticle] = []
    news: list[Article] = []
    if text:
        words = folded(text).split()
        reports = [
            report
            for report in report_articles()
            if all(word in folded(f"{report.title} {' '.join(report.summary)}") for word in words)
        ]
        news = list(selectors.article_search(text)[:50])
    return page(
        request,
        "portal/search.html",
        {
            "section": "search",
            "search_form": form,
            "text": text,
            "reports": reports,
            "news": news,
            "found": len(reports) + len(news),
            "latest": latest_items(),
        },
    )


# -- news -------------------------------------------------------------------------------------


@require_safe
def news_list(request: HttpRequest) -> HttpResponse:
    articles = Paginator(selectors.published_articles(), NEWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return page(
        request,
        "portal/news_list.html",
        {"section": "news", "page_obj": articles, "latest": latest_items()},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.published_article(slug)
    if found is None:
        raise Http404
    url = reverse("portal_article", args=[found.slug])
    form, refusal, status = _comment(request, url, article=found)
    if form is None:
        return redirect(f"{url}?da-gui=1#y-kien")
    body = cached(f"article:{found.pk}:body", lambda: markdown_html(found.body))
    return page(
        request,
        "portal/article.html",
        {
            "section": "news",
            "article": found,
            "body": body,
            "comments": selectors.approved_comments(article=found),
            "form": form,
            "refusal": refusal,
            "sent": request.GET.get("da-gui") == "1",
            "latest": latest_items(),
        },
        status=status,
    )


def _comment(
    request: HttpRequest, url: str, *, article: Article | None = None, report_period: str = ""
) -> tuple[CommentForm | None, str, int]:
    """The comment form of a page, and on a POST the comment submitted.

    Returns (None, "", 302) when a comment was taken (the caller redirects), else the form
    to show, a polite refusal if any, and the page's status."""
    if request.method != "POST":
        return CommentForm(), "", 200
    form = CommentForm(request.POST)
    if not form.is_valid():
        return form, "", 400
    data = form.cleaned_data
    now = timezone.now()
    try:
        comment_submit(
            name=data["name"],
            email=data["email"],
            text=data["text"],
            honeypot=data["website"],
            sender=sender_of(request, now),
            article=article,
            report_period=report_period,
            now=now,
        )
    except CommentRefused as refused:
        # A polite answer on the page itself, never an error page: a person who was
        # mistaken for a robot reads why, and what to do.
        return CommentForm(), str(refused), 429 if refused.reason == "rate" else 200
    except RecordError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return form, "", 400
    return None, "", 302


@require_safe
def picture(request: HttpRequest, name: str) -> HttpResponse:
    """A published article's picture, with its own content type and no sniffing."""
    if not PICTURE_NAME.match(name) or not selectors.picture_is_public(name):
        raise Http404
    return picture_response(name)


def picture_response(name: str) -> HttpResponse:
    try:
        content = picture_path(name).read_bytes()
    except OSError:
        raise Http404 from None
    response = HttpResponse(content, content_type=PICTURE_TYPES[name.rsplit(".", 1)[1]])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "public, max-age=86400"
    return response


# -- published reports ------------------------------------------------------------------------


def published_or_404(code: str) -> PublishedReport:
    """The latest published version of the period ``code``; 404 for anything else (a period
    never published, a draft, a code written another way)."""
    try:
        period = parse_period(code)
    except KcnError:
        raise Http404 from None
    report = selectors.published_version(period.code) if period.code == code else None
    if report is None:
        raise Http404
    return report


@require_safe
def report_list(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "portal/report_list.html",
        {"section": "reports", "reports": report_articles(), "latest": latest_items()},
    )


def _document(report: PublishedReport, lang: str) -> ReportDocument:
    """The report composed in ``lang``; its charts are kept for their own addresses."""
    document = compose(selectors.report_dataset_of(report), lang)
    for chart in document.charts:
        cached_as_chart(report, chart.name, chart.png)
    return document


def cached_as_chart(report: PublishedReport, name: str, png: bytes) -> None:
    cached_as(f"report:{report.pk}:chart:{name}", lambda: png, timeout=PUBLISHED_TIMEOUT)


def _article_html(report: PublishedReport) -> SafeString:
    lang = language()

    def render() -> SafeString:
        document = _document(report, lang)
        table = document.table
        rows = (
            [list(zip(row, table.numeric, strict=True)) for row in table.rows]
            if table is not None
            else []
        )
        return render_to_string(
            "portal/_report_body.html",
            {"doc": document, "table_rows": rows, "period": report.period},
        )

    return cached_as(f"report:{report.pk}:article", render, timeout=PUBLISHED_TIMEOUT)


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, period: str) -> HttpResponse:
    published = published_or_404(period)
    url = reverse("portal_report", args=[published.period])
    form, refusal, status = _comment(request, url, report_period=published.period)
    if form is None:
        return redirect(f"{url}?da-gui=1#y-kien")
    headline = next((item for item in report_articles() if item.period == published.period), None)
    return page(
        request,
        "portal/report.html",
        {
            "section": "reports",
            "report": published,
            "headline": headline,
            "body": _article_html(published),
            "comments": selectors.approved_comments(report_period=published.period),
            "form": form,
            "refusal": refusal,
            "sent": request.GET.get("da-gui") == "1",
            "latest": latest_items(),
        },
        status=status,
    )


@require_safe
def report_file(request: HttpRequest, period: str, fmt: str) -> HttpResponse:
    """The published report as Word or PDF, in the page's language."""
    published = published_or_404(period)
    if fmt not in FILE_TYPES:
        raise Http404
    lang = language()
    content = cached_as(
        f"report:{published.pk}:file:{fmt}",
        lambda: render_document(_document(published, lang), fmt),
        timeout=PUBLISHED_TIMEOUT,
    )
    response = HttpResponse(content, content_type=FILE_TYPES[fmt])
    name = report_stem(lang, published.period)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_safe
def report_chart(request: HttpRequest, period: str, name: str) -> HttpResponse:
    published = published_or_404(period)
    lang = language()

    def draw() -> bytes:
        for chart in _document(published, lang).charts:
            if chart.name == name:
                return chart.png
        raise Http404

    png = cached_as(f"report:{published.pk}:chart:{name}", draw, timeout=PUBLISHED_TIMEOUT)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"  # its words are in the page's language
    return response
