"""A news article's Markdown as HTML that is safe to show: rendered by markdown-it-py
(CommonMark, tables; raw HTML is not markup but text), then cleaned by nh3 to an allow-list.

Headings move so that the text's highest is an ``h2`` (the article's title is the page's only
``h1``), keeping their order, so a reader never meets a skipped level; pictures in
the text are dropped (an article has one uploaded picture, checked by ``rules``); links
may go to http, https and mailto addresses only and get ``rel="nofollow noopener"``.
"""

from __future__ import annotations

from functools import cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
    "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def markdown_html(text: str) -> SafeString:
    """The Markdown ``text`` as sanitized HTML."""
    parser = _parser()
    tokens = parser.parse(text or "")
    headings = [token for token in tokens if token.type in ("heading_open", "heading_close")]
    if headings:
        shift = 2 - min(int(token.tag[1]) for token in headings)
        for token in headings:
            token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
    html = parser.renderer.render(tokens, parser.options, {})
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 to the allow-list above
