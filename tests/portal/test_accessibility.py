"""What every page of the portal does for every reader: a language, a skip link, headings
in order, a label for every field, pictures with a description."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

import kcn
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


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_colours_keep_a_contrast_of_at_least_4_5_to_1() -> None:
    """WCAG 2.1 AA for normal text, for each colour of text on each background it is used on."""
    css = (Path(kcn.__file__).parent / "portal" / "static" / "portal" / "portal.css").read_text()
    colour = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    white = "#ffffff"
    pairs = [
        (colour["ink"], colour["card"]),
        (colour["muted"], colour["card"]),
        (colour["muted"], colour["bg"]),
        (colour["accent"], colour["card"]),
        (colour["accent"], colour["bg"]),
        (colour["brand-ink"], colour["brand"]),
        (white, colour["accent-dark"]),  # the menu
        (white, colour["accent"]),  # buttons
        (colour["ok"], colour["card"]),
        (colour["bad"], colour["card"]),
        (colour["warn"], colour["card"]),
        ("#f1f4f8", "#1f2a38"),  # the footer's text
        ("#cfe3ff", "#1f2a38"),  # the footer's links
    ]
    for text, background in pairs:
        assert contrast(text, background) >= 4.5, (text, background)
