"""News for the portal: the list of articles (drafts and published), writing and editing
one, its preview as the portal shows it, publishing it and taking it off."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.audit.selectors import record_history
from kcn.publishing import selectors, services
from kcn.publishing.markup import markdown_html
from kcn.publishing.models import Article, ArticleStatus
from kcn.publishing.rules import PICTURE_TYPES
from kcn.web.entry import run_service
from kcn.web.listing import page_of, requested_search
from kcn.web.news.forms import ArticleForm


def _page(article: Article) -> str:
    return reverse("news_detail", args=[article.pk])


@board_member
def news_list(request: HttpRequest) -> HttpResponse:
    found = selectors.article_list(
        status=request.GET.get("status", ""), search=requested_search(request)
    )
    return render(
        request,
        "web/news/list.html",
        {
            "page": page_of(request, found),
            "statuses": ArticleStatus.choices,
            "held": selectors.held_comment_count(),
        },
    )


@board_member
def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The article as the portal shows it, with what staff can do with it."""
    article = get_object_or_404(Article.objects.select_related("author"), pk=pk)
    return render(
        request,
        "web/news/detail.html",
        {
            "article": article,
            "body": markdown_html(article.body),
            "comments": article.comments.order_by("submitted_at", "pk"),
            "history": record_history(article),
            "held": selectors.held_comment_count(),
        },
    )


def _article_form(
    request: HttpRequest, form: ArticleForm, save: Any, *, title: str, cancel: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        result = run_service(form, lambda: save(form.cleaned_data))
        if result is not None:
            messages.success(request, _("Saved."))
            return redirect(_page(result))
    return render(
        request,
        "web/news/form.html",
        {"form": form, "title": title, "cancel": cancel, "held": selectors.held_comment_count()},
        status=400 if form.errors else 200,
    )


@editor
def news_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Article:
        return services.article_create(
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            picture=data["picture"],
            picture_alt=data["picture_alt"],
            actor=current_user(request),
        )

    form = ArticleForm(request.POST or None, request.FILES or None)
    del form.fields["remove_picture"]
    return _article_form(
        request, form, save, title=_("Write a news article"), cancel=reverse("news_list")
    )


@editor
def news_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)

    def save(data: dict[str, Any]) -> Article:
        services.article_update(
            article=article,
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            picture=data["picture"],
            picture_alt=data["picture_alt"],
            remove_picture=data.get("remove_picture", False),
            version=data["version"],
            actor=current_user(request),
        )
        return article

    initial = {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "picture_alt": article.picture_alt,
        "version": article.updated_at.isoformat(),
    }
    form = ArticleForm(request.POST or None, request.FILES or None, initial=initial)
    if not article.picture:
        del form.fields["remove_picture"]
    return _article_form(
        request,
        form,
        save,
        title=_("Edit “%(title)s”") % {"title": article.title},
        cancel=_page(article),
    )


@require_POST
@editor
def news_publish(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    services.article_publish(article=article, actor=current_user(request))
    messages.success(request, _("Published: the article is on the portal."))
    return redirect(_page(article))


@require_POST
@editor
def news_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    services.article_unpublish(article=article, actor=current_user(request))
    messages.success(request, _("The article is no longer on the portal."))
    return redirect(_page(article))


@board_member
def news_picture(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's picture for staff, also while the article is a draft."""
    article = get_object_or_404(Article, pk=pk)
    if not article.picture:
        raise Http404
    try:
        content = services.picture_path(article.picture).read_bytes()
    except OSError:
        raise Http404 from None
    response = HttpResponse(content, content_type=PICTURE_TYPES[article.picture.rsplit(".", 1)[1]])
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
