"""Investors read each zone's land; the public reads the procedures and a dossier's status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client

from kcn.publishing.services import zone_listing_update
from kcn.zones.models import Zone
from tests import factories as f


def zones(db: None) -> None:
    f.zone("Z1", name="KCN Có Đất", industrial_land_ha=Decimal("200"), geometry=None)
    f.zone("Z2", name="KCN Đã Kín", industrial_land_ha=Decimal("100"))
    f.zone("Z3", name="KCN Quy Hoạch")
    f.zone_event("Z1", dt.date(2021, 1, 1), "land_leased", "50")
    f.zone_event("Z2", dt.date(2021, 1, 1), "land_leased", "100")


def test_the_zones_page_gives_each_zones_land_as_text(visitor: Client, db: None) -> None:
    zones(db)
    page = visitor.get("/portal/khu-cong-nghiep/").content.decode()
    main = page.split("<main", 1)[1]
    for name in ("KCN Có Đất", "KCN Đã Kín", "KCN Quy Hoạch"):
        assert name in main
    assert 'data-label="Tỷ lệ lấp đầy">25%</td>' in main  # 50 of 200 ha
    assert 'data-label="Tỷ lệ lấp đầy">-</td>' in main  # no industrial land: no occupancy


def test_investors_can_keep_only_the_zones_with_land(visitor: Client, db: None) -> None:
    zones(db)
    main = visitor.get("/portal/khu-cong-nghiep/?con-dat=1").content.decode().split("<main", 1)[1]
    assert "KCN Có Đất" in main
    assert "KCN Đã Kín" not in main
    assert "KCN Quy Hoạch" not in main


def test_a_zones_page_names_its_developer_and_contact_and_draws_its_outline(
    visitor: Client, db: None
) -> None:
    outline = {
        "type": "Polygon",
        "coordinates": [[[106.0, 20.9], [106.1, 20.9], [106.1, 21.0], [106.0, 20.9]]],
    }
    zone = f.zone("Z1", name="KCN Có Đất", industrial_land_ha=Decimal("200"))
    Zone.objects.filter(pk=zone.pk).update(
        developer=f.investor("VN-1", country="VN", name="Công ty Hạ tầng"), geometry=outline
    )
    zone_listing_update(zone=zone, shown=True, contact="Phòng xúc tiến: 0221 111")
    page = visitor.get("/portal/khu-cong-nghiep/Z1/").content.decode()
    assert "Công ty Hạ tầng" in page
    assert "Phòng xúc tiến: 0221 111" in page
    assert 'id="map-data" type="application/json"' in page
    assert '<script src="/static/portal/zones-map.js">' in page


def test_a_hidden_or_unknown_zone_is_404(visitor: Client, db: None) -> None:
    zone_listing_update(zone=f.zone("Z1"), shown=False)
    assert visitor.get("/portal/khu-cong-nghiep/Z1/").status_code == 404
    assert visitor.get("/portal/khu-cong-nghiep/NONE/").status_code == 404
    assert "KCN Z1" not in visitor.get("/portal/khu-cong-nghiep/").content.decode()


def test_the_procedures_show_their_working_days(visitor: Client, db: None) -> None:
    f.procedure("IRC", working_days=15)
    page = visitor.get("/portal/thu-tuc/").content.decode()
    assert "<td>IRC</td>" in page
    assert '<td class="n">15</td>' in page


def test_a_dossier_lookup_gives_its_status_and_nothing_about_the_applicant(
    visitor: Client, db: None
) -> None:
    dossier = f.dossier("HS-0001", dt.date(2022, 1, 4), dt.date(2022, 1, 25), dt.date(2022, 1, 20))
    dossier.applicant = "Công ty TNHH Người Nộp"
    dossier.save()
    page = visitor.get("/portal/thu-tuc/?ma=HS-0001").content.decode()
    assert "Đã giải quyết trước hạn" in page
    assert "25/01/2022" in page
    assert "20/01/2022" in page
    assert "Người Nộp" not in page
    assert (
        "Không có hồ sơ nào có mã này" in visitor.get("/portal/thu-tuc/?ma=HS-9").content.decode()
    )


def test_the_eleventh_lookup_in_ten_minutes_is_refused_politely(visitor: Client, db: None) -> None:
    f.dossier("HS-0001", dt.date(2022, 1, 4), dt.date(2022, 1, 25))
    for number in range(10):
        assert visitor.get(f"/portal/thu-tuc/?ma=HS-{number}").status_code == 200
    response = visitor.get("/portal/thu-tuc/?ma=HS-0001")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Bạn đã tra cứu nhiều hồ sơ trong thời gian ngắn" in page
    assert "Đã giải quyết" not in page
    assert "Đang giải quyết" not in page
    assert Client(REMOTE_ADDR="198.51.100.9").get("/portal/thu-tuc/?ma=HS-0001").status_code == 200
