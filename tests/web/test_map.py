"""The zones' map: outlines over the province, served from this host, tiles only if configured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kcn.board.services import board_profile_update
from kcn.zones.models import Zone
from kcn.zones.rules import outline_from_geojson

OUTLINE = Path(__file__).resolve().parents[2] / "src/kcn/demo/hung-yen-outline.geojson"


def map_data(response) -> dict[str, Any]:
    data: dict[str, Any] = response.context["map_data"]
    return data


@pytest.mark.parametrize(
    ("role", "status"),
    [("leader", 200), ("specialist", 200), ("viewer", 200), ("enterprise", 403)],
)
def test_the_map_is_for_the_board(client_of, users, role, status):
    assert client_of(users[role]).get("/map/").status_code == status


def test_zones_with_an_outline_are_drawn_and_the_others_listed(client_of, users, board):
    Zone.objects.filter(code="Z1").update(
        geometry={
            "type": "Polygon",
            "coordinates": [[[106, 20.9], [106.1, 20.9], [106, 21], [106, 20.9]]],
        }
    )
    Zone.objects.create(code="Z2", name="KCN Không Hình")
    response = client_of(users["viewer"]).get("/map/")
    features = map_data(response)["zones"]["features"]
    assert [feature["properties"]["code"] for feature in features] == ["Z1"]
    assert features[0]["properties"]["url"] == "/zones/Z1/"
    assert [zone.code for zone in response.context["without_geometry"]] == ["Z2"]
    assert "KCN Không Hình" in response.content.decode()


def test_without_a_tile_server_nothing_comes_from_another_host(client_of, users, board):
    page = client_of(users["leader"]).get("/map/").content.decode()
    assert map_data(client_of(users["leader"]).get("/map/"))["tiles"] == ""
    assert "/static/leaflet/leaflet.js" in page
    assert not [url for url in ("http://", "https://", "//unpkg", "//cdn") if url in page]


def test_a_configured_tile_server_is_used(client_of, users, settings):
    settings.KCN_MAP_TILES = "https://tiles.example.vn/{z}/{x}/{y}.png"
    response = client_of(users["leader"]).get("/map/")
    assert map_data(response)["tiles"] == "https://tiles.example.vn/{z}/{x}/{y}.png"


def test_the_province_outline_comes_from_the_board_profile(client_of, users):
    board_profile_update(outline=outline_from_geojson(OUTLINE.read_text()))
    outline = map_data(client_of(users["leader"]).get("/map/"))["outline"]
    assert outline["type"] == "Polygon"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "not valid JSON"),
        ('{"type": "Point", "coordinates": [106, 21]}', "Polygon or MultiPolygon"),
        ('{"type": "FeatureCollection", "features": []}', "exactly one feature"),
    ],
)
def test_an_outline_that_is_not_a_polygon_is_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        outline_from_geojson(text)


def test_a_feature_collection_of_one_feature_is_accepted():
    feature = json.loads(OUTLINE.read_text())
    outline = outline_from_geojson(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert outline["type"] == "Polygon"
