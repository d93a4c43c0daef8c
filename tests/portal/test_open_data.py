"""Open data: the published figures as the command gives them, a CSV, a DCAT catalogue, a
feed; a licence."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from django.test import Client
from django.utils import translation

from kcn.cli import main
from kcn.indicators.registry import INDICATORS
from kcn.publishing import services
from kcn.reports.dataset import ReportDataset
from kcn.reports.models import Narrative, PublishedReport
from tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_json_is_byte_for_byte_what_the_command_prints(
    published: PublishedReport,
    visitor: Client,
    capsysbinary,
) -> None:
    f.zone_event("Z1", published.issued_on, "infrastructure_built", "71")  # after publishing
    assert main(["report", "--period", "2022-Q1", "--format", "json"]) == 0
    printed = capsysbinary.readouterr().out
    response = visitor.get("/portal/du-lieu/2022-Q1.json")
    assert response.content == printed
    data = json.loads(response.content)
    assert data["indicators"]["infrastructure_built_ha"]["value"] == 29  # frozen, not 100
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_csv_has_one_row_per_indicator_with_both_names(
    published: PublishedReport, visitor: Client
) -> None:
    response = visitor.get("/portal/du-lieu/2022-Q1.csv")
    assert response["Content-Disposition"] == 'attachment; filename="2022-Q1.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert list(rows[0]) == [
        "code", "name_vi", "name_en", "unit", "value", "ytd", "target", "percent"
    ]  # fmt: skip
    assert [row["code"] for row in rows] == list(INDICATORS)
    built = next(row for row in rows if row["code"] == "infrastructure_built_ha")
    with translation.override("en"):
        assert built["name_en"] == str(INDICATORS["infrastructure_built_ha"].name)
    assert built["name_vi"] != built["name_en"]
    assert (built["unit"], built["value"], built["ytd"], built["target"]) == (
        "ha",
        "29",
        "29",
        "120",
    )
    assert built["percent"].startswith("24.1")
    empty = next(row for row in rows if row["code"] == "land_leased_ha")
    assert empty["target"] == empty["percent"] == ""


def test_the_catalogue_lists_each_published_period_with_its_files_and_licence(
    published: PublishedReport, visitor: Client
) -> None:
    data = json.loads(visitor.get("/portal/du-lieu/catalog.jsonld").content)
    assert data["@type"] == "dcat:Catalog"
    assert data["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
    (dataset,) = data["dcat:dataset"]
    assert dataset["dct:identifier"] == "2022-Q1"
    assert dataset["dct:issued"]["@value"] == "2022-03-28"
    assert dataset["dct:temporal"]["dcat:startDate"]["@value"] == "2022-01-01"
    urls = {item["dcat:downloadURL"]["@id"] for item in dataset["dcat:distribution"]}
    assert "http://testserver/portal/du-lieu/2022-Q1.csv" in urls
    assert "http://testserver/portal/bao-cao/2022-Q1/tai-ve.pdf" in urls


def test_the_data_page_names_the_licence_the_board_chose(
    published: PublishedReport, visitor: Client
) -> None:
    page = visitor.get("/portal/du-lieu/").content.decode()
    assert "CC BY 4.0" in page
    assert 'href="/portal/du-lieu/catalog.jsonld"' in page
    services.portal_settings_update(
        values={"licence": "ODC-BY 1.0", "licence_url": "https://opendatacommons.org/licenses/by/"},
        plans=[],
    )
    page = visitor.get("/portal/du-lieu/").content.decode()
    assert "ODC-BY 1.0" in page
    assert 'href="https://opendatacommons.org/licenses/by/"' in page


def test_the_feed_has_the_reports_and_news_newest_first(
    published: PublishedReport, visitor: Client
) -> None:
    article = services.article_create(title="Tin tháng Tư", summary="Tóm tắt")
    services.article_publish(article=article)
    Narrative.objects.all().delete()
    feed = ET.fromstring(visitor.get("/portal/feed/").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles[0] == "Tin tháng Tư"
    assert any("2022" in (title or "") for title in titles[1:])
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert "http://testserver/portal/bao-cao/2022-Q1/" in links


def test_a_published_dataset_keeps_the_registrys_order_on_every_database(
    published: PublishedReport,
) -> None:
    stored = PublishedReport.objects.get(pk=published.pk).dataset  # as the database gives it
    assert list(ReportDataset.from_json(stored).indicators) == list(INDICATORS)
