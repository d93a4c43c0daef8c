"""Tests of the Hưng Yên demo data generator (plain pytest, no database needed).

The figures are checked with ``oracle.Oracle``, an independent implementation
of indicators.md; the structure against the sheets' definitions and the rules
of workbook.md.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import holidays
import pytest
from stdnum.vn import mst

from kcn.demo.generator import generate
from kcn.exchange.schema import SHEETS_BY_NAME, WORKBOOK_ORDER
from kcn.reports.sections import Section

from .oracle import Oracle, Row, Sheets

Q1 = (dt.date(2022, 1, 1), dt.date(2022, 3, 31))
YEAR_2022 = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))

# The sheets' columns, required columns and keys, from their definitions (<app>/sheets.py).
SHEETS: dict[str, tuple[str, ...]] = {
    name: tuple(SHEETS_BY_NAME[name].keys) for name in WORKBOOK_ORDER
}
REQUIRED: dict[str, tuple[str, ...]] = {
    name: tuple(c.key for c in SHEETS_BY_NAME[name].columns if c.required) for name in SHEETS
}
# Sheets without a key are matched on all their columns.
KEYS: dict[str, tuple[str, ...]] = {
    name: SHEETS_BY_NAME[name].key or SHEETS[name] for name in SHEETS
}
INDICATORS = (
    "zones_policy_approved", "land_cleared_ha", "infrastructure_built_ha", "land_leased_ha",
    "infrastructure_projects_issued", "infrastructure_capital_usd_equiv", "new_projects",
    "new_capital_usd", "new_capital_vnd", "increased_projects", "increased_capital_usd",
    "increased_capital_vnd", "decreased_capital_usd_equiv", "attracted_capital_usd_equiv",
    "projects_started_operation", "projects_terminated", "valid_projects", "operating_projects",
    "operating_share_pct", "workforce", "jobs_created", "inspections_onsite",
    "inspections_with_violation", "dossiers_received", "dossiers_resolved",
    "dossiers_resolved_on_time_pct", "dossiers_resolved_early_pct", "dossiers_pending",
    "dossiers_overdue", "documents_digitized_pct", "documents_electronic_pct",
)  # fmt: skip
ZONE_NAMES = (
    "KCN Phố Nối A", "KCN Thăng Long II", "KCN Thăng Long II mở rộng (giai đoạn 3)",
    "KCN Dệt may Phố Nối", "KCN Yên Mỹ", "KCN Yên Mỹ II", "KCN Minh Đức", "KCN Minh Quang",
    "KCN Kim Động", "KCN Lý Thường Kiệt", "KCN Tân Dân", "KCN Số 03", "KCN Số 05", "KCN Sạch",
)  # fmt: skip
TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
EVENT_RANK = {
    "issued": 0, "adjusted": 1, "operational": 2, "suspended": 3, "resumed": 4, "terminated": 5,
}  # fmt: skip


# --- Fixtures and helpers --------------------------------------------------------


@pytest.fixture(scope="module")
def sheets() -> Sheets:
    return generate()


@pytest.fixture(scope="module")
def oracle(sheets: Sheets) -> Oracle:
    return Oracle(sheets)


def rounded(value: object, places: int = 0) -> Decimal:
    """``value`` rounded half up, as a report prints it."""
    assert isinstance(value, int | Decimal)
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value: object) -> Decimal:
    assert isinstance(value, int | Decimal)
    return Decimal(value)


def date_of(row: Row, key: str) -> dt.date:
    value = row[key]
    assert isinstance(value, dt.date)
    return value


def decimal_of(row: Row, key: str) -> Decimal:
    value = row[key]
    assert isinstance(value, Decimal)
    return value


def by_code(sheets: Sheets, sheet: str, key: str = "code") -> dict[object, Row]:
    return {row[key]: row for row in sheets[sheet]}


def events_by_project(sheets: Sheets) -> dict[object, list[Row]]:
    grouped: dict[object, list[Row]] = {}
    for row in sheets["project_events"]:
        grouped.setdefault(row["project_code"], []).append(row)
    return grouped


def is_tax_code(code: str) -> bool:
    """10 digits whose 10th is the check digit (the check of python-stdnum's ``vn.mst``)."""
    if not re.fullmatch(r"\d{10}", code) or code[2:9] == "0000000":
        return False
    check = 10 - sum(w * int(d) for w, d in zip(TAX_WEIGHTS, code, strict=False)) % 11
    return check < 10 and int(code[9]) == check


# --- Determinism, speed, shape -------------------------------------------------------


def test_the_same_seed_gives_the_same_rows(sheets: Sheets) -> None:
    assert generate() == sheets
    assert generate(2022) == sheets


def test_another_seed_gives_other_rows(sheets: Sheets) -> None:
    assert generate(7) != sheets


def test_generation_takes_under_two_seconds() -> None:
    started = time.perf_counter()
    generate(11)
    assert time.perf_counter() - started < 2.0


def test_sheets_and_columns_follow_the_workbook_spec(sheets: Sheets) -> None:
    assert list(sheets) == list(SHEETS)
    for name, rows in sheets.items():
        assert rows, name
        for row in rows:
            assert tuple(row) == SHEETS[name], name


def _as_cell(value: Any) -> Any:
    """What the import reads back from a cell the workbook writer wrote ``value`` to."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)  # a number cell
    return value


def test_values_read_back_as_themselves(sheets: Sheets) -> None:
    """Each value is what its column's reader gives (type, choices, bounds), required ones set."""
    for name, rows in sheets.items():
        columns = {column.key: column for column in SHEETS_BY_NAME[name].columns}
        for row in rows:
            for key, value in row.items():
                if value is None:
                    assert key not in REQUIRED[name], (name, key, row)
                    continue
                read = columns[key].read(_as_cell(value))
                assert (type(read), read) == (type(value), value), (name, key, value)
                if isinstance(value, str):
                    assert value, (name, key)
                    assert value.strip() == value, (name, key, value)


def test_sizes_are_those_of_a_province(sheets: Sheets) -> None:
    secondary = [p for p in sheets["projects"] if p["kind"] == "secondary"]
    assert 15 <= len(sheets["zones"]) <= 20
    assert 550 <= len(secondary) <= 650
    assert any(row["event"] == "terminated" for row in sheets["project_events"])
    assert 1_500 <= len(sheets["project_events"]) <= 5_000
    assert len(sheets["labor_reports"]) <= 15_000
    assert 1_300 <= len(sheets["dossiers"]) <= 1_700
    assert 120 <= len(sheets["inspections"]) <= 180
    assert 250 <= len(sheets["documents"]) <= 350


# --- The figures of seed-figures.md (2022-Q1) ----------------------------------------


@pytest.mark.parametrize("seed", [2022, 1, 99])
def test_every_seed_figure_of_q1_2022(seed: int) -> None:
    """Exact for any seed: the figures are constructed, not drawn."""
    data = generate(seed)
    oracle = Oracle(data)
    q1 = oracle.indicators(*Q1)
    end = Q1[1]

    assert q1["zones_policy_approved"] == 1
    assert oracle.met("zones_policy_approved", end) is True
    assert q1["infrastructure_projects_issued"] == 1
    assert q1["infrastructure_capital_usd_equiv"] == 98_000_000
    assert q1["new_projects"] == 3
    assert q1["new_projects.domestic"] == 3
    assert q1["new_projects.foreign"] == 0
    assert q1["new_capital_vnd"] == 345_000_000_000
    assert q1["new_capital_usd"] == 0
    assert q1["increased_projects"] == 12
    assert q1["increased_capital_usd"] == 112_000_000
    assert q1["increased_capital_vnd"] == 410_000_000_000
    assert rounded(q1["attracted_capital_usd_equiv"], -6) == 145_000_000
    assert rounded(oracle.percent_of_target("attracted_capital_usd_equiv", end)) == 32
    assert q1["infrastructure_built_ha"] == 29
    assert rounded(oracle.percent_of_target("infrastructure_built_ha", end)) == 24
    assert q1["projects_started_operation"] == 8
    assert rounded(oracle.percent_of_target("projects_started_operation", end)) == 27
    assert q1["jobs_created"] == 3_000
    assert oracle.percent_of_target("jobs_created", end) == 75
    assert q1["operating_projects"] == 420
    assert q1["operating_projects.foreign"] == 240
    assert q1["operating_projects.domestic"] == 180
    assert q1["valid_projects"] == 486
    assert rounded(q1["operating_share_pct"], 1) == Decimal("86.4")
    assert rounded(q1["workforce"], -3) == 74_000
    assert q1["workforce"] != 74_000
    assert q1["inspections_onsite"] == 6
    assert q1["dossiers_received"] == 79
    assert q1["dossiers_resolved"] == 79
    assert q1["dossiers_resolved_on_time_pct"] == 100
    assert q1["dossiers_resolved_early_pct"] == Decimal(72) * 100 / 79
    assert rounded(q1["dossiers_resolved_early_pct"]) == 91
    assert q1["documents_digitized_pct"] == 100
    assert q1["documents_electronic_pct"] == 100


def test_q1_2022_is_made_of_the_seed_events(sheets: Sheets) -> None:
    """The events behind the figures are the ones the seed report tells about."""
    zones = by_code(sheets, "zones")
    tlii3 = zones["TLII-3"]
    assert tlii3["name"] == "KCN Thăng Long II mở rộng (giai đoạn 3)"
    assert tlii3["area_ha"] == Decimal("180.5")
    assert tlii3["parent_code"] == "TLII"
    approved = [
        e for e in sheets["zone_events"]
        if e["event"] == "policy_approved" and Q1[0] <= date_of(e, "date") <= Q1[1]
    ]  # fmt: skip
    assert [e["zone_code"] for e in approved] == ["TLII-3"]
    projects = by_code(sheets, "projects")
    infrastructure = [
        e for e in sheets["project_events"]
        if e["event"] == "issued" and projects[e["project_code"]]["kind"] == "infrastructure"
        and Q1[0] <= date_of(e, "date") <= Q1[1]
    ]  # fmt: skip
    assert len(infrastructure) == 1
    assert projects[infrastructure[0]["project_code"]]["zone_code"] == "TLII-3"
    assert (infrastructure[0]["capital"], infrastructure[0]["currency"]) == (98_000_000, "USD")
    built = [
        e for e in sheets["zone_events"]
        if e["event"] == "infrastructure_built" and Q1[0] <= date_of(e, "date") <= Q1[1]
    ]  # fmt: skip
    assert len(built) >= 3  # "several events"
    increases = [
        e for e in sheets["project_events"]
        if e["event"] == "adjusted" and e["capital"] is not None and decimal_of(e, "capital") > 0
        and Q1[0] <= date_of(e, "date") <= Q1[1]
    ]  # fmt: skip
    assert len(increases) > 12  # one project increased twice: it counts once
    onsite = [
        i for i in sheets["inspections"]
        if i["kind"] == "onsite" and Q1[0] <= date_of(i, "date") <= Q1[1]
    ]  # fmt: skip
    assert len({i["project_code"] for i in onsite}) == 6


def test_secret_documents_of_q1_are_excluded_from_the_percentages(sheets: Sheets) -> None:
    secret = [
        d for d in sheets["documents"]
        if d["secret"] is True and Q1[0] <= date_of(d, "date") <= Q1[1]
        and d["direction"] in ("in", "out")
    ]  # fmt: skip
    assert len(secret) >= 2
    assert all(d["digitized"] is False and d["electronic"] is False for d in secret)


def test_documents_of_the_seed_report(sheets: Sheets) -> None:
    documents = by_code(sheets, "documents", "symbol")
    plan = documents["166/KH-BQL"]
    assert plan["date"] == dt.date(2022, 2, 11)
    assert (plan["type"], plan["direction"]) == ("KH", "out")
    assert "thực hiện nhiệm vụ phát triển kinh tế - xã hội" in str(plan["title"]).lower()
    assert "dự toán ngân sách nhà nước năm 2022" in str(plan["title"])
    children = [d for d in sheets["documents"] if d["parent_symbol"] == "166/KH-BQL"]
    assert len(children) == 22
    assert all(
        d["type"] == "KH" and re.fullmatch(r"\d+/KH-BQL", str(d["symbol"])) for d in children
    )
    assert any("28/CTr-UBND" in str(d["title"]) for d in children)
    incoming = {
        "14/CTr-UBND": dt.date(2022, 1, 20),
        "28/CTr-UBND": dt.date(2022, 2, 18),
        "11/NQ-CP": dt.date(2022, 1, 30),
        "43/2022/QH15": dt.date(2022, 1, 11),
        "02/KH-UBND": dt.date(2022, 1, 7),
    }
    for symbol, day in incoming.items():
        assert documents[symbol]["date"] == day
        assert documents[symbol]["direction"] == "in"
        assert documents[symbol]["title"]


def test_targets_of_2022(sheets: Sheets) -> None:
    targets = {row["indicator"]: row for row in sheets["targets"] if row["year"] == 2022}
    expected = {
        "zones_policy_approved": (1, 2),
        "infrastructure_built_ha": (120, None),
        "attracted_capital_usd_equiv": (450_000_000, None),
        "projects_started_operation": (30, None),
        "jobs_created": (4_000, None),
    }
    assert {k: (v["target"], v["target_max"]) for k, v in targets.items()} == expected
    assert {row["assigned_by"] for row in targets.values()} == {"14/CTr-UBND"}
    descriptions = {row["description"] for row in targets.values()}
    assert "đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp" in descriptions
    assert "thu hút 450 triệu USD vốn đầu tư vào các khu công nghiệp" in descriptions
    assert "có thêm 30 dự án trong các khu công nghiệp đi vào hoạt động" in descriptions
    assert "tạo thêm việc làm mới cho 4.000 lao động" in descriptions


def test_narratives_and_priorities(sheets: Sheets) -> None:
    sections = [str(row["section"]) for row in sheets["narratives"]]
    # Every section of results but "other tasks": the board's plans are the framing paragraph,
    # generated from the documents; the seed has no "shortcomings" part.
    expected = set(Section.values) - {Section.OTHER, Section.SHORTCOMINGS}
    assert sorted(sections) == sorted(expected)
    # Each staff text has its English, for the English report.
    assert all(str(row["text_en"]).strip() for row in sheets["narratives"])
    assert all(str(row["text_en"]).strip() for row in sheets["priorities"])
    assert all(str(row["description_en"]).strip() for row in sheets["targets"])
    assert {row["period"] for row in sheets["narratives"]} == {"2022-Q1"}
    priorities = sheets["priorities"]
    assert [row["order"] for row in priorities] == list(range(1, 9))
    assert {row["period"] for row in priorities} == {"2022-Q2"}
    for row in priorities:
        text = str(row["text"])
        assert text[0].isupper()
        assert not re.match(r"(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Bẩy|Tám) là", text)
    # Narratives are the staff's words, not figures the program computes.
    for row in sheets["narratives"]:
        for figure in ("345 tỷ", "112 triệu", "145 triệu", "3.000", "74.000", "86,4", "79 hồ sơ"):
            assert figure not in str(row["text"])


# --- The year 2022 -----------------------------------------------------------------------


def test_year_2022_is_plausible(oracle: Oracle) -> None:
    year = oracle.indicators(*YEAR_2022)
    assert 450_000_000 <= number(year["attracted_capital_usd_equiv"]) <= 520_000_000
    assert 25 <= number(year["projects_started_operation"]) <= 45
    assert 120 <= number(year["infrastructure_built_ha"]) <= 145
    assert 4_000 <= number(year["jobs_created"]) <= 5_500
    assert 1 <= number(year["zones_policy_approved"]) <= 2
    assert 20 <= number(year["new_projects"]) <= 45
    indicators = [indicator for (y, indicator) in oracle.targets if y == 2022]
    met = [oracle.met(indicator, YEAR_2022[1]) for indicator in indicators]
    assert 3 <= met.count(True) <= 4  # most targets met by year end, not all


def test_every_quarter_of_2022_has_activity(oracle: Oracle) -> None:
    quarters = [
        (dt.date(2022, m, 1), dt.date(2022, m + 2, 30 if m in (4, 7) else 31))
        for m in (1, 4, 7, 10)
    ]
    for start, end in quarters:
        quarter = oracle.indicators(start, end)
        assert 3 <= number(quarter["new_projects"]) <= 12
        assert 5 <= number(quarter["projects_started_operation"]) <= 10
        assert 25 <= number(quarter["infrastructure_built_ha"]) <= 45


def test_exchange_rates_of_2022(sheets: Sheets, oracle: Oracle) -> None:
    for day in (dt.date(2022, 1, 15), dt.date(2022, 2, 15), dt.date(2022, 3, 31)):
        assert 22_800 <= oracle.rate(day) <= 23_100
    assert oracle.rate(dt.date(2022, 11, 15)) >= 23_900
    first = min(date_of(row, "valid_from") for row in sheets["fx_rates"])
    assert first <= dt.date(2005, 1, 1)


def test_every_indicator_is_defined_for_the_whole_history(oracle: Oracle) -> None:
    for year in (2005, 2012, 2021):
        values = oracle.indicators(dt.date(year, 1, 1), dt.date(year, 12, 31))
        assert all(indicator in values for indicator in INDICATORS)


# --- The rules of workbook.md ------------------------------------------------------------


def test_keys_are_unique(sheets: Sheets) -> None:
    for name, key in KEYS.items():
        counts = Counter(tuple(row[column] for column in key) for row in sheets[name])
        duplicates = [k for k, n in counts.items() if n > 1]
        assert not duplicates, (name, duplicates[:3])


def test_references_resolve(sheets: Sheets) -> None:
    zones = by_code(sheets, "zones")
    investors = by_code(sheets, "investors")
    projects = by_code(sheets, "projects")
    procedures = by_code(sheets, "procedures")
    documents = by_code(sheets, "documents", "symbol")
    for zone in zones.values():
        assert zone["developer"] in investors
        assert zone["parent_code"] is None or zone["parent_code"] in zones
    assert all(row["zone_code"] in zones for row in sheets["zone_events"])
    for project in projects.values():
        assert project["zone_code"] in zones
        assert project["investor"] in investors
    for sheet in ("project_events", "labor_reports", "inspections"):
        assert all(row["project_code"] in projects for row in sheets[sheet]), sheet
    assert all(row["procedure_code"] in procedures for row in sheets["dossiers"])
    for document in documents.values():
        assert document["parent_symbol"] is None or document["parent_symbol"] in documents
    assert all(row["assigned_by"] in documents for row in sheets["targets"])


def test_project_events_make_sense_in_date_order(sheets: Sheets) -> None:
    grouped = events_by_project(sheets)
    assert set(grouped) == {row["code"] for row in sheets["projects"]}
    for code, events in grouped.items():
        days = [date_of(e, "date") for e in events]
        assert len(set(days)) == len(days), f"{code}: two events on one day"
        ordered = sorted(events, key=lambda e: (date_of(e, "date"), EVENT_RANK[str(e["event"])]))
        state = "none"
        operational_seen = False
        for event in ordered:
            kind = event["event"]
            assert state != "terminated", f"{code}: {kind} after terminated"
            if kind == "issued":
                assert state == "none", f"{code}: issued twice or late"
                state = "pending"
            else:
                assert state != "none", f"{code}: {kind} before issued"
            if kind == "operational":
                assert not operational_seen, f"{code}: operational twice"
                operational_seen = True
                state = "operating"
            elif kind == "suspended":
                assert state == "operating", f"{code}: suspended while {state}"
                state = "suspended"
            elif kind == "resumed":
                assert state == "suspended", f"{code}: resumed while {state}"
                state = "operating"
            elif kind == "terminated":
                state = "terminated"


def test_capital_and_currency_rules(sheets: Sheets) -> None:
    projects = by_code(sheets, "projects")
    for event in sheets["project_events"]:
        kind, capital, currency = event["event"], event["capital"], event["currency"]
        if kind == "issued":
            assert isinstance(capital, Decimal)
            assert capital > 0
            assert currency in ("USD", "VND")
        elif kind != "adjusted":
            assert capital is None, event
        assert (capital is None) == (currency is None), event
        if currency is not None:  # a project keeps the currency of its certificate
            origin = projects[event["project_code"]]["origin"]
            if projects[event["project_code"]]["kind"] == "secondary":
                assert currency == ("USD" if origin == "foreign" else "VND")
    registered: dict[object, Decimal] = {}  # a decrease never takes the capital to zero
    for event in sorted(sheets["project_events"], key=lambda e: date_of(e, "date")):
        if event["capital"] is not None:
            code = event["project_code"]
            registered[code] = registered.get(code, Decimal(0)) + decimal_of(event, "capital")
            assert registered[code] > 0, f"{code}: capital fell to {registered[code]}"


def test_zone_events_and_areas(sheets: Sheets) -> None:
    zones = by_code(sheets, "zones")
    names = {zone["name"] for zone in zones.values()}
    assert all(name in names for name in ZONE_NAMES)
    assert {zone["province"] for zone in zones.values()} == {"Hưng Yên"}
    projects = by_code(sheets, "projects")
    for code, zone in zones.items():
        events = sorted(
            (e for e in sheets["zone_events"] if e["zone_code"] == code),
            key=lambda e: date_of(e, "date"),
        )
        kinds = [e["event"] for e in events]
        assert kinds[:3] == ["planned", "policy_approved", "established"], code
        totals = dict.fromkeys(("land_cleared", "infrastructure_built", "land_leased"), Decimal(0))
        for event in events:
            if event["event"] in totals:
                assert decimal_of(event, "area_ha") > 0
                totals[str(event["event"])] += decimal_of(event, "area_ha")
            else:
                assert event["area_ha"] is None
            assert totals["land_cleared"] <= decimal_of(zone, "area_ha"), code
            assert totals["infrastructure_built"] <= totals["land_cleared"], code
            assert totals["land_leased"] <= totals["infrastructure_built"], code
        assert totals["land_leased"] <= decimal_of(zone, "industrial_land_ha"), code
        infrastructure = [
            p for p in projects.values() if p["zone_code"] == code and p["kind"] == "infrastructure"
        ]
        assert [p["investor"] for p in infrastructure] == [zone["developer"]], code


def test_investor_codes(sheets: Sheets) -> None:
    projects = by_code(sheets, "projects")
    countries = {row["code"]: row["country"] for row in sheets["investors"]}
    for investor in sheets["investors"]:
        code, country = str(investor["code"]), str(investor["country"])
        assert re.fullmatch(r"[A-Z]{2}", country)
        if country == "VN":
            assert is_tax_code(code), code
            assert mst.is_valid(code), code  # the importer's own check
        else:
            assert not re.fullmatch(r"\d{10}", code)
    for project in projects.values():
        domestic = countries[project["investor"]] == "VN"
        assert project["origin"] == ("domestic" if domestic else "foreign"), project["code"]


def test_labor_reports(sheets: Sheets) -> None:
    projects = by_code(sheets, "projects")
    grouped = events_by_project(sheets)
    for report in sheets["labor_reports"]:
        employees, foreign = report["employees"], report["foreign_employees"]
        assert isinstance(employees, int)
        assert isinstance(foreign, int)
        assert 0 <= foreign <= employees
        assert isinstance(report["new_jobs"], int)
        assert report["new_jobs"] >= 0
        day = date_of(report, "period_end")
        assert (day + dt.timedelta(days=1)).day == 1
        assert day.month in (3, 6, 9, 12)
        code = report["project_code"]
        assert projects[code]["kind"] == "secondary"
        events = {str(e["event"]): date_of(e, "date") for e in grouped[code]}
        assert events["operational"] <= day
        assert "terminated" not in events or day < events["terminated"]


def test_dossiers_and_the_calendar(sheets: Sheets, oracle: Oracle) -> None:
    calendar = {date_of(row, "date"): row["kind"] for row in sheets["calendar"]}
    assert len(calendar) <= 4
    assert any(kind == "holiday" and day.year == 2021 for day, kind in calendar.items())
    assert any(kind == "working_day" and day.weekday() == 5 for day, kind in calendar.items())
    without_overrides = Oracle({**sheets, "calendar": []})
    differs = 0
    for dossier in sheets["dossiers"]:
        received = date_of(dossier, "received_on")
        due = oracle.due_date(dossier)
        assert due >= received
        if dossier["due_on"] is not None:  # a given due date agrees with the computed one
            assert dossier["due_on"] == oracle.due_date({**dossier, "due_on": None})
        resolved = dossier["resolved_on"]
        assert (resolved is None) == (dossier["result"] is None)
        if resolved is not None:
            assert isinstance(resolved, dt.date)
            assert resolved >= received
        if dossier["due_on"] is None and without_overrides.due_date(dossier) != due:
            differs += 1
    assert differs > 0, "the calendar sheet changes no due date"
    # Q4 2021 is closed within 2021: nothing received before 2022 is resolved in Q1 2022.
    assert all(
        date_of(d, "received_on") >= Q1[0]
        for d in sheets["dossiers"]
        if d["resolved_on"] is not None and Q1[0] <= date_of(d, "resolved_on") <= Q1[1]
    )


def test_received_dossiers_fall_on_working_days(sheets: Sheets) -> None:
    overrides = {date_of(row, "date"): row["kind"] == "working_day" for row in sheets["calendar"]}
    vietnam = holidays.country_holidays("VN")
    for dossier in sheets["dossiers"]:
        day = date_of(dossier, "received_on")
        assert overrides.get(day, vietnam.is_working_day(day)), day


def test_documents_are_registered_consistently(sheets: Sheets) -> None:
    symbol = re.compile(r"^\d{2,6}/(?:\d{4}/)?[0-9A-Za-zÀ-ỹĐđ]+(?:-[0-9A-Za-zÀ-ỹĐđ]+)*$")
    for document in sheets["documents"]:
        assert symbol.match(str(document["symbol"])), document["symbol"]
        assert document["type"]
        if document["secret"]:
            assert document["digitized"] is False
        if document["parent_symbol"] is not None:
            assert document["type"] == "KH"
    in_2022 = [d for d in sheets["documents"] if date_of(d, "date").year == 2022]
    assert len(in_2022) == len(sheets["documents"])
