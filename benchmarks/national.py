"""The national-scale benchmark: generate, import, report, and compare with a SQL floor.

A script run by hand, not part of the test suite (see benchmarks/README.md):

    .venv/bin/python benchmarks/national.py --scale 0.01 --db sqlite   # quick, 1 % size
    .venv/bin/python benchmarks/national.py --db both                  # the real thing

1. Generates national-scale data, deterministically (``random.Random(seed)``):
   450 zones, 30,000 investors, 60,450 projects with about 250,000 ledger
   events, about 600,000 labour reports, 2,000,000 dossiers, 50,000
   inspections, 100,000 documents, fx rates and targets. Rows are dicts keyed
   by the workbook's English column keys; the large sheets are generators.
2. Writes them as exchange workbooks under ``benchmarks/out/data-…/``:
   ``national-1.xlsx`` (everything and the first half of the dossiers),
   ``national-2.xlsx`` (the second half of the dossiers) and ``quarter.xlsx``
   (the first workbook of the same data at a quarter of the scale), reused
   when present.
3. Measures each step in its own subprocess (wall time, and peak RSS from
   ``os.wait4``): ``kcn init``, the imports, ``kcn report``; then, in one
   more subprocess, ``compute_indicators`` alone and the "floor" (one
   hand-written set-based SQL statement per table computing the same
   figures), best of 3, and checks that both give the same figures.
4. Prints a table and writes ``benchmarks/out/results-<db>.md`` (and .json).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
KCN = BIN / "kcn"
WITH_POSTGRES = ROOT / "scripts" / "with-postgres.sh"
# Bump when the generated data changes, so that cached workbooks are rebuilt.
GENERATOR_VERSION = 3

Row = dict[str, Any]

# --------------------------------------------------------------------------------------
# Sizes and the shape of the data
# --------------------------------------------------------------------------------------

FULL = {
    "zones": 450,
    "investors": 30_000,
    "projects": 60_000,  # secondary; plus one infrastructure project per zone
    "dossiers": 2_000_000,
    "inspections": 50_000,
    "documents": 100_000,
}
START = dt.date(2005, 1, 1)
END = dt.date(2024, 12, 31)
START_ORD, END_ORD = START.toordinal(), END.toordinal()
DOSSIER_YEARS = range(2015, 2025)
DOCUMENT_YEARS = range(2015, 2025)
TARGET_YEARS = range(2015, 2025)
LABOR_FROM = dt.date(2020, 7, 1)  # quarterly labour reports from 2020-Q3 on
DOMESTIC_SHARE = 0.63


PROVINCES: tuple[tuple[str, str, int], ...] = (  # name, abbreviation, weight (industry)
    ("Hà Nội", "HN", 9), ("TP. Hồ Chí Minh", "HCM", 9), ("Hải Phòng", "HP", 7),
    ("Đà Nẵng", "DNG", 4), ("Cần Thơ", "CT", 3), ("Hưng Yên", "HY", 6), ("Bắc Ninh", "BN", 8),
    ("Bắc Giang", "BG", 6), ("Hải Dương", "HD", 6), ("Vĩnh Phúc", "VP", 5),
    ("Thái Nguyên", "TN", 4), ("Quảng Ninh", "QN", 5), ("Hà Nam", "HNA", 4),
    ("Nam Định", "ND", 3), ("Thái Bình", "TB", 3), ("Ninh Bình", "NB", 3), ("Phú Thọ", "PT", 3),
    ("Thanh Hóa", "TH", 4), ("Nghệ An", "NA", 3), ("Hà Tĩnh", "HT", 2), ("Quảng Bình", "QB", 1),
    ("Quảng Trị", "QT", 1), ("Thừa Thiên Huế", "TTH", 2), ("Quảng Nam", "QNA", 3),
    ("Quảng Ngãi", "QNG", 2), ("Bình Định", "BD", 2), ("Phú Yên", "PY", 1),
    ("Khánh Hòa", "KH", 2), ("Ninh Thuận", "NT", 1), ("Bình Thuận", "BTH", 1),
    ("Đồng Nai", "DN", 9), ("Bình Dương", "BDG", 9), ("Bà Rịa - Vũng Tàu", "BRVT", 6),
    ("Tây Ninh", "TNI", 4), ("Bình Phước", "BP", 3), ("Long An", "LA", 7),
    ("Tiền Giang", "TG", 2), ("Bến Tre", "BT", 1), ("Vĩnh Long", "VL", 1), ("Trà Vinh", "TV", 1),
    ("Đồng Tháp", "DT", 1), ("An Giang", "AG", 1), ("Kiên Giang", "KG", 1),
    ("Hậu Giang", "HG", 1), ("Sóc Trăng", "ST", 1), ("Bạc Liêu", "BL", 1), ("Cà Mau", "CM", 1),
    ("Lâm Đồng", "LD", 1), ("Đắk Lắk", "DL", 1), ("Đắk Nông", "DNO", 1), ("Gia Lai", "GL", 1),
    ("Kon Tum", "KT", 1), ("Lào Cai", "LC", 1), ("Yên Bái", "YB", 1), ("Tuyên Quang", "TQ", 1),
    ("Hà Giang", "HGI", 1), ("Cao Bằng", "CB", 1), ("Lạng Sơn", "LS", 1), ("Bắc Kạn", "BK", 1),
    ("Hòa Bình", "HB", 1), ("Sơn La", "SL", 1), ("Điện Biên", "DB", 1), ("Lai Châu", "LCH", 1),
)  # fmt: skip
PROVINCE_CUM = [sum(w for _n, _a, w in PROVINCES[: i + 1]) for i in range(len(PROVINCES))]

PLACE_WORDS = (
    "Phố Nối", "Thăng Long", "Minh Đức", "Yên Mỹ", "Quang Minh", "Tân Tạo", "Vĩnh Lộc",
    "Hiệp Phước", "Nhơn Trạch", "Long Hậu", "Đình Vũ", "Tràng Duệ", "Long Đức", "Đồng An",
    "Mỹ Phước", "Bàu Bàng", "Quế Võ", "Yên Phong", "Vân Trung", "Quang Châu", "Đại An",
    "Nam Cầu Kiền", "Phúc Điền", "Bá Thiện", "Khai Quang", "Sông Công", "Điềm Thụy",
    "Châu Sơn", "Đồng Văn", "Hòa Xá", "Gián Khẩu", "Lễ Môn", "Nam Cấm", "Vũng Áng", "Hòa Khánh",
    "Điện Nam", "Tịnh Phong", "Phú Tài", "Suối Dầu", "Thành Hải", "Hàm Kiệm", "Amata",
    "Biên Hòa", "Sóng Thần", "Việt Hương", "Phú Mỹ", "Trảng Bàng", "Minh Hưng", "Đức Hòa",
    "Tân Hương", "Giao Long", "Hòa Phú", "Sa Đéc", "Bình Hòa", "Thạnh Lộc", "Sông Hậu",
)  # fmt: skip
COMPANY_WORDS_A = (
    "Hưng Thịnh", "An Phát", "Thành Công", "Phú Cường", "Đại Dương", "Minh Long", "Hoàng Gia",
    "Việt Tiến", "Tân Á", "Sao Mai", "Bình Minh", "Nam Việt", "Kim Long", "Trường Sơn",
    "Hòa Bình", "Thiên Phú", "Đông Á", "Hải Âu", "Phúc Lộc", "Toàn Cầu", "Vạn Xuân", "Lạc Hồng",
)  # fmt: skip
COMPANY_WORDS_B = (
    "Cơ khí", "Dệt may", "Điện tử", "Nhựa", "Bao bì", "Thép", "Thực phẩm", "Dược phẩm",
    "Gỗ", "Giày da", "Hóa chất", "Vật liệu xây dựng", "Linh kiện", "Logistics", "Năng lượng",
)  # fmt: skip
FOREIGN_WORDS = (
    "Hanwa", "Sunrise", "Pacific", "Orient", "Kyowa", "Daesung", "Shinwoo", "Everbright",
    "Golden Bridge", "Nitto", "Meiko", "Foster", "Luxon", "Goertek", "Hosiden", "Seojin",
    "Sumiden", "Taeyang", "Jinhua", "Asahi", "Vinatex", "Nordic", "Rhein", "Alpen", "Lotus",
)  # fmt: skip
FOREIGN_FORMS = ("Co., Ltd.", "Corporation", "Industrial Co.", "Holdings Pte. Ltd.", "Inc.")
PRODUCTS = (
    "linh kiện điện tử", "hàng may mặc", "bao bì nhựa", "khuôn mẫu", "thiết bị điện",
    "sản phẩm cơ khí chính xác", "giày dép", "thực phẩm chế biến", "dược phẩm", "đồ gỗ nội thất",
    "cấu kiện thép", "phụ tùng ô tô", "sợi và vải", "mỹ phẩm", "pin và ắc quy", "kho vận",
)  # fmt: skip
SECTORS = (
    "1010", "1079", "1410", "1520", "1621", "2013", "2100", "2220", "2310", "2410", "2511",
    "2592", "2610", "2640", "2710", "2720", "2790", "2813", "2930", "3100", "5210",
)  # fmt: skip
FOREIGN_COUNTRIES = (
    ("JP", 28), ("KR", 26), ("CN", 16), ("TW", 8), ("SG", 7), ("US", 4), ("DE", 3),
    ("TH", 2), ("MY", 2), ("HK", 2), ("FR", 1), ("NL", 1),
)  # fmt: skip
PROCEDURES = (  # code, name, working days, weight
    ("1.009741", "Cấp Giấy chứng nhận đăng ký đầu tư", 15, 6),
    ("1.009742", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", 10, 10),
    ("1.009743", "Chấp thuận chủ trương đầu tư", 30, 1),
    ("1.009744", "Tạm ngừng, ngừng hoạt động dự án đầu tư", 3, 1),
    ("1.009745", "Chấm dứt hoạt động dự án đầu tư", 15, 1),
    ("1.009746", "Cấp Giấy phép lao động cho người nước ngoài", 5, 22),
    ("1.009747", "Cấp lại Giấy phép lao động", 3, 8),
    ("1.009748", "Xác nhận người lao động không thuộc diện cấp giấy phép lao động", 3, 5),
    ("1.009749", "Đăng ký nội quy lao động", 7, 6),
    ("1.009750", "Cấp Giấy chứng nhận xuất xứ hàng hóa (C/O)", 1, 14),
    ("1.009751", "Cấp Giấy phép xây dựng", 20, 5),
    ("1.009752", "Thẩm định thiết kế cơ sở", 20, 2),
    ("1.009753", "Cấp Giấy phép kinh doanh hoạt động mua bán hàng hóa", 10, 3),
    ("1.009754", "Xác nhận hợp đồng cho thuê lại đất", 5, 4),
    ("1.009755", "Đăng ký hợp đồng nhận lao động thực tập", 5, 2),
    ("1.009756", "Thông báo thành lập văn phòng điều hành", 10, 1),
    ("1.009757", "Cấp bản sao văn bản chấp thuận", 2, 3),
    ("1.009758", "Báo cáo giám sát, đánh giá đầu tư", 10, 4),
    ("1.009759", "Gia hạn Giấy phép lao động", 5, 7),
    ("1.009760", "Điều chỉnh quy hoạch chi tiết xây dựng", 25, 1),
)  # fmt: skip
CALENDAR_OVERRIDES = {dt.date(2021, 2, 9): False, dt.date(2021, 2, 20): True}
FX_JANUARY = {
    2005: 15_750, 2006: 15_900, 2007: 16_050, 2008: 16_100, 2009: 16_980, 2010: 17_950,
    2011: 18_930, 2012: 20_800, 2013: 20_850, 2014: 21_100, 2015: 21_380, 2016: 21_900,
    2017: 22_400, 2018: 22_700, 2019: 23_150, 2020: 23_170, 2021: 23_100, 2022: 22_790,
    2023: 23_600, 2024: 24_300, 2025: 25_400,
}  # fmt: skip
TITLES = (
    "Về việc báo cáo tình hình thực hiện dự án đầu tư",
    "Về việc triển khai kế hoạch cải cách hành chính",
    "Về việc tăng cường công tác phòng cháy, chữa cháy", "Về việc giám sát, đánh giá đầu tư",
    "Về việc thu hút đầu tư vào các khu công nghiệp", "Về việc chăm lo đời sống người lao động",
    "Kế hoạch chuyển đổi số", "Về việc bảo vệ môi trường trong khu công nghiệp",
    "Về việc báo cáo tình hình lao động", "Thông báo kết luận của Trưởng ban",
)  # fmt: skip
DOC_TYPES_OUT = (("KH", 8), ("BC", 18), ("TB", 10), ("QĐ", 14), ("TTr", 4), ("GM", 6), ("CV", 40))
DOC_TYPES_IN = (("CV", 50), ("QĐ", 15), ("KH", 10), ("CTr", 3), ("TB", 12), ("NQ", 3), ("CT", 2))
CV_UNITS = ("QLĐT", "QLDN", "VP", "QHXD", "MT", "LĐ")

ZONE_EVENT_DOCS = {"policy_approved": "QĐ-TTg", "established": "QĐ-UBND", "planned": "QĐ-TTg"}


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def weighted(rng: random.Random, items: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([item for item, _w in items], weights=[w for _i, w in items])[0]


def province(rng: random.Random) -> int:
    return bisect.bisect_right(PROVINCE_CUM, rng.random() * PROVINCE_CUM[-1])


def quarter_ends(first: dt.date, last: dt.date) -> list[int]:
    """Ordinals of the quarter ends from the quarter of ``first`` to ``last`` inclusive."""
    out = []
    year, quarter = first.year, (first.month - 1) // 3
    while True:
        month = 3 * quarter + 3
        end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        if end > last:
            return out
        out.append(end.toordinal())
        quarter += 1
        if quarter == 4:
            year, quarter = year + 1, 0


def spread(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder): the parts sum to it."""
    scale = sum(weights)
    raw = [total * w / scale for w in weights]
    parts = [math.floor(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: parts[i] - raw[i])
    for index in by_remainder[: total - sum(parts)]:
        parts[index] += 1
    return parts


def tax_codes(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct valid Vietnamese tax codes (a few of them branches, ``-001``)."""
    from stdnum.vn.mst import calc_check_digit

    codes: list[str] = []
    serial = {prefix: rng.randrange(100_000, 400_000) for prefix in range(1, 97)}
    while len(codes) < count:
        prefix = rng.randrange(1, 97)
        serial[prefix] += rng.randrange(1, 300)
        first_nine = f"{prefix:02d}{serial[prefix]:07d}"
        check = calc_check_digit(first_nine)
        if len(check) != 1:  # no valid check digit for this serial
            continue
        code = first_nine + check
        if rng.random() < 0.02:
            code += f"-{rng.randrange(1, 20):03d}"
        codes.append(code)
    return codes


class Project:
    __slots__ = (
        "code",
        "currency",
        "events",
        "investor",
        "issued",
        "kind",
        "land_ha",
        "name",
        "operational",
        "origin",
        "sector",
        "size",
        "terminated",
        "zone_code",
    )  # fmt: skip

    def __init__(self, **values: Any) -> None:
        for key, value in values.items():
            setattr(self, key, value)
        self.events: list[tuple[int, str, int | None]] = []
        self.operational: int | None = None
        self.terminated: int | None = None


# --------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------


class Dataset:
    """National-scale data at ``scale``; rows as dicts keyed by the workbook's column keys."""

    def __init__(self, scale: float, seed: int = 2022) -> None:
        self.scale = scale
        self.seed = seed

        def n(key: str, minimum: int) -> int:
            return max(minimum, round(FULL[key] * scale))

        self.n_zones = n("zones", 4)
        self.n_investors = n("investors", 40)
        self.n_projects = n("projects", 80)
        self.n_inspections = n("inspections", 20)
        self.n_documents = n("documents", 100)
        self.dossiers = Dossiers(n("dossiers", 200), seed)
        rng = random.Random(seed)
        self.investors = self._investors(rng)
        self.domestic = [row["code"] for row in self.investors if row["country"] == "VN"]
        self.foreign = [
            (row["code"], row["country"]) for row in self.investors if row["country"] != "VN"
        ]
        self.zones, self.zone_events, self.zone_established = self._zones(rng)
        self.projects = self._projects(rng)
        self.target_documents = {year: f"{year - 2000:02d}/{year}/NQ-HĐND" for year in TARGET_YEARS}

    # -- investors, zones -----------------------------------------------------------

    def _investors(self, rng: random.Random) -> list[Row]:
        n_domestic = round(self.n_investors * DOMESTIC_SHARE)
        rows: list[Row] = []
        for code in tax_codes(rng, n_domestic):
            form = rng.choice(("TNHH", "Cổ phần", "TNHH MTV"))
            name = f"Công ty {form} {rng.choice(COMPANY_WORDS_B)} {rng.choice(COMPANY_WORDS_A)}"
            rows.append({"code": code, "name": name, "country": "VN"})
        per_country: dict[str, int] = {}
        for _ in range(self.n_investors - n_domestic):
            country = weighted(rng, FOREIGN_COUNTRIES)
            per_country[country] = per_country.get(country, 0) + 1
            code = f"{country}-{per_country[country]:06d}"
            words = f"{rng.choice(FOREIGN_WORDS)} {rng.choice(FOREIGN_WORDS)}"
            name = f"{words} {rng.choice(FOREIGN_FORMS)}"
            rows.append({"code": code, "name": name, "country": country})
        rng.shuffle(rows)
        return rows

    def _zones(self, rng: random.Random) -> tuple[list[Row], list[Row], dict[str, int]]:
        zones: list[Row] = []
        events: list[Row] = []
        established: dict[str, int] = {}
        per_province: dict[int, list[str]] = {}
        developers = self.investors[: max(10, self.n_zones)]
        decision = 100
        for _index in range(self.n_zones):
            p = province(rng)
            name_p, abbr, _w = PROVINCES[p]
            earlier = per_province.setdefault(p, [])
            parent = None
            if earlier and rng.random() < 0.15:
                parent = rng.choice(earlier)
                code = f"{parent}-{sum(1 for c in earlier if c.startswith(parent + '-')) + 2}"
                name = f"KCN {parent} mở rộng (giai đoạn {code.rsplit('-', 1)[1]})"
            else:
                code = f"{abbr}-{len(earlier) + 1:02d}"
                name = f"KCN {rng.choice(PLACE_WORDS)} {len(earlier) + 1}"
            earlier.append(code)
            area = round(min(1500.0, max(40.0, rng.lognormvariate(math.log(260), 0.6))), 2)
            developer = rng.choice(developers)
            lat, lon = rng.uniform(9.0, 22.5), rng.uniform(103.0, 109.0)
            side = math.sqrt(area) / 1000
            ring = [[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side]]
            ring = [[round(x, 5), round(y, 5)] for x, y in ring]
            zones.append(
                {
                    "_province": p,  # not a column: used for project codes
                    "code": code,
                    "name": name,
                    "province": name_p,
                    "district": f"Huyện {rng.choice(PLACE_WORDS)}",
                    "area_ha": Decimal(f"{area:.2f}"),
                    "industrial_land_ha": Decimal(f"{area * rng.uniform(0.62, 0.72):.2f}"),
                    "parent_code": parent,
                    "developer": developer["code"],
                    "geometry": json.dumps(
                        {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
                        separators=(",", ":"),
                    ),
                }
            )
            planned = rng.randrange(
                dt.date(2003, 1, 1).toordinal(), dt.date(2021, 6, 30).toordinal()
            )
            approved = planned + rng.randrange(150, 900)
            founded = approved + rng.randrange(60, 400)
            zone_rows = [(planned, "planned", None), (approved, "policy_approved", None)]
            if founded <= END_ORD - 60:
                zone_rows.append((founded, "established", None))
                established[code] = founded
                # Land: cleared first, built after, leased last, a step a year.
                goal = {
                    "land_cleared": area * rng.uniform(0.6, 1.0),
                    "infrastructure_built": area * rng.uniform(0.5, 0.9),
                    "land_leased": area * rng.uniform(0.3, 0.8),
                }
                done = dict.fromkeys(goal, 0.0)
                year = day(founded).year
                while year <= END.year:
                    for lag, kind in enumerate(goal):
                        if year < day(founded).year + lag:
                            continue
                        ceiling = (
                            goal[kind] if lag == 0 else min(goal[kind], done[list(goal)[lag - 1]])
                        )
                        step = min(ceiling - done[kind], area * rng.uniform(0.05, 0.25))
                        if step < 0.5:
                            continue
                        low = max(founded + 1, dt.date(year, 1, 1).toordinal())
                        high = min(END_ORD, dt.date(year, 12, 31).toordinal())
                        if low > high:
                            continue
                        when = rng.randrange(low, high + 1)
                        done[kind] += round(step, 2)
                        zone_rows.append((when, kind, Decimal(f"{step:.2f}")))
                    year += 1
            for when, kind, area_ha in sorted(zone_rows, key=lambda r: (r[0], r[1])):
                if when > END_ORD:
                    continue
                document = None
                if kind in ZONE_EVENT_DOCS:
                    decision += 1
                    document = f"{decision}/{ZONE_EVENT_DOCS[kind]}"
                events.append(
                    {
                        "zone_code": code,
                        "date": day(when),
                        "event": kind,
                        "area_ha": area_ha,
                        "document": document,
                    }
                )
        return zones, events, established

    # -- projects and their ledgers -----------------------------------------------

    def _projects(self, rng: random.Random) -> list[Project]:
        projects: list[Project] = []
        investor_country = {row["code"]: row["country"] for row in self.investors}
        for zone in self.zones:
            founded = self.zone_established.get(zone["code"])
            if founded is None:
                continue
            developer = zone["developer"]
            domestic = investor_country[developer] == "VN"
            project = Project(
                code=f"HT-{zone['code']}",
                name=f"Đầu tư xây dựng và kinh doanh hạ tầng {zone['name']}",
                zone_code=zone["code"],
                investor=developer,
                kind="infrastructure",
                origin="domestic" if domestic else "foreign",
                sector="6810",
                land_ha=zone["area_ha"],
                currency="VND" if domestic else "USD",
                size=0,
            )
            capital = (
                rng.randrange(500, 6000) * 1_000_000_000
                if domestic
                else rng.randrange(40, 400) * 1_000_000
            )
            issued = min(END_ORD - 10, max(START_ORD, founded + rng.randrange(0, 120)))
            self._ledger(rng, project, issued, capital, infrastructure=True)
            projects.append(project)
        # Zones in the order they open, with their cumulated areas: a project issued on a
        # day goes to a zone open for at least 30 days by then, in proportion to its area.
        open_zones = sorted(
            (z for z in self.zones if z["code"] in self.zone_established),
            key=lambda z: self.zone_established[z["code"]],
        )
        opened = [self.zone_established[z["code"]] + 30 for z in open_zones]
        cum: list[float] = []
        total = 0.0
        for zone in open_zones:
            total += float(zone["area_ha"])
            cum.append(total)
        # New projects a year grow by 7 % a year nationally.
        first_year = max(START.year, day(opened[0]).year)
        years = list(range(first_year, END.year + 1))
        year_cum = list(itertools.accumulate(1.07 ** (y - first_year) for y in years))
        for index in range(self.n_projects):
            year = years[bisect.bisect_right(year_cum, rng.random() * year_cum[-1])]
            low = max(opened[0], dt.date(year, 1, 1).toordinal())
            issued = rng.randrange(low, max(low, dt.date(year, 12, 31).toordinal()) + 1)
            eligible = bisect.bisect_right(opened, issued)
            zone = open_zones[bisect.bisect_right(cum, rng.random() * cum[eligible - 1])]
            domestic = rng.random() < DOMESTIC_SHARE
            if domestic:
                investor = self.domestic[int(len(self.domestic) * rng.random() ** 1.5)]
                currency = "VND"
                capital = max(1_000, round(rng.lognormvariate(math.log(90_000), 1.1))) * 1_000_000
            else:
                investor, _country = self.foreign[int(len(self.foreign) * rng.random() ** 1.5)]
                currency = "USD" if rng.random() < 0.9 else "VND"
                usd = max(100, round(rng.lognormvariate(math.log(8_000), 1.1))) * 1_000
                capital = usd if currency == "USD" else usd * 23_000
            product = rng.choice(PRODUCTS)
            project = Project(
                code=f"{zone['_province'] + 1:02d}{2_000_000 + index:08d}",
                name=f"Nhà máy {product} {rng.choice(COMPANY_WORDS_A)}",
                zone_code=zone["code"],
                investor=investor,
                kind="secondary",
                origin="domestic" if domestic else "foreign",
                sector=rng.choice(SECTORS),
                land_ha=Decimal(f"{rng.uniform(0.3, 25):.2f}"),
                currency=currency,
                size=min(40_000, 5 + round(rng.lognormvariate(math.log(180), 1.15))),
            )
            self._ledger(rng, project, issued, capital, infrastructure=False)
            projects.append(project)
        projects.sort(key=lambda p: p.code)
        return projects

    @staticmethod
    def _ledger(
        rng: random.Random, project: Project, issued: int, capital: int, *, infrastructure: bool
    ) -> None:
        """Events that obey the ledger rules, on distinct dates (see docs/reference/workbook.md)."""
        unit = 1_000 if project.currency == "USD" else 1_000_000
        used = {issued}
        horizon = END_ORD + 1  # exclusive
        if rng.random() < (0.03 if infrastructure else 0.11) and END_ORD - issued > 500:
            project.terminated = issued + rng.randrange(365, END_ORD - issued)
            horizon = project.terminated
            used.add(project.terminated)
        events: list[tuple[int, str, int | None]] = [(issued, "issued", capital)]
        if rng.random() < 0.9:
            start = issued + rng.randrange(90, 800 if not infrastructure else 1200)
            if start < horizon and start not in used:
                project.operational = start
                used.add(start)
                events.append((start, "operational", None))
        life_years = (horizon - issued) / 365.25
        count = int(life_years * 0.29 * rng.uniform(0.0, 2.0) + rng.random())
        dates = []
        for _ in range(count):
            if horizon - issued <= 31:
                break
            when = issued + rng.randrange(30, horizon - issued)
            while when in used:
                when += 1
            if when >= horizon:
                continue
            used.add(when)
            dates.append(when)
        current = capital
        for when in sorted(dates):
            draw = rng.random()
            if draw < 0.70:
                change: int | None = max(1, round(current * rng.uniform(0.1, 0.6) / unit)) * unit
            elif draw < 0.85 and current > 4 * unit:
                change = -max(1, round(current * rng.uniform(0.05, 0.3) / unit)) * unit
            else:
                change = None
            if change is not None:
                current += change
            events.append((when, "adjusted", change))
        if project.operational is not None and rng.random() < 0.06:
            room = horizon - project.operational - 2
            if room > 30:
                stop = project.operational + rng.randrange(1, room)
                if stop not in used:
                    used.add(stop)
                    events.append((stop, "suspended", None))
                    if rng.random() < 0.7:
                        back = stop + rng.randrange(30, 700)
                        if back < horizon and back not in used:
                            used.add(back)
                            events.append((back, "resumed", None))
        if project.terminated is not None:
            events.append((project.terminated, "terminated", None))
        events.sort()
        project.issued = issued
        project.events = events

    # -- sheets ----------------------------------------------------------------------

    def project_rows(self) -> Iterator[Row]:
        for p in self.projects:
            yield {
                "code": p.code,
                "name": p.name,
                "zone_code": p.zone_code,
                "investor": p.investor,
                "kind": p.kind,
                "origin": p.origin,
                "sector": p.sector,
                "land_ha": p.land_ha,
            }

    def project_event_rows(self) -> Iterator[Row]:
        for p in self.projects:
            adjustments = 0
            for when, kind, capital in p.events:
                certificate = note = None
                if kind == "issued":
                    certificate = p.code
                elif kind == "adjusted":
                    adjustments += 1
                    certificate = p.code
                    note = f"Điều chỉnh lần {adjustments}"
                yield {
                    "project_code": p.code,
                    "date": day(when),
                    "event": kind,
                    "capital": None if capital is None else Decimal(capital),
                    "currency": None if capital is None else p.currency,
                    "certificate_no": certificate,
                    "note": note,
                }

    def fx_rows(self) -> Iterator[Row]:
        for year in range(START.year, END.year + 1):
            low, high = FX_JANUARY[year], FX_JANUARY[year + 1]
            for month in range(12):
                rate = round(low + (high - low) * month / 12)
                yield {
                    "currency": "USD",
                    "valid_from": dt.date(year, month + 1, 1),
                    "vnd_per_unit": Decimal(rate),
                }

    def labor_rows(self) -> Iterator[Row]:
        """Quarterly reports of operating secondary projects from LABOR_FROM on."""
        rng = random.Random(f"{self.seed}:labor")
        for p in self.projects:
            if p.kind != "secondary" or p.operational is None:
                continue
            last = day(p.terminated - 1) if p.terminated else END
            ends = quarter_ends(day(p.operational), last)
            previous = 0
            for number, period_end in enumerate(ends):
                ramp = min(1.0, (number + 1) / 6)
                employees = max(1, round(p.size * ramp * rng.uniform(0.93, 1.07)))
                new_jobs = max(0, employees - previous)
                previous = employees
                if period_end < LABOR_FROM.toordinal() or rng.random() < 0.08:
                    continue  # before reports were collected, or not reported
                foreign = round(employees * rng.uniform(0, 0.03)) if p.origin == "foreign" else 0
                yield {
                    "project_code": p.code,
                    "period_end": day(period_end),
                    "employees": employees,
                    "foreign_employees": foreign,
                    "new_jobs": new_jobs,
                }

    def procedure_rows(self) -> list[Row]:
        return [
            {"code": code, "name": name, "working_days": days}
            for code, name, days, _w in PROCEDURES
        ]

    def calendar_rows(self) -> list[Row]:
        return [
            {"date": when, "kind": "working_day" if working else "holiday"}
            for when, working in CALENDAR_OVERRIDES.items()
        ]

    def inspection_rows(self) -> list[Row]:
        rng = random.Random(f"{self.seed}:inspections")
        first = dt.date(2015, 1, 1).toordinal()
        seen: set[tuple[int, int, str]] = set()
        rows: list[tuple[int, str, str, bool, str | None]] = []
        while len(rows) < self.n_inspections:
            index = rng.randrange(len(self.projects))
            p = self.projects[index]
            low = max(first, p.issued + 30)
            high = (p.terminated or END_ORD + 1) - 1
            if low > high:
                continue
            when = rng.randrange(low, high + 1)
            kind = "onsite" if rng.random() < 0.6 else "desk"
            if (index, when, kind) in seen:
                continue
            seen.add((index, when, kind))
            violation = rng.random() < 0.08
            note = (
                rng.choice(("Nhắc nhở về môi trường", "Chậm tiến độ", "Vi phạm PCCC"))
                if violation
                else None
            )
            rows.append((when, p.code, kind, violation, note))
        rows.sort()
        return [
            {"project_code": code, "date": day(when), "kind": kind, "violation": v, "note": note}
            for when, code, kind, v, note in rows
        ]

    def document_rows(self) -> Iterator[Row]:
        rng = random.Random(f"{self.seed}:documents")
        counters: dict[tuple[str, str], int] = {}
        years = list(DOCUMENT_YEARS)
        per_year = spread(self.n_documents - len(years), [1.05**i for i in range(len(years))])
        for year, count in zip(years, per_year, strict=True):
            first = dt.date(year, 1, 1).toordinal()
            last = dt.date(year, 12, 31).toordinal()
            plans: dict[str, list[str]] = {}
            rows: list[Row] = [
                {
                    "symbol": self.target_documents[year],
                    "date": dt.date(year - 1, 12, 10),
                    "type": "NQ",
                    "title": f"Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm {year}",
                    "issuer": "Hội đồng nhân dân",
                    "direction": "in",
                    "secret": False,
                    "digitized": True,
                    "electronic": True,
                    "parent_symbol": None,
                }
            ]
            for _ in range(count):
                p = province(rng)
                name_p, abbr, _w = PROVINCES[p]
                draw = rng.random()
                direction = "out" if draw < 0.45 else "in" if draw < 0.95 else "internal"
                types = DOC_TYPES_IN if direction == "in" else DOC_TYPES_OUT
                doc_type = weighted(rng, types)
                issuer_code = f"UBND{abbr}" if direction == "in" else f"BQL{abbr}"
                key = (issuer_code, doc_type)
                counters[key] = number = counters.get(key, 0) + 1
                if doc_type == "CV":
                    symbol = f"{number:02d}/{issuer_code}-{rng.choice(CV_UNITS)}"
                else:
                    symbol = f"{number:02d}/{doc_type}-{issuer_code}"
                parent = None
                if doc_type == "KH" and direction != "in":
                    siblings = plans.setdefault(issuer_code, [])
                    if siblings and rng.random() < 0.3:
                        parent = rng.choice(siblings)
                    else:
                        siblings.append(symbol)
                secret = rng.random() < 0.02
                rows.append(
                    {
                        "symbol": symbol,
                        "date": day(rng.randrange(first, last + 1)),
                        "type": None if rng.random() < 0.7 else doc_type,
                        "title": f"{rng.choice(TITLES)} ({name_p})",
                        "issuer": f"UBND tỉnh {name_p}"
                        if direction == "in"
                        else f"Ban Quản lý các KCN {name_p}",
                        "direction": direction,
                        "secret": secret,
                        "digitized": not secret and rng.random() < 0.95,
                        "electronic": not secret and rng.random() < 0.9,
                        "parent_symbol": parent,
                    }
                )
            rows.sort(key=lambda r: (r["date"], r["symbol"]))
            yield from rows

    def target_rows(self) -> list[Row]:
        s = self.scale
        plan = (  # indicator, national target at full scale, description
            ("zones_policy_approved", 12, "thành lập mới, mở rộng KCN"),
            ("infrastructure_built_ha", 3_000, "đầu tư xây dựng hạ tầng đất khu công nghiệp"),
            ("land_leased_ha", 2_500, "cho thuê đất công nghiệp"),
            ("new_projects", 5_500, "cấp mới dự án"),
            ("attracted_capital_usd_equiv", 30_000_000_000, "thu hút vốn đầu tư"),
            ("projects_started_operation", 3_500, "dự án đi vào hoạt động"),
            ("jobs_created", 150_000, "tạo việc làm mới"),
            ("inspections_onsite", 3_000, "giám sát tại địa điểm dự án"),
            ("dossiers_resolved_on_time_pct", 98, "hồ sơ TTHC giải quyết đúng hạn"),
            ("documents_digitized_pct", 90, "văn bản được số hóa"),
        )
        rows = []
        for year in TARGET_YEARS:
            growth = 1.05 ** (year - 2015)
            for indicator, value, description in plan:
                target = value if indicator.endswith("_pct") else max(1, round(value * s * growth))
                rows.append(
                    {
                        "year": year,
                        "indicator": indicator,
                        "target": Decimal(target),
                        "target_max": Decimal(round(target * 1.2))
                        if indicator.startswith("zones")
                        else None,
                        "assigned_by": self.target_documents[year],
                        "description": description,
                    }
                )
        return rows

    def first_workbook(self) -> dict[str, Iterable[Row]]:
        """Everything, and the first half of the dossiers."""
        return {
            "zones": self.zones,
            "zone_events": self.zone_events,
            "investors": self.investors,
            "projects": self.project_rows(),
            "project_events": self.project_event_rows(),
            "fx_rates": self.fx_rows(),
            "labor_reports": self.labor_rows(),
            "procedures": self.procedure_rows(),
            "dossiers": self.dossiers.rows(0, self.dossiers.half),
            "calendar": self.calendar_rows(),
            "inspections": self.inspection_rows(),
            "documents": self.document_rows(),
            "targets": self.target_rows(),
        }


class Dossiers:
    """The one-stop shop's dossiers 2015-2024, generated month by month.

    Each month has its own seeded generator and a fixed count, so that any
    slice (the first or second half) is produced without the rest.
    """

    def __init__(self, count: int, seed: int) -> None:
        from kcn.core.workdays import WorkingCalendar

        self.count = count
        self.half = count // 2
        self.seed = seed
        self.calendar = WorkingCalendar(CALENDAR_OVERRIDES)
        self.months = [(y, m) for y in DOSSIER_YEARS for m in range(1, 13)]
        weights = [1.08 ** (y - 2015 + m / 12) * (0.7 if m == 2 else 1.0) for y, m in self.months]
        self.counts = spread(count, weights)
        self.offsets = [0]
        for c in self.counts:
            self.offsets.append(self.offsets[-1] + c)
        self.procedures = [(code, days) for code, _n, days, _w in PROCEDURES]
        weights = [w for *_x, w in PROCEDURES]
        self.procedure_cum = [sum(weights[: i + 1]) for i in range(len(weights))]
        rng = random.Random(f"{seed}:applicants")
        self.applicants = [
            f"Công ty {rng.choice(('TNHH', 'Cổ phần'))} {rng.choice(COMPANY_WORDS_B)} "
            f"{rng.choice(COMPANY_WORDS_A)}"
            for _ in range(1500)
        ] + [
            f"{rng.choice(FOREIGN_WORDS)} {rng.choice(FOREIGN_FORMS)} Việt Nam" for _ in range(500)
        ]

    def rows(self, start: int, stop: int) -> Iterator[Row]:
        for index, (low, high) in enumerate(zip(self.offsets, self.offsets[1:], strict=False)):
            if high <= start or low >= stop:
                continue
            rows = self._month(index)
            yield from rows[max(start, low) - low : min(stop, high) - low]

    def _month(self, index: int) -> list[Row]:
        year, month = self.months[index]
        rng = random.Random(f"{self.seed}:dossiers:{index}")
        first = dt.date(year, month, 1)
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        workdays = [
            o
            for o in range(first.toordinal(), last.toordinal() + 1)
            if self.calendar.is_working_day(day(o))
        ]
        add = self.calendar.add_working_days
        received = sorted(rng.choice(workdays) for _ in range(self.counts[index]))
        sequence: dict[tuple[int, int], int] = {}
        rows: list[Row] = []
        labels: dict[int, str] = {}
        top = self.procedure_cum[-1]
        for ordinal in received:
            when = day(ordinal)
            label = labels.get(ordinal) or labels.setdefault(ordinal, f"{when:%y%m%d}")
            code, days = self.procedures[
                bisect.bisect_right(self.procedure_cum, rng.random() * top)
            ]
            p = province(rng)
            sequence[(p, ordinal)] = seq = sequence.get((p, ordinal), 0) + 1
            due = add(when, days)
            draw = rng.random()
            resolved: dt.date | None
            if (END_ORD - ordinal < 30 and draw < 0.3) or rng.random() < 0.003:
                resolved = None
            else:
                draw = rng.random()
                if draw < 0.80:
                    n = rng.randint(1, max(1, days - 1))
                elif draw < 0.92:
                    n = days
                else:
                    n = days + rng.randint(1, 8)
                resolved = add(when, n)
                if resolved > END:
                    resolved = None
            channel, outcome = rng.random(), rng.random()
            rows.append(
                {
                    "code": f"000.00.{p + 1:02d}.H{p + 1:02d}-{label}-{seq:04d}",
                    "procedure_code": code,
                    "applicant": rng.choice(self.applicants),
                    "received_on": when,
                    "due_on": due if rng.random() < 0.25 else None,
                    "resolved_on": resolved,
                    "channel": "online"
                    if channel < 0.6
                    else "counter"
                    if channel < 0.95
                    else "post",
                    "result": None
                    if resolved is None
                    else "approved"
                    if outcome < 0.9
                    else "returned"
                    if outcome < 0.97
                    else "refused",
                }
            )
        rows.sort(key=lambda r: (r["received_on"], r["code"]))
        return rows


# --------------------------------------------------------------------------------------
# Writing the workbooks (cached)
# --------------------------------------------------------------------------------------


def write_book(path: Path, sheets: dict[str, Iterable[Row]]) -> dict[str, int]:
    """Write ``{sheet: rows}`` with English-key headers, streaming; rows written per sheet."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
    import django

    django.setup()
    from kcn.exchange.schema import SHEETS_BY_NAME, WORKBOOK_ORDER
    from kcn.exchange.xlsx import write_workbook

    counts: dict[str, int] = {}

    def rows(name: str, items: Iterable[Row]) -> Iterator[list[Any]]:
        keys = SHEETS_BY_NAME[name].keys
        count = 0
        for item in items:
            count += 1
            yield [item.get(key) for key in keys]
        counts[name] = count

    temporary = path.with_suffix(".tmp.xlsx")
    write_workbook(
        temporary,
        [
            (name, SHEETS_BY_NAME[name].keys, rows(name, sheets[name]))
            for name in WORKBOOK_ORDER
            if name in sheets
        ],
    )
    temporary.rename(path)
    return counts


def data_dir(scale: float, seed: int) -> Path:
    return OUT / f"data-s{scale:g}-seed{seed}"


def _write_job(job: str, scale: float, seed: int, folder: str) -> dict[str, Any]:
    """One workbook, in a worker process: returns its rows per sheet and timings."""
    started = time.perf_counter()
    if job == "national-2":
        dossiers = Dossiers(max(200, round(FULL["dossiers"] * scale)), seed)
        built = time.perf_counter()
        counts = write_book(
            Path(folder) / "national-2.xlsx",
            {"dossiers": dossiers.rows(dossiers.half, dossiers.count)},
        )
    else:
        dataset = Dataset(scale / 4 if job == "quarter" else scale, seed)
        built = time.perf_counter()
        counts = write_book(Path(folder) / f"{job}.xlsx", dataset.first_workbook())
    done = time.perf_counter()
    return {"rows": counts, "build_s": built - started, "write_s": done - built}


def generate(scale: float, seed: int, *, force: bool = False) -> dict[str, Any]:
    """The workbooks of ``scale``, generated unless cached; returns the manifest."""
    folder = data_dir(scale, seed)
    manifest_path = folder / "manifest.json"
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("version") == GENERATOR_VERSION and all(
            (folder / f"{job}.xlsx").exists() for job in manifest["files"]
        ):
            print(f"Reusing the workbooks in {folder.relative_to(ROOT)}")
            return manifest
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Generating the workbooks of scale {scale:g} into {folder.relative_to(ROOT)} …")
    started = time.perf_counter()
    files: dict[str, Any] = {}
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {
            job: pool.submit(_write_job, job, scale, seed, str(folder))
            for job in ("national-1", "national-2", "quarter")
        }
        for job, future in futures.items():
            files[job] = future.result()
            files[job]["size_mb"] = (folder / f"{job}.xlsx").stat().st_size / 2**20
            files[job]["total_rows"] = sum(files[job]["rows"].values())
            print(
                f"  {job}.xlsx: {files[job]['total_rows']:,} rows, "
                f"{files[job]['size_mb']:.1f} MB (data {files[job]['build_s']:.1f} s, "
                f"writing {files[job]['write_s']:.1f} s)"
            )
    manifest = {
        "version": GENERATOR_VERSION,
        "scale": scale,
        "seed": seed,
        "files": files,
        "generation_s": time.perf_counter() - started,
    }
    manifest_path.write_text(json.dumps(manifest, indent=2))
    print(f"  generated in {manifest['generation_s']:.0f} s")
    return manifest


# --------------------------------------------------------------------------------------
# Running steps in subprocesses
# --------------------------------------------------------------------------------------


PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def process_tree(root: int) -> list[int]:
    """``root`` and its living descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def tree_rss_mb(root: int) -> tuple[float, int]:
    """The summed RSS of a process tree, and how many processes it has."""
    total, count = 0.0, 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE_MB
                count += 1
        except (OSError, ValueError, IndexError):
            continue
    return total, count


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and its children every 0.2 s; keeps the peak.

    ``os.wait4`` gives the peak of the largest single process only; the import parses
    big sheets in a child process at the same time, so the footprint is the sum.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self.peak_processes = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            total, count = tree_rss_mb(self.pid)
            if total > self.peak_mb:
                self.peak_mb = total
            self.peak_processes = max(self.peak_processes, count)


def run_step(
    name: str, argv: list[str], env: dict[str, str], log: Path, timeout: float = 6 * 3600
) -> dict[str, Any]:
    """Run ``argv``: wall time, exit code, the peak RSS of the process itself (os.wait4)
    and the sampled peak of the summed RSS of the process and its children."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as stream:
        stream.write(f"$ {' '.join(argv)}\n")
        stream.flush()
        started = time.perf_counter()
        process = subprocess.Popen(
            argv, env=env, stdout=stream, stderr=subprocess.STDOUT, start_new_session=True
        )
        killer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
        killer.start()
        sampler = TreeSampler(process.pid)
        sampler.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
            sampler.stopped.set()
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(errors="replace")
    step = {
        "step": name,
        "wall_s": wall,
        "rc": process.returncode,
        "maxrss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "tree_rss_mb": max(sampler.peak_mb, usage.ru_maxrss / 1024),
        "processes": sampler.peak_processes,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "log": str(log.relative_to(ROOT)),
        "output": output,
    }
    state = "ok" if process.returncode == 0 else f"FAILED (exit {process.returncode})"
    print(
        f"  {name:<38} {wall:9.1f} s  {step['maxrss_mb']:7.0f} MB  "
        f"(all processes {step['tree_rss_mb']:5.0f} MB)  {state}",
        flush=True,
    )
    if process.returncode != 0:
        print("    " + "\n    ".join(output.strip().splitlines()[-25:]), flush=True)
    return step


IMPORTED_RE = re.compile(r"imported: (\d+) rows")


def imported_rows(output: str) -> int | None:
    match = IMPORTED_RE.search(output)
    return int(match[1]) if match else None


def database_env(database: str, data: Path, url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KCN_DATA_DIR"] = str(data)
    env["KCN_LANG"] = "en"
    env.pop("KCN_DEBUG", None)
    if database == "postgres":
        assert url
        env["DATABASE_URL"] = url
    return env


def fresh_database(database: str, name: str, work: Path) -> tuple[Path, str | None]:
    """A new empty database: a new data folder for SQLite, a new database on the PG server."""
    data = work / name
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    if database == "sqlite":
        return data, None
    import psycopg

    base = os.environ["DATABASE_URL"]
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return data, re.sub(r"/[^/?]+\?", f"/{name}?", base, count=1)


def database_size_mb(database: str, data: Path, url: str | None) -> float:
    if database == "sqlite":
        return sum(f.stat().st_size for f in data.glob("kcn.sqlite3*")) / 2**20
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute("SELECT pg_database_size(current_database())").fetchone()
    return row[0] / 2**20 if row else 0.0


def measure(args: argparse.Namespace, database: str) -> dict[str, Any]:
    manifest = generate(args.scale, args.seed, force=False) if not args.skip_generate else None
    folder = data_dir(args.scale, args.seed)
    if manifest is None:
        manifest_path = folder / "manifest.json"
        if not manifest_path.exists():
            sys.exit(f"--skip-generate: no workbooks in {folder}; run without it first")
        manifest = json.loads(manifest_path.read_text())
    work = OUT / f"run-{database}-s{args.scale:g}"
    work.mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    steps: list[dict[str, Any]] = []
    info: dict[str, Any] = {
        "database": database,
        "scale": args.scale,
        "seed": args.seed,
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "source": source_fingerprint(),
    }
    print(f"\n== {database} (scale {args.scale:g}) ==", flush=True)
    kcn = [str(KCN), "--lang", "en"]

    # The import of a quarter-size workbook, into its own fresh database.
    data_q, url_q = fresh_database(database, "kcn_quarter", work)
    env_q = database_env(database, data_q, url_q)
    run_step("init (quarter db)", [*kcn, "init"], env_q, logs / "init-quarter.txt")
    step = run_step(
        "import quarter.xlsx",
        [*kcn, "import", str(folder / "quarter.xlsx")],
        env_q,
        logs / "import-quarter.txt",
    )
    step["file"] = "quarter.xlsx"
    steps.append(step)

    data, url = fresh_database(database, "kcn_national", work)
    env = database_env(database, data, url)
    steps.append(run_step("kcn init", [*kcn, "init"], env, logs / "init.txt"))
    for part in ("national-1", "national-2"):
        step = run_step(
            f"import {part}.xlsx",
            [*kcn, "import", str(folder / f"{part}.xlsx")],
            env,
            logs / f"import-{part}.txt",
        )
        step["file"] = f"{part}.xlsx"
        steps.append(step)
    for step in steps:
        if "file" in step:
            job = step["file"].removesuffix(".xlsx")
            step["rows"] = imported_rows(step["output"]) or manifest["files"][job]["total_rows"]
            step["rows_s"] = step["rows"] / step["wall_s"] if step["rc"] == 0 else None
            step["size_mb"] = manifest["files"][job]["size_mb"]
    info["db_size_mb"] = database_size_mb(database, data, url)

    reports: dict[str, Any] = {}
    for period in args.periods:
        runs = [
            run_step(
                f"kcn report --period {period} #{i + 1}",
                [*kcn, "report", "--period", period, "--format", "json", "-o",
                 str(work / f"report-{period}.json")],
                env,
                logs / f"report-{period}-{i + 1}.txt",
            )
            for i in range(args.repeat)
        ]  # fmt: skip
        reports[period] = {
            "first_s": runs[0]["wall_s"],
            "best_s": min(r["wall_s"] for r in runs),
            "maxrss_mb": max(r["maxrss_mb"] for r in runs),
            "ok": all(r["rc"] == 0 for r in runs),
            "error": next((r["output"][-2000:] for r in runs if r["rc"] != 0), None),
        }
    inner = run_step(
        "compute_indicators and floor",
        [str(PYTHON), __file__, "_inner", "--repeat", str(args.repeat), *args.periods],
        env,
        logs / "inner.txt",
    )
    inner_json = work / "inner.json"
    in_process = None
    if inner["rc"] == 0:
        in_process = json.loads(inner["output"].split("@@JSON@@", 1)[1])
        inner_json.write_text(json.dumps(in_process, indent=2))
    else:
        info["inner_error"] = inner["output"][-3000:]
    info.update(
        {
            "steps": [{k: v for k, v in s.items() if k != "output"} for s in steps],
            "errors": {s["step"]: error_excerpt(s["output"]) for s in steps if s["rc"] != 0},
            "reports": reports,
            "in_process": in_process,
            "manifest": manifest,
        }
    )
    if database == "postgres":
        info["server"] = postgres_server_info()
    write_results(info)
    return info


def source_fingerprint() -> dict[str, Any]:
    """What was measured: the commit, the modified files of src/, a hash of src/kcn/**.py."""
    import hashlib

    def git(*argv: str) -> str:
        result = subprocess.run(
            ["git", *argv], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return result.stdout.rstrip()

    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted((ROOT / "src" / "kcn").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    status = git("status", "--short", "src").splitlines()
    modified = [line[3:] for line in status if not line.startswith("??")]
    untracked = sum(1 for line in status if line.startswith("??"))
    if untracked:
        modified.append(f"{untracked} untracked paths")
    return {"commit": git("rev-parse", "HEAD"), "fingerprint": digest.hexdigest()[:12],
            "modified": modified}  # fmt: skip


def error_excerpt(output: str) -> str:
    """The first 40 lines of a failed step's output, and its last 10."""
    lines = output.strip().splitlines()
    if len(lines) > 50:
        lines = [*lines[:40], "…", *lines[-10:]]
    return "\n".join(lines)


def postgres_server_info() -> dict[str, str]:
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        out = {}
        for setting in (
            "server_version",
            "shared_buffers",
            "work_mem",
            "fsync",
            "synchronous_commit",
        ):
            row = connection.execute(f"SHOW {setting}").fetchone()
            out[setting] = row[0] if row else "?"
    return out


# --------------------------------------------------------------------------------------
# In-process measurement: compute_indicators vs the floor (runs with Django set up)
# --------------------------------------------------------------------------------------


def inner_main(periods: list[str], repeat: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.utils import translation

    from kcn.core.periods import parse_period
    from kcn.indicators.engine import compute_indicators, passes
    from kcn.indicators.measures import run_pass
    from kcn.indicators.registry import INDICATORS

    translation.activate("en")
    out: dict[str, Any] = {"vendor": connection.vendor, "periods": {}}
    for code in periods:
        period = parse_period(code)
        engine_times: list[float] = []
        result: dict[str, Any] = {}
        for _ in range(repeat):
            started = time.perf_counter()
            result = compute_indicators(period)
            engine_times.append(time.perf_counter() - started)
        # The engine's queries one by one: one pass per source (kcn.indicators.sources).
        families: dict[str, list[float]] = {}
        for _ in range(repeat):
            for one_pass in passes(period, list(INDICATORS.values())):
                started = time.perf_counter()
                run_pass(*one_pass)
                families.setdefault(one_pass[0].name, []).append(time.perf_counter() - started)
        floor_rounds: list[dict[str, float]] = []
        floor_values: dict[str, Any] = {}
        for _ in range(repeat):
            timings, floor_values = run_floor(connection, period.start, period.end)
            floor_rounds.append(timings)
        statements = {name: min(r[name] for r in floor_rounds) for name in floor_rounds[0]}
        engine_values = {c: v.value for c, v in result.items()}
        out["periods"][code] = {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "is_year_to_date": period.is_year_to_date,
            "engine_s": engine_times,
            "engine_best_s": min(engine_times),
            "families_best_s": {f: min(t) for f, t in families.items()},
            "floor_best_s": min(sum(r.values()) for r in floor_rounds),
            "floor_statements_best_s": statements,
            "mismatches": compare(engine_values, floor_values),
            "indicators": len(engine_values),
            "sample": {
                k: str(engine_values.get(k))
                for k in (
                    "new_projects",
                    "valid_projects",
                    "operating_projects",
                    "workforce",
                    "jobs_created",
                    "dossiers_received",
                    "dossiers_pending",
                    "dossiers_overdue",
                    "attracted_capital_usd_equiv",
                )
            },
        }
    print("@@JSON@@" + json.dumps(out, default=str))


def run_floor(
    connection: Any, start: dt.date, end: dt.date
) -> tuple[dict[str, float], dict[str, Any]]:
    """Hand-written set-based SQL, one statement per table, for the same figures."""
    from kcn.documents.models import Document
    from kcn.dossiers.models import Dossier
    from kcn.projects.models import ExchangeRate, Inspection, LaborReport, Project, ProjectEvent
    from kcn.zones.models import ZoneEvent

    t = {
        "event": ProjectEvent._meta.db_table,
        "project": Project._meta.db_table,
        "rate": ExchangeRate._meta.db_table,
        "labor": LaborReport._meta.db_table,
        "inspection": Inspection._meta.db_table,
        "dossier": Dossier._meta.db_table,
        "document": Document._meta.db_table,
        "zone_event": ZoneEvent._meta.db_table,
    }
    double = "DOUBLE PRECISION"
    ledger = f"""
        SELECT project_id,
               SUM(CASE WHEN event = 'issued' THEN 1 ELSE 0 END) AS n_issued,
               SUM(CASE WHEN event = 'terminated' THEN 1 ELSE 0 END) AS n_terminated,
               SUM(CASE WHEN event = 'operational' THEN 1 ELSE 0 END) AS n_operational,
               SUM(CASE WHEN event = 'suspended' THEN 1 ELSE 0 END) AS n_suspended,
               SUM(CASE WHEN event = 'resumed' THEN 1 ELSE 0 END) AS n_resumed
        FROM {t["event"]} WHERE date <= %s GROUP BY project_id"""
    valid = f"""
        SELECT s.project_id, p.origin, s.n_operational, s.n_suspended, s.n_resumed
        FROM ({ledger}) s JOIN {t["project"]} p ON p.id = s.project_id
        WHERE p.kind = 'secondary' AND s.n_issued > 0 AND s.n_terminated = 0"""
    statements: dict[str, tuple[str, list[Any]]] = {
        "project_events": (
            f"""
            WITH ev AS (
              SELECT p.kind, p.origin, e.project_id, e.event, e.capital, e.currency,
                     CASE WHEN e.currency = 'USD' THEN CAST(e.capital AS {double})
                          WHEN e.currency = 'VND' THEN CAST(e.capital AS {double}) / CAST((
                            SELECT r.vnd_per_unit FROM {t["rate"]} r
                            WHERE r.currency = 'USD' AND r.valid_from <= e.date
                            ORDER BY r.valid_from DESC LIMIT 1) AS {double})
                     END AS usd
              FROM {t["event"]} e JOIN {t["project"]} p ON p.id = e.project_id
              WHERE e.date BETWEEN %s AND %s
            )
            SELECT kind, origin,
              SUM(CASE WHEN event = 'issued' THEN 1 ELSE 0 END),
              SUM(CASE WHEN event = 'issued' THEN usd ELSE 0 END),
              SUM(CASE WHEN event = 'issued' AND currency = 'USD' THEN capital ELSE 0 END),
              SUM(CASE WHEN event = 'issued' AND currency = 'VND' THEN capital ELSE 0 END),
              COUNT(DISTINCT CASE WHEN event = 'adjusted' AND capital > 0 THEN project_id END),
              SUM(CASE WHEN event = 'adjusted' AND capital > 0 AND currency = 'USD'
                       THEN capital ELSE 0 END),
              SUM(CASE WHEN event = 'adjusted' AND capital > 0 AND currency = 'VND'
                       THEN capital ELSE 0 END),
              SUM(CASE WHEN event = 'adjusted' AND capital < 0 THEN -usd ELSE 0 END),
              SUM(CASE WHEN event = 'adjusted' AND capital > 0 THEN usd ELSE 0 END),
              SUM(CASE WHEN event = 'operational' THEN 1 ELSE 0 END),
              SUM(CASE WHEN event = 'terminated' THEN 1 ELSE 0 END),
              SUM(CASE WHEN capital IS NOT NULL AND usd IS NULL THEN 1 ELSE 0 END)
            FROM ev GROUP BY kind, origin""",
            [start, end],
        ),
        "project_stocks": (
            f"""
            SELECT v.origin, COUNT(*),
                   SUM(CASE WHEN v.n_operational > 0 AND v.n_suspended <= v.n_resumed
                            THEN 1 ELSE 0 END)
            FROM ({valid}) v GROUP BY v.origin""",
            [end],
        ),
        "labor": (
            f"""
            WITH v AS ({valid})
            SELECT
              (SELECT COALESCE(SUM(x.employees), 0) FROM (
                 SELECT (SELECT l.employees FROM {t["labor"]} l
                         WHERE l.project_id = v.project_id AND l.period_end <= %s
                         ORDER BY l.period_end DESC LIMIT 1) AS employees
                 FROM v) x),
              (SELECT COALESCE(SUM(new_jobs), 0) FROM {t["labor"]}
               WHERE period_end BETWEEN %s AND %s)""",
            [end, end, start, end],
        ),
        "inspections": (
            f"""
            SELECT SUM(CASE WHEN kind = 'onsite' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN violation THEN 1 ELSE 0 END)
            FROM {t["inspection"]} WHERE date BETWEEN %s AND %s""",
            [start, end],
        ),
        "dossiers": (
            f"""
            SELECT a.n, b.n, b.on_time, b.early, c.n - d.n, e.n FROM
              (SELECT COUNT(*) AS n FROM {t["dossier"]} WHERE received_on BETWEEN %s AND %s) a
            CROSS JOIN
              (SELECT COUNT(*) AS n,
                      SUM(CASE WHEN resolved_on <= due_on THEN 1 ELSE 0 END) AS on_time,
                      SUM(CASE WHEN resolved_on < due_on THEN 1 ELSE 0 END) AS early
               FROM {t["dossier"]} WHERE resolved_on BETWEEN %s AND %s) b
            CROSS JOIN
              (SELECT COUNT(*) AS n FROM {t["dossier"]} WHERE received_on <= %s) c
            CROSS JOIN
              (SELECT COUNT(*) AS n FROM {t["dossier"]} WHERE resolved_on <= %s) d
            CROSS JOIN
              (SELECT COUNT(*) AS n FROM {t["dossier"]}
               WHERE due_on < %s AND (resolved_on IS NULL OR resolved_on > %s)) e""",
            [start, end, start, end, end, end, end, end],
        ),
        "documents": (
            f"""
            SELECT SUM(CASE WHEN direction IN ('in', 'out') THEN 1 ELSE 0 END),
                   SUM(CASE WHEN direction IN ('in', 'out') AND digitized THEN 1 ELSE 0 END),
                   SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN direction = 'out' AND electronic THEN 1 ELSE 0 END)
            FROM {t["document"]} WHERE date BETWEEN %s AND %s AND NOT secret""",
            [start, end],
        ),
        "zone_events": (
            f"""
            SELECT SUM(CASE WHEN event = 'policy_approved' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN event = 'land_cleared' THEN area_ha ELSE 0 END),
                   SUM(CASE WHEN event = 'infrastructure_built' THEN area_ha ELSE 0 END),
                   SUM(CASE WHEN event = 'land_leased' THEN area_ha ELSE 0 END)
            FROM {t["zone_event"]} WHERE date BETWEEN %s AND %s""",
            [start, end],
        ),
    }
    timings: dict[str, float] = {}
    raw: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        for name, (sql, params) in statements.items():
            started = time.perf_counter()
            cursor.execute(sql, params)
            raw[name] = cursor.fetchall()
            timings[name] = time.perf_counter() - started
    return timings, floor_figures(raw)


SPLITS = (("", ("foreign", "domestic")), (".foreign", ("foreign",)), (".domestic", ("domestic",)))


def floor_figures(raw: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    """The indicators from the floor's rows (the same codes as the registry)."""

    def pct(part: Any, whole: Any) -> float | None:
        return None if not whole else float(part or 0) * 100 / float(whole)

    v: dict[str, Any] = {}
    names = (
        "issued", "issued_usd", "issued_capital_usd", "issued_capital_vnd", "increased_projects",
        "increased_capital_usd", "increased_capital_vnd", "decreased_capital_usd_equiv",
        "increased_usd", "projects_started_operation", "projects_terminated", "missing",
    )  # fmt: skip
    groups: dict[tuple[str, str], dict[str, float]] = {}
    for kind, origin, *values in raw["project_events"]:
        groups[(kind, origin)] = {n: float(x or 0) for n, x in zip(names, values, strict=True)}
    empty = dict.fromkeys(names, 0.0)
    v["_missing_rates"] = sum(g["missing"] for g in groups.values())

    def total(rows: list[dict[str, float]], name: str) -> float:
        return sum(r[name] for r in rows)

    for suffix, origins in SPLITS:
        sec = [groups.get(("secondary", o), empty) for o in origins]
        infra = [groups.get(("infrastructure", o), empty) for o in origins]
        v[f"infrastructure_projects_issued{suffix}"] = total(infra, "issued")
        v[f"infrastructure_capital_usd_equiv{suffix}"] = total(infra, "issued_usd")
        v[f"new_projects{suffix}"] = total(sec, "issued")
        v[f"new_capital_usd{suffix}"] = total(sec, "issued_capital_usd")
        v[f"new_capital_vnd{suffix}"] = total(sec, "issued_capital_vnd")
        for name in (
            "increased_projects", "increased_capital_usd", "increased_capital_vnd",
            "decreased_capital_usd_equiv", "projects_started_operation", "projects_terminated",
        ):  # fmt: skip
            v[f"{name}{suffix}"] = total(sec, name)
        v[f"attracted_capital_usd_equiv{suffix}"] = total(sec, "issued_usd") + total(
            sec, "increased_usd"
        )
    stocks = {origin: (valid, operating) for origin, valid, operating in raw["project_stocks"]}
    for suffix, origins in SPLITS:
        valid = sum(stocks.get(o, (0, 0))[0] for o in origins)
        operating = sum(stocks.get(o, (0, 0))[1] or 0 for o in origins)
        v[f"valid_projects{suffix}"] = valid
        v[f"operating_projects{suffix}"] = operating
        v[f"operating_share_pct{suffix}"] = pct(operating, valid)
    [(workforce, jobs)] = raw["labor"]
    v["workforce"], v["jobs_created"] = workforce, jobs
    [(onsite, violations)] = raw["inspections"]
    v["inspections_onsite"], v["inspections_with_violation"] = onsite or 0, violations or 0
    [(received, resolved, on_time, early, pending, overdue)] = raw["dossiers"]
    v["dossiers_received"], v["dossiers_resolved"] = received, resolved
    v["dossiers_resolved_on_time_pct"] = pct(on_time, resolved)
    v["dossiers_resolved_early_pct"] = pct(early, resolved)
    v["dossiers_pending"], v["dossiers_overdue"] = pending, overdue
    [(in_out, digitized, out, electronic)] = raw["documents"]
    v["documents_digitized_pct"] = pct(digitized, in_out)
    v["documents_electronic_pct"] = pct(electronic, out)
    [(approved, cleared, built, leased)] = raw["zone_events"]
    v["zones_policy_approved"] = approved or 0
    v["land_cleared_ha"], v["infrastructure_built_ha"] = cleared or 0, built or 0
    v["land_leased_ha"] = leased or 0
    return v


def compare(engine: dict[str, Any], floor: dict[str, Any]) -> list[str]:
    """Indicators where the engine and the floor disagree (beyond rounding)."""
    problems = []
    if floor.get("_missing_rates"):
        problems.append(f"floor: {floor['_missing_rates']} VND events without a rate")
    for code, value in engine.items():
        if code not in floor:
            problems.append(f"{code}: no floor figure")
            continue
        other = floor[code]
        if value is None or other is None:
            if value is not other:
                problems.append(f"{code}: engine {value}, floor {other}")
            continue
        a, b = float(value), float(other)
        if abs(a - b) > 0.011 + 1e-9 * max(abs(a), abs(b)):
            problems.append(f"{code}: engine {value}, floor {other}")
    return problems


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------


def write_results(info: dict[str, Any]) -> None:
    text = results_markdown(info)
    name = f"results-{info['database']}"
    if info["scale"] != 1:
        name += f"-s{info['scale']:g}"  # debug runs do not overwrite the national results
    (OUT / f"{name}.md").write_text(text)
    (OUT / f"{name}.json").write_text(json.dumps(info, indent=2, default=str))
    print()
    print(text)


def _f(value: Any, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def results_markdown(info: dict[str, Any]) -> str:
    database = info["database"]
    lines = [f"# kcn national-scale benchmark — {database}, scale {info['scale']:g}", ""]
    source = info.get("source") or {}
    lines += [
        f"Measured {info.get('when', '?')} on commit {source.get('commit', '?')[:10]}"
        f" (source fingerprint {source.get('fingerprint', '?')}; uncommitted changes in: "
        f"{', '.join(source.get('modified', [])) or 'none'}).",
        "",
    ]
    server = info.get("server")
    if server:
        lines += [
            "PostgreSQL "
            + ", ".join(f"{k}={v}" for k, v in server.items())
            + " (scripts/with-postgres.sh: a throwaway server; peak RSS is the kcn client only)",
            "",
        ]
    lines += [
        f"Database size after both imports: {_f(info.get('db_size_mb'), 0)} MB.",
        "",
        "| step | file MB | rows | wall s | rows/s | peak RSS MB (main process) "
        "| peak RSS MB (all processes) | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in info["steps"]:
        lines.append(
            f"| {s['step']} | {_f(s.get('size_mb'))} | {_f(s.get('rows'))} | {_f(s['wall_s'])} "
            f"| {_f(s.get('rows_s'), 0)} | {_f(s['maxrss_mb'], 0)} "
            f"| {_f(s.get('tree_rss_mb'), 0)} ({s.get('processes', '?')} proc.) | {s['rc']} |"
        )
    lines += [
        "",
        "| period | `kcn report` best s (first) | peak RSS MB | compute_indicators best s "
        "| floor best s | report ÷ floor | compute ÷ floor | figures equal |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    in_process = info.get("in_process") or {"periods": {}}
    for period, report in info["reports"].items():
        inner = in_process["periods"].get(period, {})
        floor = inner.get("floor_best_s")
        engine = inner.get("engine_best_s")
        equal = "—" if not inner else ("yes" if not inner["mismatches"] else "NO")
        lines.append(
            f"| {period} | {_f(report['best_s'], 2)} ({_f(report['first_s'], 2)}) "
            f"| {_f(report['maxrss_mb'], 0)} | {_f(engine, 3)} | {_f(floor, 3)} "
            f"| {_f(report['best_s'] / floor if floor else None)} "
            f"| {_f(engine / floor if floor and engine else None)} | {equal} |"
        )
    for period, inner in in_process["periods"].items():
        lines += [
            "",
            f"{period}: per source, best of the runs (engine pass vs floor statement), s",
            "",
            "| engine pass (source) | s | floor statement | s |",
            "|---|---:|---|---:|",
        ]
        fam = sorted(inner["families_best_s"].items(), key=lambda x: -x[1])
        flo = sorted(inner["floor_statements_best_s"].items(), key=lambda x: -x[1])
        for i in range(max(len(fam), len(flo))):
            a = fam[i] if i < len(fam) else ("", None)
            b = flo[i] if i < len(flo) else ("", None)
            lines.append(f"| {a[0]} | {_f(a[1], 3)} | {b[0]} | {_f(b[1], 3)} |")
        if inner["mismatches"]:
            lines += ["", "Figures that differ (engine vs floor):", ""]
            lines += [f"- {m}" for m in inner["mismatches"]]
        lines += [
            "",
            "Sample figures: " + ", ".join(f"{k}={v}" for k, v in inner["sample"].items()),
        ]
    errors = dict(info.get("errors") or {})
    for period, report in info["reports"].items():
        if report.get("error"):
            errors[f"report {period}"] = report["error"]
    if info.get("inner_error"):
        errors["compute_indicators and floor"] = info["inner_error"]
    if errors:
        lines += ["", "## Failures", ""]
        for name, text in errors.items():
            lines += [f"### {name}", "", "```", text.strip(), "```", ""]
    files = info["manifest"]["files"]
    lines += ["", "Rows per sheet:", "", "| sheet | " + " | ".join(files) + " |"]
    lines.append("|---|" + "---:|" * len(files))
    sheet_names = list(dict.fromkeys(name for f in files.values() for name in f["rows"]))
    sheets = [s for s in sheet_names if any(s in f["rows"] for f in files.values())]
    for sheet in sheets:
        lines.append(
            f"| {sheet} | " + " | ".join(_f(f["rows"].get(sheet)) for f in files.values()) + " |"
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------
# Profiling one import
# --------------------------------------------------------------------------------------


def profile(args: argparse.Namespace, database: str) -> None:
    generate(args.scale, args.seed)
    folder = data_dir(args.scale, args.seed)
    work = OUT / f"profile-{database}-s{args.scale:g}"
    work.mkdir(parents=True, exist_ok=True)
    data, url = fresh_database(database, "kcn_profile", work)
    env = database_env(database, data, url)
    run_step("kcn init", [str(KCN), "init"], env, work / "init.txt")
    stats = work / "import.prof"
    run_step(
        "import national-1.xlsx under cProfile",
        [str(PYTHON), "-m", "cProfile", "-o", str(stats), "-m", "kcn.cli", "--lang", "en",
         "import", str(folder / "national-1.xlsx")],
        env,
        work / "import.txt",
    )  # fmt: skip
    import io
    import pstats

    report = io.StringIO()
    for order in ("tottime", "cumulative"):
        pstats.Stats(str(stats), stream=report).sort_stats(order).print_stats(args.top)
    (work / "profile.txt").write_text(report.getvalue())
    print(report.getvalue())
    print(f"Profile: {stats.relative_to(ROOT)} (read it with python -m pstats, or snakeviz)")


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def main() -> None:
    if sys.argv[1:2] == ["_inner"]:
        inner = argparse.ArgumentParser()
        inner.add_argument("--repeat", type=int, default=3)
        inner.add_argument("periods", nargs="+")
        parsed = inner.parse_args(sys.argv[2:])
        inner_main(parsed.periods, parsed.repeat)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = national (default)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--skip-generate", action="store_true", help="use the cached workbooks")
    parser.add_argument("--generate-only", action="store_true", help="write the workbooks and stop")
    parser.add_argument("--regenerate", action="store_true", help="ignore the cached workbooks")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each report (best of)")
    parser.add_argument("--periods", nargs="+", default=["2022-Q1", "2022"], help="report periods")
    parser.add_argument(
        "--profile", action="store_true", help="profile the import of national-1.xlsx instead"
    )
    parser.add_argument("--top", type=int, default=35, help="lines of the profile to print")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.skip_generate:
        generate(args.scale, args.seed, force=args.regenerate)
        args.skip_generate = True
    if args.generate_only:
        return
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    for database in databases:
        if database == "postgres" and not os.environ.get("DATABASE_URL"):
            # A throwaway server around a sub-run of this script.
            argv = [str(WITH_POSTGRES), str(PYTHON), __file__, "--db", "postgres",
                    "--scale", str(args.scale), "--seed", str(args.seed), "--skip-generate",
                    "--repeat", str(args.repeat), "--periods", *args.periods]  # fmt: skip
            if args.profile:
                argv += ["--profile", "--top", str(args.top)]
            print(f"\n$ {' '.join(argv)}", flush=True)
            subprocess.run(argv, check=False)
            continue
        if database == "sqlite" and os.environ.get("DATABASE_URL"):
            print("DATABASE_URL is set: the SQLite run ignores it (a fresh data folder is used)")
        if args.profile:
            profile(args, database)
        else:
            measure(args, database)


if __name__ == "__main__":
    main()
