"""Open data: the published figures of every report as JSON and CSV, and their catalogue.

``/portal/du-lieu/<period>.json`` is byte for byte what ``kcn report --period P --format
json`` prints for a published period (its frozen dataset). The CSV has one row per indicator.
The catalogue is DCAT in JSON-LD (W3C Data Catalog Vocabulary), under the board's licence
(CC BY 4.0 unless the board sets another). An unpublished period answers 404.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kcn.core.periods import parse_period
from kcn.indicators.registry import INDICATORS
from kcn.portal.site import PUBLISHED_TIMEOUT, board_name, cached_as, latest_items, page
from kcn.portal.site import report_articles as published_reports
from kcn.portal.views import published_or_404
from kcn.publishing import selectors
from kcn.reports.json import dataset_json

CSV_HEADER = ["code", "name_vi", "name_en", "unit", "value", "ytd", "target", "percent"]


def _open(response: HttpResponse) -> HttpResponse:
    """Open data may be read by any site's scripts (it is public), and is kept a day."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def data_index(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "portal/data.html",
        {"section": "data", "reports": published_reports(), "latest": latest_items()},
    )


@require_safe
def data_json(request: HttpRequest, period: str) -> HttpResponse:
    published = published_or_404(period)
    text = cached_as(
        f"report:{published.pk}:json",
        lambda: dataset_json(selectors.report_dataset_of(published)) + "\n",
        timeout=PUBLISHED_TIMEOUT,
    )
    response = HttpResponse(text.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{published.period}.json"'
    return _open(response)


def _plain(value: Any) -> str:
    """A figure as the JSON writes it ("86.4", "145000000"); empty for none."""
    return "" if value is None else str(value)  # str(Decimal) is what simplejson writes


def indicators_csv(published: Any) -> str:
    dataset = selectors.report_dataset_of(published)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for code, figure in dataset.indicators.items():
        indicator = INDICATORS.get(code)
        with translation.override("vi"):
            name_vi = str(indicator.name) if indicator else code
        with translation.override("en"):
            name_en = str(indicator.name) if indicator else code
        writer.writerow(
            [
                code,
                name_vi,
                name_en,
                figure.unit.value,
                _plain(figure.value),
                _plain(figure.ytd),
                _plain(figure.target),
                _plain(figure.percent_of_target),
            ]
        )
    return buffer.getvalue()


@require_safe
def data_csv(request: HttpRequest, period: str) -> HttpResponse:
    published = published_or_404(period)
    text = cached_as(
        f"report:{published.pk}:csv",
        lambda: indicators_csv(published),
        timeout=PUBLISHED_TIMEOUT,
    )
    response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{published.period}.csv"'
    return _open(response)


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    """The catalogue of the open data, DCAT in JSON-LD."""
    settings = selectors.portal_settings()

    def absolute(name: str, *args: str) -> str:
        return request.build_absolute_uri(reverse(name, args=args))

    datasets = []
    for report in published_reports():
        start, end = _period_bounds(report.period)
        distributions = [
            _distribution(absolute("portal_data_json", report.period), "application/json", "JSON"),
            _distribution(absolute("portal_data_csv", report.period), "text/csv", "CSV"),
            _distribution(
                absolute("portal_report_file", report.period, "docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "DOCX",
            ),
            _distribution(
                absolute("portal_report_file", report.period, "pdf"), "application/pdf", "PDF"
            ),
        ]
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "@id": absolute("portal_data_json", report.period),
                "dct:identifier": report.period,
                "dct:title": report.title,
                "dct:description": " ".join(report.summary[:1]),
                "dct:issued": {"@value": report.issued_on.isoformat(), "@type": "xsd:date"},
                "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": {"@value": start, "@type": "xsd:date"},
                    "dcat:endDate": {"@value": end, "@type": "xsd:date"},
                },
                "dct:license": {"@id": settings.licence_url},
                "dcat:landingPage": {"@id": absolute("portal_report", report.period)},
                "dcat:distribution": distributions,
            }
        )
    data = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@type": "dcat:Catalog",
        "@id": absolute("portal_data_catalogue"),
        "dct:title": _("%(board)s: open data") % {"board": board_name()},
        "dct:language": translation.get_language() or "vi",
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": board_name()},
        "dct:license": {"@id": settings.licence_url, "dct:title": settings.licence},
        "foaf:homepage": {"@id": absolute("portal_data")},
        "dcat:dataset": datasets,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(text.encode("utf-8"), content_type="application/ld+json; charset=utf-8")
    return _open(response)


def _distribution(url: str, media_type: str, label: str) -> dict[str, Any]:
    return {
        "@type": "dcat:Distribution",
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": media_type,
        "dct:format": label,
    }


def _period_bounds(code: str) -> tuple[str, str]:
    period = parse_period(code)
    return period.start.isoformat(), period.end.isoformat()
