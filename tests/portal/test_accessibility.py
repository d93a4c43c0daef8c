"""What every page of the portal does for every reader: a language, a skip link, headings
in order, a label for every field, pictures with a description."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from kcn.publishing import services
from kcn.reports.models import PublishedReport
from tests.portal.test_pages import PAGES, png


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.fields: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag in ("input", "textarea", "select") and values.get("type") not in (
            "hidden", "submit"
        ):  # fmt: skip
            self.fields.append(values)
        elif tag == "label" and values.get("for"):
            self.labels.add(str(values["for"]))
        elif tag == "img":
            self.images.append(values)


@pytest.fixture
def news(published: PublishedReport) -> str:
    article = services.article_create(
        title="Tin có ảnh", body="# Mục\n\n## Tiểu mục", picture=png(), picture_alt="Nhà xưởng"
    )
    services.article_publish(article=article)
    return f"/portal/tin-tuc/{article.slug}/"


@pytest.mark.parametrize("url", [*PAGES, "news"])
def test_headings_never_skip_a_level_and_every_field_has_a_label(
    url: str, news: str, visitor: Client
) -> None:
    outline = Outline()
    outline.feed(visitor.get(news if url == "news" else url).content.decode())
    assert outline.headings[0] == 1
    for previous, current in zip(outline.headings, outline.headings[1:], strict=False):
        assert current <= previous + 1, outline.headings
    for field in outline.fields:
        assert field.get("id") in outline.labels, field
    for image in outline.images:
        assert image.get("alt"), image
