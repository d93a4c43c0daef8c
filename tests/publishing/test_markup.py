"""A news article's Markdown becomes HTML from an allow-list; anything else is text or gone."""

from __future__ import annotations

from kcn.publishing.markup import markdown_html


def test_paragraphs_emphasis_and_lists_become_html() -> None:
    html = markdown_html("Một **hai** *ba*\n\n- bốn\n- năm")
    assert "<p>Một <strong>hai</strong> <em>ba</em></p>" in html
    assert "<ul>\n<li>bốn</li>\n<li>năm</li>\n</ul>" in html


def test_the_texts_highest_heading_becomes_an_h2_under_the_page_title() -> None:
    html = markdown_html("# Tiêu đề\n\n## Mục")
    assert "<h2>Tiêu đề</h2>" in html
    assert "<h3>Mục</h3>" in html
    assert "<h1>" not in html
    html = markdown_html("## Mục\n\n### Tiểu mục\n\n#### Ý")
    assert tuple(line for line in html.splitlines() if line.startswith("<h")) == (
        "<h2>Mục</h2>",
        "<h3>Tiểu mục</h3>",
        "<h4>Ý</h4>",
    )


def test_raw_html_is_text_not_markup() -> None:
    html = markdown_html('<script>window.__xss=1</script><img src=x onerror="alert(1)"><b>b</b>')
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;" in html


def test_links_keep_only_web_and_mail_addresses_and_get_nofollow_noopener() -> None:
    html = markdown_html(
        "[ok](https://example.org/a) [mail](mailto:a@example.org) [bad](javascript:alert(1)) "
        "[data](data:text/html,x)"
    )
    assert '<a href="https://example.org/a" rel="nofollow noopener">ok</a>' in html
    assert 'href="mailto:a@example.org"' in html
    assert "javascript:" not in html.replace("[bad](javascript:alert(1))", "")
    assert 'href="javascript' not in html
    assert 'href="data:' not in html


def test_pictures_in_the_text_are_dropped_keeping_nothing_to_load() -> None:
    html = markdown_html("![a tracker](https://tracker.example/pixel.gif)")
    assert "<img" not in html
    assert "tracker.example" not in html


def test_tables_keep_their_cells_but_lose_inline_styles() -> None:
    html = markdown_html("| a | b |\n|--:|:-:|\n| 1 | 2 |")
    assert "<table>" in html
    assert "<td>1</td>" in html
    assert "style=" not in html
