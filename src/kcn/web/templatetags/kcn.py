"""Template helpers: Vietnamese-style numbers and the lists' sort links.

Numbers are grouped whatever ``USE_THOUSAND_SEPARATOR`` says (years and codes
stay ungrouped): "3.000", "86,4", "145,06" in Vietnamese; "3,000", "86.4" in
English. The separators come from the active language's formats
(``kcn.config.formats``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kcn.audit.models import AuditEntry
from kcn.audit.readable import Change, entry_changes, record_type
from kcn.projects.models import Origin

register = template.Library()


def format_number(value: Any, places: int = 2) -> str:
    """``value`` grouped by thousands with at most ``places`` decimals, no trailing zeros."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "✓" if value else ""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    rounded = number.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return number_format(rounded.quantize(Decimal(1)), 0, force_grouping=True)
    decimals = len(str(rounded.normalize()).partition(".")[2])
    return number_format(rounded, decimals, force_grouping=True)


@register.filter
def num(value: Any, places: int = 2) -> str:
    return format_number(value, places)


@register.filter
def pct(value: Any) -> str:
    """A percentage with one decimal: "86,4%"; "–" for none."""
    if value is None or value == "":
        return "–"
    return f"{format_number(value, 1)}%"


@register.filter
def millions(value: Any) -> str:
    """An amount in millions, two decimals: 145060666.86 → "145,06"."""
    if value is None or value == "":
        return "–"
    return format_number(Decimal(value) / Decimal(1_000_000), 2)


@register.filter
def billions(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return format_number(Decimal(value) / Decimal(1_000_000_000), 2)


@register.filter
def bar_width(value: Any) -> str:
    """A percentage clamped to 0–100 for a progress bar's CSS width, "." as separator."""
    if value is None:
        return "0"
    return f"{max(0.0, min(100.0, float(value))):.1f}"


@register.simple_tag(takes_context=True)
def sort_header(context: dict[str, Any], key: str, label: str, numeric: bool = False) -> SafeString:
    """A column heading that sorts by ``key``; a second click reverses the order."""
    request: HttpRequest = context["request"]
    current = request.GET.get("sort", context.get("default_sort", ""))
    query = request.GET.copy()
    query.pop("page", None)
    if current == key:
        query["sort"] = f"-{key}"
        state, arrow = "ascending", " ▲"
    elif current == f"-{key}":
        query["sort"] = key
        state, arrow = "descending", " ▼"
    else:
        query["sort"] = key
        state, arrow = "none", ""
    return format_html(
        '<th scope="col"{} aria-sort="{}"><a href="?{}" title="{}">{}{}</a></th>',
        mark_safe(' class="n"') if numeric else "",
        state,
        query.urlencode(),
        _("Sort by this column"),
        label,
        arrow,
    )


@register.filter
def figure(value: Any, unit: str) -> str:
    """A figure in its unit the way the report writes it: USD in millions, VND in billions."""
    if value is None or value == "":
        return "–"
    if unit in ("USD", "VND") and value == 0:
        return f"0 {unit}"  # not "0 million USD"
    if unit == "USD":
        return _("%(amount)s million USD") % {"amount": millions(value)}
    if unit == "VND":
        return _("%(amount)s billion VND") % {"amount": billions(value)}
    if unit == "percent":
        return pct(value)
    if unit == "ha":
        return f"{format_number(value)} ha"
    return format_number(value)


@register.simple_tag
def records_url(code: str, period: Any, ytd: bool = False) -> str:
    """The drill-down page of ``code`` for ``period`` (its year to date with ``ytd``)."""
    query = {"period": str(period)}
    if ytd:
        query["ytd"] = "1"
    return f"{reverse('indicator', args=[code])}?{urlencode(query)}"


CHART_WIDTH, CHART_HEIGHT, PLOT_TOP, PLOT_BOTTOM = 360, 170, 18, 150


@register.inclusion_tag("web/dashboard/_chart.html")
def bar_chart(chart: Any) -> dict[str, Any]:
    """An inline SVG bar chart of a year by month; each bar links to its records."""
    highest = chart.highest or Decimal(1)
    slot = CHART_WIDTH / 12
    bars = []
    for index, bar in enumerate(chart.bars):
        amount = Decimal(bar.value or 0)
        height = float(amount / highest) * (PLOT_BOTTOM - PLOT_TOP)
        bars.append(
            {
                "x": f"{index * slot + slot * 0.15:.1f}",
                "y": f"{PLOT_BOTTOM - height:.1f}",
                "width": f"{slot * 0.7:.1f}",
                "height": f"{height:.1f}",
                "label_x": f"{index * slot + slot / 2:.1f}",
                "month": bar.period.start.month,
                "text": figure(bar.value, chart.indicator.unit),
                "url": records_url(chart.indicator.code, bar.period),
                "in_period": bar.in_period,
            }
        )
    return {
        "chart": chart,
        "bars": bars,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": PLOT_BOTTOM,
        "top": figure(chart.highest, chart.indicator.unit),
    }


@register.filter
def get(mapping: Any, key: str) -> Any:
    """``mapping[key]`` for keys a template cannot spell ("valid_projects.foreign")."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def origin_label(origin: str) -> str:
    return str(dict(Origin.choices).get(origin, origin))


@register.filter
def audit_changes(entry: AuditEntry) -> list[Change]:
    """An audit entry's values with field labels and formatted values (kcn.audit.readable)."""
    return entry_changes(entry)


@register.filter
def audit_record_type(entry: AuditEntry) -> str:
    return record_type(entry)
