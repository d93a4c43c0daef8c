"""Deterministic demo data for the Hưng Yên Industrial Zones Management Board.

``generate(seed)`` returns the rows of an exchange workbook (docs/reference/
workbook.md): 16 industrial zones of Hưng Yên with their history from
2005, invented investors and about 560 tenant projects, exchange rates,
quarterly labour reports, the one-stop shop's dossiers 2020-2022,
inspections, the documents of 2022, the targets of 2022 and the staff's texts.

How the figures of the seed report (``docs/reference/seed-figures.md``, period 2022-Q1) are
guaranteed: they are *constructed*, never hoped for. Random draws only choose
among values that keep every figure exact, whatever the seed.

* History up to 31/12/2021 is random but cannot touch 2022: no random event
  of any kind is dated after 2021. Every event of 2022 is scripted quarter by
  quarter (``_script_2022_*``) with exact counts and totals.
* Project stocks on 31/03/2022 follow from *roles* given to projects when they
  are created (``ROLE_COUNTS``): ``operating`` projects started operation
  before 2022 and are not suspended on that day (a historic suspension is
  always resumed within 2021, the one left open is resumed in Q1 2022),
  ``started_q1`` start in Q1, ``suspended`` are suspended on that day,
  ``pending``/``slow``/``new_q1`` have not started, ``terminated`` ended
  before, ``new_2022`` come later. So ``operating_projects`` is 240 foreign +
  180 domestic and ``valid_projects`` 486 by counting, not by luck.
* Money of Q1 2022 is split with ``_partition``, which returns parts that sum
  to the total exactly: 345 billion VND over the 3 new projects, 112 million
  USD over 9 increases of 8 foreign projects (one increases twice, so
  ``increased_projects`` counts distinct projects), 410 billion VND over 4
  domestic projects. A decrease and a dozen amendments without capital are
  added in the same quarter: none of them may count. The exchange rates of Q1 2022 are
  fixed (about 22,800-22,900 VND/USD), so the 755 billion VND are about 33
  million USD and the attracted capital about 145 million USD.
* The 29 ha of infrastructure built in Q1 2022 are one exact split over four
  zones that have cleared but unbuilt land.
* Labour: headcounts before 2022 are random ramps, scaled so that their sum
  on 31/12/2021 is ``workforce target - 1,800``. The reports of 31/03/2022
  then add exactly 3,000 jobs (new_jobs = the rise in headcount, split over
  gaining projects) and remove exactly what is needed to reach the chosen
  workforce, a number within 440 of 74,000 but never 74,000 itself. The
  project suspended in Q1 is a small one, so that its lay-offs always fit.
* Dossiers of Q1 2022: 79 received and resolved in the quarter, 7 on their due
  date and 72 before it; dossiers received in 2021 are all resolved in 2021.
  Due dates are computed exactly as the importer does (the N-th working day
  after receipt, from the ``holidays`` package and the ``calendar`` sheet).

Only ``random.Random(seed)`` is used, and no set is iterated, so one seed
always gives the same rows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import holidays

from kcn.demo import texts

Row = dict[str, object]


HISTORY_END = dt.date(2021, 12, 31)
YEAR = 2022
QUARTERS: tuple[tuple[dt.date, dt.date], ...] = (
    (dt.date(2022, 1, 1), dt.date(2022, 3, 31)),
    (dt.date(2022, 4, 1), dt.date(2022, 6, 30)),
    (dt.date(2022, 7, 1), dt.date(2022, 9, 30)),
    (dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
)
SEED_DAY = QUARTERS[0][1]  # the stocks of docs/reference/seed-figures.md are as of 31/03/2022

# --- The figures of docs/reference/seed-figures.md (period 2022-Q1) ------------------------
SEED_NEW_CAPITAL_VND = 345_000_000_000
SEED_INCREASE_USD = 112_000_000
SEED_INCREASE_VND = 410_000_000_000
SEED_INCREASED_FOREIGN = 8  # projects increasing in USD (one of them twice)
SEED_INCREASED_DOMESTIC = 4  # projects increasing in VND
SEED_INFRASTRUCTURE_BUILT_HA = Decimal("29.0")
SEED_JOBS = 3_000
SEED_WORKFORCE_ROUNDED = 74_000
SEED_ONSITE_INSPECTIONS = 6
SEED_DOSSIERS = 79
SEED_DOSSIERS_ON_DUE_DATE = 7  # 79 - 7 = 72 resolved strictly before the due date
TLII3_CAPITAL_USD = 98_000_000
TLII3_POLICY_APPROVED = dt.date(2022, 2, 24)
TLII3_CERTIFICATE = dt.date(2022, 3, 15)
PLAN_166_DATE = dt.date(2022, 2, 11)

# Roles of tenant projects: (foreign, domestic). Valid on 31/03/2022: every role
# but "terminated" and "new_2022" = 276 foreign + 210 domestic = 486; operating:
# "operating" + "started_q1" = 240 foreign + 180 domestic.
ROLE_COUNTS: dict[str, tuple[int, int]] = {
    "operating": (235, 177),
    "started_q1": (5, 3),
    "suspended": (4, 3),
    "pending": (30, 22),
    "slow": (2, 2),
    "new_q1": (0, 3),
    "terminated": (22, 30),
    "new_2022": (16, 11),
}

# Year 2022 after Q1 (plausible, not seed figures): per quarter Q2, Q3, Q4.
NEW_PROJECTS_LATER = (8, 9, 10)
NEW_CAPITAL_LATER_USD = 190_000_000
NEW_CAPITAL_LATER_VND = 1_650_000_000_000
STARTS_LATER = (7, 6, 8)  # with Q1's 8: 29, one short of the target of 30
INCREASES_LATER_USD = (4, 3, 3)
INCREASES_LATER_VND = (2, 2, 1)
INCREASE_LATER_USD = 45_000_000
INCREASE_LATER_VND = 420_000_000_000

# Amendments of certificates per project and year (history): increases as
# frequent as in 2022 (about 27 of 490 valid projects), more without capital.
INCREASE_RATE = 0.06
DECREASE_RATE = 0.006
AMENDMENT_RATE = 0.2
AMENDMENTS_PER_QUARTER = 12  # amendments without capital in each quarter of 2022

EVENT_ORDER = {
    "issued": 0, "adjusted": 1, "operational": 2, "suspended": 3, "resumed": 4, "terminated": 5,
}  # fmt: skip
FOREIGN_COUNTRIES: tuple[tuple[str, int], ...] = (
    ("JP", 32), ("KR", 28), ("CN", 14), ("TW", 7), ("SG", 5), ("US", 4), ("DE", 3),
    ("TH", 2), ("MY", 2), ("HK", 2), ("FR", 1),
)  # fmt: skip
TAX_CODE_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)

# Calendar overrides (sheet ``calendar``): the board swapped a working day
# around Tết 2021, a day off on Tuesday 09/02 made up on Saturday 20/02.
CALENDAR_OVERRIDES: dict[dt.date, bool] = {
    dt.date(2021, 2, 9): False,
    dt.date(2021, 2, 20): True,
}

# VND per USD on 1 January of each year (then interpolated month by month),
# and the twelve months of 2022 fixed: Q1 is part of the seed construction.
FX_JANUARY: dict[int, int] = {
    2005: 15_750, 2006: 15_900, 2007: 16_050, 2008: 16_100, 2009: 16_980, 2010: 17_950,
    2011: 18_930, 2012: 20_800, 2013: 20_850, 2014: 21_100, 2015: 21_380, 2016: 21_900,
    2017: 22_400, 2018: 22_700, 2019: 23_150, 2020: 23_170, 2021: 23_100, 2022: 22_810,
}  # fmt: skip
FX_2022 = (22_810, 22_840, 22_870, 22_910, 23_080, 23_260, 23_390, 23_420, 23_680, 24_030,
           24_260, 23_830)  # fmt: skip

YEAR_END = QUARTERS[-1][1]
SKELETON_SHARE = 0.06  # a suspended factory keeps a few guards and maintenance staff
Q1_WORKFORCE_LOSS = 1_800  # headcount of 31/12/2021 = workforce of 31/03/2022 - this

DOSSIERS_PER_QUARTER: dict[tuple[int, int], int] = {
    (2020, 1): 110, (2020, 2): 118, (2020, 3): 131, (2020, 4): 142,
    (2021, 1): 126, (2021, 2): 121, (2021, 3): 104, (2021, 4): 137,
    (2022, 1): SEED_DOSSIERS, (2022, 2): 128, (2022, 3): 133, (2022, 4): 141,
}  # fmt: skip
PROCEDURE_WEIGHTS: dict[str, int] = {
    "BQL-DT-01": 3, "BQL-DT-02": 8, "BQL-DT-03": 1, "BQL-LD-01": 30, "BQL-LD-02": 6,
    "BQL-LD-03": 10, "BQL-LD-04": 8, "BQL-LD-05": 10, "BQL-LD-06": 6, "BQL-XD-01": 5,
}  # fmt: skip

SEED_DOCUMENT_DATES: dict[str, tuple[dt.date, str]] = {
    "43/2022/QH15": (dt.date(2022, 1, 11), "NQ"),
    "02/KH-UBND": (dt.date(2022, 1, 7), "KH"),
    "14/CTr-UBND": (dt.date(2022, 1, 20), "CTr"),
    "11/NQ-CP": (dt.date(2022, 1, 30), "NQ"),
    "28/CTr-UBND": (dt.date(2022, 2, 18), "CTr"),
}
TARGETS_2022: tuple[tuple[str, int, int | None], ...] = (
    ("zones_policy_approved", 1, 2),
    ("infrastructure_built_ha", 120, None),
    ("attracted_capital_usd_equiv", 450_000_000, None),
    ("projects_started_operation", 30, None),
    ("jobs_created", 4_000, None),
)
TARGETS_ASSIGNED_BY = "14/CTr-UBND"
LETTER_UNITS = ("VP", "QLDN", "QLĐT", "QLMT")  # drafting units in the symbol of a công văn


# --- Small numeric helpers ----------------------------------------------------


def _dec(value: float, places: int = 0) -> Decimal:
    """``value`` as a Decimal rounded half up to ``places`` decimals."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _round_to(value: float, unit: int) -> int:
    """``value`` rounded to a multiple of ``unit``, at least one ``unit``."""
    return max(unit, round(value / unit) * unit)


def _partition(rng: random.Random, total: int, parts: int, minimum: int) -> list[int]:
    """``parts`` random integers, each >= ``minimum``, that sum to ``total`` exactly."""
    if parts * minimum > total:
        raise ValueError(f"cannot split {total} into {parts} parts of at least {minimum}")
    free = total - parts * minimum
    weights = [0.3 + rng.random() for _ in range(parts)]
    scale = sum(weights)
    shares = [math.floor(free * weight / scale) for weight in weights]
    for index in range(free - sum(shares)):
        shares[index % parts] += 1
    return [minimum + share for share in shares]


def _allocate(rng: random.Random, total: int, caps: Sequence[int]) -> list[int]:
    """Random non-negative integers, each within its cap, that sum to ``total`` exactly."""
    if total > sum(caps):
        raise ValueError(f"cannot allocate {total} within caps summing to {sum(caps)}")
    weights = [cap * (0.5 + rng.random()) for cap in caps]
    scale = sum(weights) or 1.0
    amounts = [
        min(cap, math.floor(total * weight / scale))
        for cap, weight in zip(caps, weights, strict=True)
    ]
    remaining = total - sum(amounts)
    order = list(range(len(caps)))
    rng.shuffle(order)
    while remaining > 0:
        for index in order:
            room = min(caps[index] - amounts[index], remaining, 1 + remaining // len(caps))
            amounts[index] += room
            remaining -= room
            if remaining == 0:
                break
    return amounts


def _era_size(year: int) -> float:
    """Relative size of the workforce of a project issued in ``year``."""
    return 1.6 if year <= 2012 else 1.0 if year <= 2017 else 0.6


def _headcount(capacity: float, factor: float) -> int:
    """Employees of a factory of ``capacity`` at ``factor`` of it: a few even when idle."""
    return max(2 if factor == SKELETON_SHARE else 3, round(capacity * factor))


def tax_check_digit(first_nine: str) -> int | None:
    """The check digit of a Vietnamese tax code, or None when no digit is valid."""
    total = sum(
        weight * int(digit) for weight, digit in zip(TAX_CODE_WEIGHTS, first_nine, strict=True)
    )
    check = 10 - total % 11
    return check if check < 10 else None


def quarter_end(day: dt.date) -> dt.date:
    """The last day of the quarter of ``day``."""
    month = 3 * ((day.month - 1) // 3) + 3
    next_month = dt.date(day.year + (month == 12), month % 12 + 1, 1)
    return next_month - dt.timedelta(days=1)


QUARTER_ENDS: tuple[dt.date, ...] = tuple(
    quarter_end(dt.date(year, month, 1))
    for year in range(2005, YEAR + 1)
    for month in (1, 4, 7, 10)
)


# --- Working days ---------------------------------------------------------------


class WorkingDays:
    """Working days as the importer sees them: the ``holidays`` package plus ``calendar`` rows."""

    def __init__(self, first_year: int, last_year: int, overrides: dict[dt.date, bool]) -> None:
        vietnam = holidays.country_holidays("VN", years=range(first_year, last_year + 1))
        first = dt.date(first_year, 1, 1).toordinal()
        last = dt.date(last_year, 12, 31).toordinal()
        self._ordinals: list[int] = []
        for ordinal in range(first, last + 1):
            day = dt.date.fromordinal(ordinal)
            working = overrides.get(day)
            if working is None:
                working = bool(vietnam.is_working_day(day))
            if working:
                self._ordinals.append(ordinal)

    def nth_after(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start``, not counting ``start`` (0: ``start``)."""
        if count == 0:
            return start
        position = bisect.bisect_right(self._ordinals, start.toordinal())
        return dt.date.fromordinal(self._ordinals[position + count - 1])

    def count_after(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        if end <= start:
            return 0
        low = bisect.bisect_right(self._ordinals, start.toordinal())
        return bisect.bisect_right(self._ordinals, end.toordinal()) - low

    def pick(self, rng: random.Random, low: dt.date, high: dt.date) -> dt.date | None:
        """A random working day in ``[low, high]``, or None if there is none."""
        first = bisect.bisect_left(self._ordinals, low.toordinal())
        last = bisect.bisect_right(self._ordinals, high.toordinal())
        if first >= last:
            return None
        return dt.date.fromordinal(self._ordinals[rng.randrange(first, last)])


# --- Entities under construction -------------------------------------------------


@dataclass(frozen=True)
class Investor:
    code: str
    name: str
    country: str

    @property
    def origin(self) -> str:
        return "domestic" if self.country == "VN" else "foreign"


@dataclass
class Event:
    date: dt.date
    kind: str
    capital: int | None = None
    note: str | None = None


@dataclass
class Project:
    code: str
    name: str
    zone_code: str
    investor: Investor
    kind: str
    origin: str
    sector: str
    land_ha: Decimal
    role: str = ""
    events: list[Event] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return "VND" if self.origin == "domestic" else "USD"

    def add(self, event: Event) -> None:
        """Record ``event``; events are kept in date order (ties by the workbook's order)."""
        self.events.append(event)
        self.events.sort(key=lambda item: (item.date, EVENT_ORDER[item.kind]))

    def first(self, kind: str) -> dt.date | None:
        return next((event.date for event in self.events if event.kind == kind), None)

    @property
    def issued_on(self) -> dt.date:
        issued = self.first("issued")
        assert issued is not None
        return issued

    @property
    def last_date(self) -> dt.date:
        return self.events[-1].date

    def capital_on(self, day: dt.date) -> int:
        return sum(event.capital or 0 for event in self.events if event.date <= day)

    def is_valid_on(self, day: dt.date) -> bool:
        terminated = self.first("terminated")
        return self.issued_on <= day and (terminated is None or terminated > day)

    def is_suspended_on(self, day: dt.date) -> bool:
        switches = [
            e.kind for e in self.events if e.kind in ("suspended", "resumed") and e.date <= day
        ]
        return bool(switches) and switches[-1] == "suspended"

    def is_operating_on(self, day: dt.date) -> bool:
        started = self.first("operational")
        return (
            self.is_valid_on(day)
            and started is not None
            and started <= day
            and not self.is_suspended_on(day)
        )


@dataclass(frozen=True)
class ZoneSpec:
    """A zone's shape and pace; ``*_share`` are reached by the end of 2021."""

    code: str
    area_ha: str
    industrial_share: float
    parent: str | None
    planned: dt.date
    approved: dt.date
    established: dt.date
    foreign_developer: bool
    cleared_share: float
    built_share: float
    leased_share: float
    span_years: int  # years over which land is cleared
    tenant_weight: int  # how many tenants it draws
    foreign_bias: float  # share of its tenants that are foreign
    center: tuple[float, float]  # (latitude, longitude)


ZONE_SPECS: tuple[ZoneSpec, ...] = (
    ZoneSpec("PNA", "687.4", 0.68, None, dt.date(2005, 1, 18), dt.date(2005, 3, 10),
             dt.date(2005, 5, 20), False, 1.0, 1.0, 0.97, 7, 10, 0.45, (20.955, 106.030)),
    ZoneSpec("DMPN", "121.8", 0.70, None, dt.date(2005, 1, 18), dt.date(2005, 6, 14),
             dt.date(2005, 9, 8), False, 1.0, 1.0, 0.95, 4, 4, 0.5, (20.915, 106.050)),
    ZoneSpec("TLII", "345.2", 0.70, None, dt.date(2005, 1, 18), dt.date(2006, 2, 16),
             dt.date(2006, 5, 11), True, 1.0, 1.0, 0.98, 5, 12, 0.92, (20.935, 106.095)),
    ZoneSpec("YM", "280.0", 0.70, None, dt.date(2007, 3, 22), dt.date(2008, 1, 17),
             dt.date(2008, 6, 12), False, 0.96, 0.96, 0.86, 7, 6, 0.5, (20.880, 106.005)),
    ZoneSpec("MD", "198.0", 0.70, None, dt.date(2007, 3, 22), dt.date(2008, 10, 9),
             dt.date(2009, 4, 16), False, 1.0, 0.98, 0.9, 6, 6, 0.55, (20.965, 106.115)),
    ZoneSpec("KD", "100.0", 0.70, None, dt.date(2007, 3, 22), dt.date(2009, 8, 20),
             dt.date(2010, 1, 14), False, 0.9, 0.9, 0.8, 6, 3, 0.35, (20.740, 106.030)),
    ZoneSpec("YMII", "320.0", 0.70, None, dt.date(2008, 6, 5), dt.date(2010, 9, 23),
             dt.date(2011, 3, 10), False, 0.9, 0.88, 0.78, 10, 7, 0.6, (20.860, 106.040)),
    ZoneSpec("TLII-2", "177.0", 0.71, "TLII", dt.date(2012, 8, 9), dt.date(2014, 3, 13),
             dt.date(2014, 8, 21), True, 1.0, 1.0, 0.9, 4, 6, 0.92, (20.905, 106.100)),
    ZoneSpec("MQ", "300.0", 0.69, None, dt.date(2007, 3, 22), dt.date(2016, 6, 16),
             dt.date(2017, 3, 9), False, 0.72, 0.78, 0.55, 6, 5, 0.6, (20.990, 106.090)),
    ZoneSpec("LTK", "300.0", 0.69, None, dt.date(2015, 10, 15), dt.date(2017, 5, 18),
             dt.date(2017, 11, 23), False, 0.75, 0.74, 0.55, 5, 6, 0.65, (20.850, 106.085)),
    ZoneSpec("TD", "200.0", 0.70, None, dt.date(2015, 10, 15), dt.date(2018, 1, 25),
             dt.date(2018, 6, 21), False, 0.7, 0.72, 0.5, 4, 4, 0.55, (20.820, 105.975)),
    ZoneSpec("S03", "160.0", 0.70, None, dt.date(2017, 4, 20), dt.date(2019, 9, 12),
             dt.date(2020, 1, 16), False, 0.6, 0.66, 0.4, 2, 3, 0.5, (20.770, 106.055)),
    ZoneSpec("S05", "200.0", 0.70, None, dt.date(2017, 4, 20), dt.date(2020, 1, 9),
             dt.date(2020, 7, 16), False, 0.5, 0.6, 0.3, 2, 2, 0.5, (20.800, 106.110)),
    ZoneSpec("SACH", "150.0", 0.68, None, dt.date(2019, 6, 20), dt.date(2021, 3, 18),
             dt.date(2021, 8, 12), False, 0.1, 0.0, 0.0, 1, 0, 0.5, (20.675, 106.130)),
    ZoneSpec("TH", "250.0", 0.68, None, dt.date(2019, 6, 20), dt.date(2021, 6, 10),
             dt.date(2021, 10, 21), False, 0.05, 0.0, 0.0, 1, 0, 0.5, (20.830, 106.150)),
    ZoneSpec("TLII-3", "180.5", 0.71, "TLII", dt.date(2020, 10, 8), TLII3_POLICY_APPROVED,
             TLII3_CERTIFICATE, True, 0.0, 0.0, 0.0, 1, 0, 0.9, (20.890, 106.120)),
)  # fmt: skip
BUILDING_ZONES_2022 = ("YMII", "MQ", "LTK", "TD", "S03", "S05")  # where infrastructure grows
CLEARING_2022: tuple[tuple[str, ...], ...] = (
    ("MQ", "LTK", "TD"),
    ("S03", "S05", "SACH"),
    ("TLII-3", "MQ", "S05"),
    ("TLII-3", "TH", "LTK"),
)


# --- The generator ------------------------------------------------------------


def generate(seed: int = 2022) -> dict[str, list[dict[str, object]]]:
    """Rows of the demo workbook, by sheet name, each row keyed by the English column keys of docs/reference/workbook.md."""  # noqa: E501
    # Not for security: a seeded generator is what makes the demo reproducible.
    return _DemoBuilder(random.Random(seed)).build()  # noqa: S311


@dataclass
class _Document:
    date: dt.date
    type: str
    title: str
    direction: str
    secret: bool = False
    parent: str | None = None
    symbol: str = ""


class _DemoBuilder:
    """Builds the data set step by step; the order of the steps is part of determinism."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.days = WorkingDays(2005, YEAR + 1, CALENDAR_OVERRIDES)
        self.investors: list[Investor] = []
        self.tenant_investors: dict[str, list[Investor]] = {"foreign": [], "domestic": []}
        self.investor_codes: set[str] = set()
        self.investor_names: set[str] = set()
        self.foreign_serials: dict[str, int] = {}
        self.brands: dict[str, str] = {}  # investor code -> the name its factories carry
        self.developers: dict[str, Investor] = {}
        self.zone_events: list[Row] = []
        self.zone_progress: dict[str, dict[str, Decimal]] = {}
        self.projects: list[Project] = []
        self.project_serial = 0
        # Codes of the projects with a part in the script of 2022: no project gets two.
        self.scripted: set[str] = set()
        self.suspend_in_q1: Project | None = None
        self.resume_in_q1: Project | None = None
        self.terminate_in_q1: list[Project] = []
        self.workforce_target = 0

    def build(self) -> dict[str, list[Row]]:
        fx_rows = self._fx_rates()
        zone_rows = self._zones()
        self._zone_history()
        self._zone_script_2022()
        self._infrastructure_projects()
        self._tenant_projects()
        self._historic_changes()
        self._script_2022_q1()
        self._script_2022_later()
        labor_rows = self._labor_reports()
        procedure_rows, dossier_rows = self._dossiers()
        sheets: dict[str, list[Row]] = {
            "zones": zone_rows,
            "zone_events": sorted(
                self.zone_events, key=lambda row: (str(row["zone_code"]), str(row["date"]))
            ),
            "investors": [
                {"code": i.code, "name": i.name, "country": i.country} for i in self.investors
            ],
            "projects": [_project_row(project) for project in self.projects],
            "project_events": [_event_row(p, event) for p in self.projects for event in p.events],
            "fx_rates": fx_rows,
            "labor_reports": labor_rows,
            "procedures": procedure_rows,
            "dossiers": dossier_rows,
            "calendar": [
                {"date": day, "kind": "working_day" if working else "holiday"}
                for day, working in sorted(CALENDAR_OVERRIDES.items())
            ],
            "inspections": self._inspections(),
            "documents": self._documents(),
            "targets": [
                {
                    "year": YEAR,
                    "indicator": indicator,
                    "target": Decimal(target),
                    "target_max": None if target_max is None else Decimal(target_max),
                    "assigned_by": TARGETS_ASSIGNED_BY,
                    "description": texts.TARGET_DESCRIPTIONS[indicator],
                    "description_en": texts.TARGET_DESCRIPTIONS_EN[indicator],
                }
                for indicator, target, target_max in TARGETS_2022
            ],
            "narratives": [
                {
                    "period": "2022-Q1",
                    "section": section,
                    "text": text,
                    "text_en": texts.NARRATIVES_2022_Q1_EN[section],
                }
                for section, text in texts.NARRATIVES_2022_Q1.items()
            ],
            "priorities": [
                {"period": "2022-Q2", "order": order, "text": text, "text_en": english}
                for order, (text, english) in enumerate(
                    zip(texts.PRIORITIES_2022_Q2, texts.PRIORITIES_2022_Q2_EN, strict=True),
                    start=1,
                )
            ],
        }
        # Last, with a generator of its own: the reports do not change any earlier draw.
        sheets["project_reports"] = self._project_reports(
            labor_rows,
            random.Random(self.rng.random()),  # noqa: S311
        )
        from kcn.exchange.schema import SHEETS_BY_NAME, WORKBOOK_ORDER

        return {
            name: [_complete(row, SHEETS_BY_NAME[name].keys) for row in sheets[name]]
            for name in WORKBOOK_ORDER
        }

    # -- small random helpers ---------------------------------------------------------

    def _day(self, low: dt.date, high: dt.date, project: Project | None = None) -> dt.date:
        """A random working day in ``[low, high]`` on which ``project`` has no event yet."""
        taken = {event.date for event in project.events} if project else set()
        for _ in range(30):
            day = self.days.pick(self.rng, low, high)
            if day is not None and day not in taken:
                return day
        raise RuntimeError(f"no free working day in [{low}, {high}]")

    # -- exchange rates ---------------------------------------------------------------

    def _fx_rates(self) -> list[Row]:
        """Monthly VND/USD rates from January 2005; those of 2022 are fixed."""
        rows: list[Row] = []
        for year in range(2005, YEAR):
            start, end = FX_JANUARY[year], FX_JANUARY[year + 1]
            for month in range(1, 13):
                trend = start + (end - start) * (month - 1) / 12
                rate = _round_to(trend * (1 + self.rng.uniform(-0.003, 0.003)), 10)
                rows.append(_fx_row(dt.date(year, month, 1), rate))
        rows.extend(_fx_row(dt.date(YEAR, month, 1), rate) for month, rate in enumerate(FX_2022, 1))
        return rows

    # -- investors --------------------------------------------------------------------

    def _new_domestic(self, trade: str | None = None) -> Investor:
        while True:
            prefix = "09" if self.rng.random() < 0.8 else "01"  # Hưng Yên, or Hà Nội
            first_nine = f"{prefix}{self.rng.randrange(1, 10**7):07d}"
            check = tax_check_digit(first_nine)
            code = f"{first_nine}{check}"
            if check is not None and code not in self.investor_codes:
                break
        while True:
            brand = (
                f"{self.rng.choice(texts.VN_BRAND_FIRST)} {self.rng.choice(texts.VN_BRAND_SECOND)}"
            )
            form = self.rng.choice(texts.VN_COMPANY_FORMS)
            name = f"{form} {trade or self.rng.choice(texts.VN_TRADE_WORDS)} {brand}"
            if name not in self.investor_names:
                return self._register(Investor(code, name, "VN"), brand)

    def _new_foreign(self, country: str, trade: str | None = None) -> Investor:
        serial = self.foreign_serials.get(country, 0) + 1
        self.foreign_serials[country] = serial
        for attempt in range(100):
            brand = " ".join(
                (
                    self.rng.choice(texts.FOREIGN_STEMS[country]),
                    trade or self.rng.choice(texts.FOREIGN_TRADE_WORDS),
                )
            )
            if attempt > 20:  # a small country's stems are all used: number the company
                brand = f"{brand} {attempt - 19}"
            name = texts.FOREIGN_COMPANY_FORM.format(brand=brand)
            if name not in self.investor_names:
                return self._register(Investor(f"{country}-{serial:04d}", name, country), brand)
        raise RuntimeError(f"no free company name for {country}")

    def _register(self, investor: Investor, brand: str) -> Investor:
        self.investors.append(investor)
        self.brands[investor.code] = brand
        self.investor_codes.add(investor.code)
        self.investor_names.add(investor.name)
        return investor

    def _tenant_investor(self, origin: str) -> Investor:
        """A new investor, or (one time in twelve) one that already has a project here."""
        existing = self.tenant_investors[origin]
        if existing and self.rng.random() < 1 / 12:
            return self.rng.choice(existing)
        if origin == "domestic":
            investor = self._new_domestic()
        else:
            countries = [country for country, _ in FOREIGN_COUNTRIES]
            weights = [weight for _, weight in FOREIGN_COUNTRIES]
            investor = self._new_foreign(self.rng.choices(countries, weights)[0])
        existing.append(investor)
        return investor

    # -- zones ------------------------------------------------------------------------

    def _zones(self) -> list[Row]:
        rows: list[Row] = []
        for spec in ZONE_SPECS:
            area = Decimal(spec.area_ha)
            rows.append(
                {
                    "code": spec.code,
                    "name": texts.ZONE_NAMES[spec.code],
                    "province": texts.PROVINCE,
                    "district": texts.ZONE_DISTRICTS[spec.code],
                    "area_ha": area,
                    "industrial_land_ha": _dec(float(area) * spec.industrial_share, 1),
                    "parent_code": spec.parent,
                    "developer": self._developer(spec).code,
                    "geometry": _rectangle(spec.center, float(area)),
                }
            )
        return rows

    def _developer(self, spec: ZoneSpec) -> Investor:
        """The zone's infrastructure investor; an extension keeps its parent's."""
        if spec.parent is not None:
            developer = self.developers[spec.parent]
        elif spec.foreign_developer:
            developer = self._new_foreign("JP", texts.FOREIGN_DEVELOPER_TRADE)
        else:
            developer = self._new_domestic(texts.VN_DEVELOPER_TRADE)
        self.developers[spec.code] = developer
        return developer

    def _zone_event(
        self,
        zone: str,
        day: dt.date,
        event: str,
        area: Decimal | None = None,
        document: str | None = None,
    ) -> None:
        self.zone_events.append(
            {"zone_code": zone, "date": day, "event": event, "area_ha": area, "document": document}
        )

    def _zone_history(self) -> None:
        """Each zone's decisions, then its yearly clearance, building and leasing up to 2021."""
        master_plans: dict[dt.date, int] = {}  # zones planned on one day share the decision
        for spec in ZONE_SPECS:
            plan_no = master_plans.setdefault(spec.planned, self.rng.randrange(120, 1900))
            self._zone_event(spec.code, spec.planned, "planned", document=f"{plan_no}/QĐ-TTg")
            approval_no = self.rng.randrange(100, 1800)
            self._zone_event(
                spec.code, spec.approved, "policy_approved", document=f"{approval_no}/QĐ-TTg"
            )
            # Since Decree 82/2018 a zone is established by its investment certificate.
            decision = None if spec.code == "TLII-3" else f"{self.rng.randrange(200, 2600)}/QĐ-UBND"
            self._zone_event(spec.code, spec.established, "established", document=decision)
            self.zone_progress[spec.code] = self._zone_yearly_progress(spec)

    def _zone_yearly_progress(self, spec: ZoneSpec) -> dict[str, Decimal]:
        """Land cleared each year (spring), built on what was cleared the year before
        (summer), leased on what was built before (autumn): the totals never overtake."""
        progress = {"cleared": Decimal(0), "built": Decimal(0), "leased": Decimal(0)}
        if spec.established > HISTORY_END:
            return progress
        first_year = spec.established.year
        clearing_years = list(range(first_year, min(2021, first_year + spec.span_years - 1) + 1))
        tenths = _partition(
            self.rng, int(float(spec.area_ha) * spec.cleared_share * 10), len(clearing_years), 1
        )
        cleared_before = Decimal(0)  # by the end of the previous year
        for year in range(first_year, 2022):
            built_before = progress["built"]
            if year in clearing_years:
                low = max(dt.date(year, 2, 1), spec.established + dt.timedelta(days=10))
                day = self.days.pick(self.rng, low, max(low, dt.date(year, 6, 30)))
                day = day or self._day(low, dt.date(year, 12, 20))
                area = Decimal(tenths[clearing_years.index(year)]) / 10
                self._zone_event(spec.code, day, "land_cleared", area)
                progress["cleared"] += area
            built_goal = _dec(float(cleared_before) * spec.built_share, 1)
            if built_goal > progress["built"]:
                day = self._day(dt.date(year, 7, 1), dt.date(year, 11, 30))
                self._zone_event(
                    spec.code, day, "infrastructure_built", built_goal - progress["built"]
                )
                progress["built"] = built_goal
            leased_goal = _dec(float(built_before) * spec.industrial_share * spec.leased_share, 1)
            if leased_goal > progress["leased"]:
                day = self._day(dt.date(year, 8, 1), dt.date(year, 12, 20))
                self._zone_event(spec.code, day, "land_leased", leased_goal - progress["leased"])
                progress["leased"] = leased_goal
            cleared_before = progress["cleared"]
        return progress

    def _zone_script_2022(self) -> None:
        """Clearance, building and leasing in 2022; Q1 builds exactly 29 ha over four zones."""
        specs = {spec.code: spec for spec in ZONE_SPECS}
        built_tenths = (
            int(SEED_INFRASTRUCTURE_BUILT_HA * 10),
            self.rng.randint(300, 360),
            self.rng.randint(300, 350),
            self.rng.randint(350, 400),
        )
        for index, (start, end) in enumerate(QUARTERS):
            # Clearance in the quarter's first weeks makes room for the building after it.
            cleared_by = start + dt.timedelta(days=40)
            for code in CLEARING_2022[index]:
                spec, progress = specs[code], self.zone_progress[code]
                room = Decimal(spec.area_ha) - progress["cleared"]
                wanted = self.rng.randint(80, 150) * (3 if code == "TLII-3" else 1)
                tenths = min(int(room * 10), wanted)
                if tenths > 0:
                    low = max(start + dt.timedelta(days=3), spec.established + dt.timedelta(days=7))
                    self._zone_event(
                        code, self._day(low, cleared_by), "land_cleared", Decimal(tenths) / 10
                    )
                    progress["cleared"] += Decimal(tenths) / 10
            pieces = _partition(
                self.rng, built_tenths[index], 4 if index == 0 else self.rng.randint(3, 4), 40
            )
            zones = list(BUILDING_ZONES_2022)
            self.rng.shuffle(zones)
            for piece in pieces:
                area = Decimal(piece) / 10
                builder = next((z for z in zones if self._unbuilt(z) >= area), None)
                if builder is None:
                    raise RuntimeError(
                        f"no zone has {area} ha cleared and unbuilt in {start:%m/%Y}"
                    )
                zones.remove(builder)  # the next piece goes to another zone
                day = self._day(cleared_by + dt.timedelta(days=1), end - dt.timedelta(days=1))
                self._zone_event(builder, day, "infrastructure_built", area)
                self.zone_progress[builder]["built"] += area
            for code in self.rng.sample(BUILDING_ZONES_2022, 2):
                spec, progress = specs[code], self.zone_progress[code]
                room = (
                    _dec(float(progress["built"]) * spec.industrial_share, 1) - progress["leased"]
                )
                tenths = min(int(room * 10), self.rng.randint(40, 120))
                if tenths > 0:
                    day = self._day(cleared_by + dt.timedelta(days=1), end - dt.timedelta(days=1))
                    self._zone_event(code, day, "land_leased", Decimal(tenths) / 10)
                    progress["leased"] += Decimal(tenths) / 10

    def _unbuilt(self, zone: str) -> Decimal:
        progress = self.zone_progress[zone]
        return progress["cleared"] - progress["built"]

    # -- projects ---------------------------------------------------------------------

    def _project_code(self, issued: dt.date) -> str:
        """A 10-digit project code (mã số dự án): year, the board's number, a serial."""
        self.project_serial += 1
        return f"{issued.year % 100:02d}43{self.project_serial:06d}"

    def _infrastructure_projects(self) -> None:
        for spec in ZONE_SPECS:
            developer = self.developers[spec.code]
            area = float(spec.area_ha)
            if spec.code == "TLII-3":
                capital = TLII3_CAPITAL_USD  # seed: its certificate of Q1 2022, 98 million USD
            elif developer.origin == "foreign":
                capital = _round_to(area * self.rng.uniform(380_000, 560_000), 100_000)
            else:
                capital = _round_to(area * self.rng.uniform(4.5e9, 9e9), 10**9)
            project = Project(
                code=self._project_code(spec.established),
                name=texts.INFRASTRUCTURE_PROJECT_NAME.format(zone=texts.ZONE_NAMES[spec.code]),
                zone_code=spec.code,
                investor=developer,
                kind="infrastructure",
                origin=developer.origin,
                sector=texts.INFRASTRUCTURE_SECTOR,
                land_ha=Decimal(spec.area_ha),
                role="infrastructure",
            )
            project.add(Event(spec.established, "issued", capital))
            self.projects.append(project)

    def _tenant_projects(self) -> None:
        """Every tenant project of the history, issued and (by its role) started."""
        for role, (foreign, domestic) in ROLE_COUNTS.items():
            if role in ("new_q1", "new_2022"):
                continue  # created by the script of 2022
            origins = ["foreign"] * foreign + ["domestic"] * domestic
            self.rng.shuffle(origins)
            for origin in origins:
                project = self._new_tenant(origin, self._issue_date(role), role)
                latest_start = {
                    "operating": dt.date(2021, 12, 10),
                    "suspended": dt.date(2019, 6, 30),
                    "terminated": dt.date(2019, 6, 30),
                }.get(role)
                if latest_start is None or (role == "terminated" and self.rng.random() < 0.4):
                    continue  # not started by 2022 (or a terminated project that never started)
                low = project.issued_on + dt.timedelta(days=120)
                high = max(low, min(project.issued_on + dt.timedelta(days=720), latest_start))
                project.add(Event(self._day(low, high, project), "operational"))

    def _issue_date(self, role: str) -> dt.date:
        low, high = {
            "operating": (dt.date(2005, 10, 1), dt.date(2021, 6, 30)),
            "started_q1": (dt.date(2020, 3, 1), dt.date(2021, 9, 30)),
            "suspended": (dt.date(2008, 1, 1), dt.date(2017, 12, 31)),
            "slow": (dt.date(2016, 1, 1), dt.date(2018, 12, 31)),
            "pending": (dt.date(2020, 7, 1), dt.date(2021, 12, 20)),
            "terminated": (dt.date(2006, 1, 1), dt.date(2017, 12, 31)),
        }[role]
        if role == "operating":
            # More projects in recent years; few in 2020-2021, whose projects are
            # mostly still "pending" or "started_q1" (they must start before 2022).
            years = list(range(low.year, high.year + 1))
            weights = [
                1 + 0.2 * (y - low.year) if y < 2020 else {2020: 1.6, 2021: 0.4}[y] for y in years
            ]
            year = self.rng.choices(years, weights)[0]
            low, high = max(low, dt.date(year, 1, 1)), min(high, dt.date(year, 12, 31))
        return self._day(low, high)

    def _new_tenant(
        self, origin: str, issued: dt.date, role: str, capital: int | None = None
    ) -> Project:
        investor = self._tenant_investor(origin)
        line, sector = self.rng.choice(texts.PRODUCT_LINES)
        if origin == "foreign":
            capital = capital or _round_to(
                min(3e8, max(6e5, self.rng.lognormvariate(math.log(8e6), 1.0))), 100_000
            )
        else:
            capital = capital or _round_to(
                min(3e12, max(1e10, self.rng.lognormvariate(math.log(1.2e11), 0.9))), 10**9
            )
        project = Project(
            code=self._project_code(issued),
            name=texts.PROJECT_NAME.format(line=line, brand=self.brands[investor.code]),
            zone_code=self._zone_for(origin, issued),
            investor=investor,
            kind="secondary",
            origin=origin,
            sector=sector,
            land_ha=_dec(self.rng.uniform(0.6, 12.0), 2),
            role=role,
        )
        project.add(Event(issued, "issued", capital))
        self.projects.append(project)
        return project

    def _zone_for(self, origin: str, issued: dt.date) -> str:
        """A zone open to tenants: established at least four months before ``issued``."""
        open_zones = [
            spec
            for spec in ZONE_SPECS
            if spec.tenant_weight > 0 and spec.established + dt.timedelta(days=120) <= issued
        ]
        weights = [
            spec.tenant_weight
            * (spec.foreign_bias if origin == "foreign" else 1 - spec.foreign_bias)
            for spec in open_zones
        ]
        return self.rng.choices(open_zones, weights)[0].code

    def _tenants(self, role: str, origin: str | None = None) -> list[Project]:
        return [p for p in self.projects if p.role == role and origin in (None, p.origin)]

    def _suspend(self, project: Project, day: dt.date) -> None:
        project.add(Event(day, "suspended", note=self.rng.choice(texts.SUSPENSION_NOTES)))

    def _resume(self, project: Project, day: dt.date) -> None:
        project.add(Event(day, "resumed", note=texts.RESUMPTION_NOTE))

    def _terminate(self, project: Project, day: dt.date) -> None:
        project.add(Event(day, "terminated", note=self.rng.choice(texts.TERMINATION_NOTES)))

    def _adjust(self, project: Project, day: dt.date, change: int | None) -> None:
        """An amendment of the certificate; ``change`` None leaves the capital alone."""
        if change is None:
            note = self.rng.choice(texts.ADJUSTMENT_NOTES_NO_CAPITAL)
        else:
            note = texts.ADJUSTMENT_NOTE.format(
                n=1 + sum(e.kind == "adjusted" for e in project.events)
            )
        project.add(Event(day, "adjusted", change, note))

    def _historic_changes(self) -> None:
        """Suspensions, terminations and capital changes before 2022 (all within 2005-2021)."""
        # Suspended on 31/03/2022: one is suspended in Q1 2022, the others in 2020-2021.
        suspended = self._tenants("suspended")
        self.suspend_in_q1 = suspended[0]
        for project in suspended[1:]:
            started = project.first("operational")
            assert started is not None
            low = max(started + dt.timedelta(days=180), dt.date(2020, 2, 3))
            self._suspend(project, self._day(low, dt.date(2021, 11, 30), project))
        # A dozen operating projects were suspended and resumed; one more resumes in Q1 2022.
        early = [
            p
            for p in self._tenants("operating")
            if (p.first("operational") or YEAR_END) <= dt.date(2019, 12, 31)
        ]
        self.rng.shuffle(early)
        self.resume_in_q1 = early[0]
        self._suspend(early[0], self._day(dt.date(2021, 5, 3), dt.date(2021, 10, 29), early[0]))
        for project in early[1:13]:
            started = project.first("operational")
            assert started is not None
            stopped = self._day(started + dt.timedelta(days=180), dt.date(2021, 3, 31), project)
            self._suspend(project, stopped)
            last = min(stopped + dt.timedelta(days=300), dt.date(2021, 11, 30))
            self._resume(project, self._day(stopped + dt.timedelta(days=60), last, project))
        self.scripted.update(p.code for p in early[:13])
        # Terminated before 31/03/2022: two in Q1 2022 (scripted), the others in 2010-2021.
        terminated = self._tenants("terminated")
        self.terminate_in_q1 = terminated[:2]
        for project in terminated[2:]:
            low = max(project.last_date + dt.timedelta(days=200), dt.date(2010, 1, 4))
            ended = self._day(low, max(low, dt.date(2021, 11, 30)), project)
            started = project.first("operational")
            if started is not None and (ended - started).days > 400 and self.rng.random() < 0.15:
                low = started + dt.timedelta(days=150)
                self._suspend(project, self._day(low, ended - dt.timedelta(days=60), project))
            self._terminate(project, ended)
        # Amendments: each year a valid project may have one, at the rates of 2022.
        for project in self.projects:
            ended_on = project.first("terminated")
            last = min(HISTORY_END, ended_on - dt.timedelta(days=1) if ended_on else HISTORY_END)
            first = project.issued_on + dt.timedelta(days=60)
            for year in range(first.year, last.year + 1):
                draw = self.rng.random()
                if draw >= AMENDMENT_RATE:
                    continue
                low, high = max(first, dt.date(year, 1, 1)), min(last, dt.date(year, 12, 31))
                day = self.days.pick(self.rng, low, high) if low <= high else None
                if day is not None and all(event.date != day for event in project.events):
                    self._historic_adjustment(project, day, draw)

    def _historic_adjustment(self, project: Project, day: dt.date, draw: float) -> None:
        """An increase, a decrease, or (most often) an amendment without capital."""
        current = project.capital_on(day)
        unit = 100_000 if project.currency == "USD" else 10**9
        if draw < INCREASE_RATE:
            self._adjust(project, day, _round_to(current * self.rng.uniform(0.1, 0.6), unit))
        elif draw < INCREASE_RATE + DECREASE_RATE and current > 4 * unit:
            cut = min(_round_to(current * self.rng.uniform(0.05, 0.3), unit), current - unit)
            self._adjust(project, day, -cut)
        else:
            self._adjust(project, day, None)

    # -- the script of 2022 -----------------------------------------------------------

    def _take(self, role: str, origin: str | None, count: int) -> list[Project]:
        """``count`` random projects of ``role`` that have no part in the 2022 script yet."""
        pool = [p for p in self._tenants(role, origin) if p.code not in self.scripted]
        if len(pool) < count:
            raise RuntimeError(f"not enough {role} projects for the script of 2022")
        chosen = self.rng.sample(pool, count)
        self.scripted.update(p.code for p in chosen)
        return chosen

    def _script_2022_q1(self) -> None:
        """The events of Q1 2022, which make the figures of docs/reference/seed-figures.md."""
        start, end = QUARTERS[0]
        after_tet = dt.date(2022, 2, 7)
        # 03 new domestic projects, 345 billion VND (in units of 5 billion).
        for units in _partition(self.rng, SEED_NEW_CAPITAL_VND // (5 * 10**9), 3, 12):
            day = self._day(dt.date(2022, 1, 10), dt.date(2022, 3, 25))
            self._new_tenant("domestic", day, "new_q1", units * 5 * 10**9)
        # 08 projects start operation.
        for project in self._take("started_q1", None, len(self._tenants("started_q1"))):
            low = max(start, project.issued_on + dt.timedelta(days=90))
            project.add(Event(self._day(low, end - dt.timedelta(days=1), project), "operational"))
        # 12 projects increase capital: 8 foreign ones by 112 million USD in 9 steps
        # (the first of them twice), 4 domestic ones by 410 billion VND.
        usd_units = _partition(
            self.rng, SEED_INCREASE_USD // 500_000, SEED_INCREASED_FOREIGN + 1, 4
        )
        foreign = self._take("operating", "foreign", SEED_INCREASED_FOREIGN)
        for project, units in zip(foreign, usd_units[:-1], strict=True):
            self._adjust(project, self._day(start, dt.date(2022, 2, 25), project), units * 500_000)
        self._adjust(
            foreign[0], self._day(dt.date(2022, 3, 1), end, foreign[0]), usd_units[-1] * 500_000
        )
        vnd_units = _partition(
            self.rng, SEED_INCREASE_VND // (5 * 10**9), SEED_INCREASED_DOMESTIC, 4
        )
        for project, units in zip(
            self._take("operating", "domestic", SEED_INCREASED_DOMESTIC), vnd_units, strict=True
        ):
            self._adjust(project, self._day(start, end, project), units * 5 * 10**9)
        # A decrease and an amendment without capital: neither is an increase.
        (shrinking,) = self._take("operating", "foreign", 1)
        cut = _round_to(shrinking.capital_on(end) * self.rng.uniform(0.05, 0.2), 100_000)
        self._adjust(
            shrinking,
            self._day(start, end, shrinking),
            -min(cut, shrinking.capital_on(end) - 100_000),
        )
        for amended in self._take("operating", None, AMENDMENTS_PER_QUARTER):
            self._adjust(amended, self._day(start, end, amended), None)
        # Two terminations, one suspension, one resumption.
        assert self.suspend_in_q1 is not None
        assert self.resume_in_q1 is not None
        for project in self.terminate_in_q1:
            self._terminate(project, self._day(after_tet, end - dt.timedelta(days=1), project))
        self.scripted.update(p.code for p in [*self.terminate_in_q1, self.suspend_in_q1])
        self._suspend(
            self.suspend_in_q1, self._day(after_tet, end - dt.timedelta(days=1), self.suspend_in_q1)
        )
        self._resume(
            self.resume_in_q1, self._day(after_tet, dt.date(2022, 3, 15), self.resume_in_q1)
        )

    def _script_2022_later(self) -> None:
        """Q2-Q4 2022: activity of the size of Q1, ending the year near its targets."""
        # New projects: 16 foreign (190 million USD), 11 domestic (1,650 billion VND).
        foreign_units = _partition(
            self.rng, NEW_CAPITAL_LATER_USD // 100_000, ROLE_COUNTS["new_2022"][0], 15
        )
        domestic_units = _partition(
            self.rng, NEW_CAPITAL_LATER_VND // (5 * 10**9), ROLE_COUNTS["new_2022"][1], 6
        )
        capitals = [("foreign", u * 100_000) for u in foreign_units] + [
            ("domestic", u * 5 * 10**9) for u in domestic_units
        ]
        self.rng.shuffle(capitals)
        starters = self._take("pending", None, sum(STARTS_LATER) - 2)
        starters.sort(key=lambda p: p.issued_on)
        usd_units = _partition(self.rng, INCREASE_LATER_USD // 500_000, sum(INCREASES_LATER_USD), 2)
        vnd_units = _partition(
            self.rng, INCREASE_LATER_VND // (5 * 10**9), sum(INCREASES_LATER_VND), 4
        )
        resumers = [p for p in self._tenants("suspended") if p is not self.suspend_in_q1]
        slow = self._take("slow", None, 2)
        early_newcomers: list[Project] = []
        for quarter in (1, 2, 3):
            start, end = QUARTERS[quarter]
            newcomers = []
            for _ in range(NEW_PROJECTS_LATER[quarter - 1]):
                origin, capital = capitals.pop()
                day = self._day(start, end - dt.timedelta(days=1))
                newcomers.append(self._new_tenant(origin, day, "new_2022", capital))
            if quarter == 1:
                early_newcomers = sorted(newcomers, key=lambda p: p.issued_on)[:2]
            starting = [
                starters.pop(0)
                for _ in range(STARTS_LATER[quarter - 1] - (2 if quarter == 3 else 0))
            ]
            if quarter == 3:
                starting += early_newcomers  # two projects of Q2 start within the year
            for project in starting:
                low = max(start, project.issued_on + dt.timedelta(days=90))
                project.add(Event(self._day(low, end, project), "operational"))
            for project in self._take("operating", "foreign", INCREASES_LATER_USD[quarter - 1]):
                self._adjust(project, self._day(start, end, project), usd_units.pop() * 500_000)
            for project in self._take("operating", "domestic", INCREASES_LATER_VND[quarter - 1]):
                self._adjust(project, self._day(start, end, project), vnd_units.pop() * 5 * 10**9)
            if quarter in (2, 3):  # a decrease in Q3 and Q4
                (project,) = self._take("operating", "domestic" if quarter == 2 else "foreign", 1)
                unit = 10**9 if project.currency == "VND" else 100_000
                cut = _round_to(project.capital_on(end) * self.rng.uniform(0.05, 0.2), unit)
                self._adjust(
                    project,
                    self._day(start, end, project),
                    -min(cut, project.capital_on(end) - unit),
                )
            for project in self._take("operating", None, AMENDMENTS_PER_QUARTER):
                self._adjust(project, self._day(start, end, project), None)
            if quarter in (2, 3):  # an operating project stops in Q3 and in Q4
                (project,) = self._take("operating", None, 1)
                self._suspend(project, self._day(start, end, project))
            resumer = resumers.pop()
            self._resume(resumer, self._day(start, end, resumer))
            (leaving,) = self._take("operating", None, 1)
            self._terminate(leaving, self._day(start, end, leaving))
            if quarter >= 2:
                project = slow.pop()
                self._terminate(project, self._day(start, end, project))
        # The project suspended in Q1 2022 closes for good in Q4.
        assert self.suspend_in_q1 is not None
        start, end = QUARTERS[3]
        self._terminate(self.suspend_in_q1, self._day(start, end, self.suspend_in_q1))

    # -- labour -----------------------------------------------------------------------

    def _labor_reports(self) -> list[Row]:
        """Quarterly reports of every started tenant; see the module docstring for 2022."""
        started = [p for p in self.projects if p.kind == "secondary" and p.first("operational")]
        # The large employers came early (electronics, garments); recent projects are smaller.
        capacity = {
            p.code: self.rng.lognormvariate(math.log(110), 0.85) * _era_size(p.issued_on.year)
            for p in started
        }
        # The project suspended in Q1 2022 is a small one: its lay-offs must stay well
        # below the Q1 loss budget (Q1_WORKFORCE_LOSS - the net gain of 1,200).
        assert self.suspend_in_q1 is not None
        capacity[self.suspend_in_q1.code] = min(capacity[self.suspend_in_q1.code], 60.0)
        foreign_share = {
            p.code: self.rng.uniform(0.005, 0.035) if p.origin == "foreign" else 0.0
            for p in started
        }
        # History: ramp-up to the capacity, with a slow random walk; skeleton staff while suspended.
        shape: dict[str, list[tuple[dt.date, float]]] = {}
        for project in started:
            ramp_quarters = self.rng.randint(3, 10)
            walk = 1.0
            shape[project.code] = []
            for index, day in enumerate(self._report_days(project, HISTORY_END)):
                walk = min(1.1, max(0.9, walk + 0.3 * (1 - walk) + self.rng.gauss(0, 0.01)))
                ramp = min(1.0, 0.3 + 0.7 * (index + 1) / ramp_quarters)
                factor = SKELETON_SHARE if project.is_suspended_on(day) else ramp * walk
                shape[project.code].append((day, factor))
        # Scale so that the valid projects' headcount on 31/12/2021 is the Q1 workforce - 1,800.
        self.workforce_target = SEED_WORKFORCE_ROUNDED + self.rng.choice(
            (-1, 1)
        ) * self.rng.randint(60, 440)
        valid_at_seed = [p for p in started if p.is_valid_on(SEED_DAY) and shape[p.code]]
        raw = sum(capacity[p.code] * shape[p.code][-1][1] for p in valid_at_seed)
        scale = (self.workforce_target - Q1_WORKFORCE_LOSS) / raw
        headcount = {
            code: [(day, _headcount(scale * capacity[code], factor)) for day, factor in days]
            for code, days in shape.items()
        }
        for index, (_, end) in enumerate(QUARTERS):
            self._constructed_quarter(index, end, started, headcount, capacity, scale)
        rows: list[Row] = []
        for project in started:
            previous = 0
            for day, employees in headcount[project.code]:
                rows.append(
                    {
                        "project_code": project.code,
                        "period_end": day,
                        "employees": employees,
                        "foreign_employees": min(
                            employees, round(employees * foreign_share[project.code])
                        ),
                        "new_jobs": max(0, employees - previous),
                    }
                )
                previous = employees
        return rows

    def _project_reports(self, labor_rows: list[Row], rng: random.Random) -> list[Row]:
        """Quarterly reports (form A.III.1) of 2021 and 2022 to 2022-Q3.

        The board began collecting them in 2021: nearly all of 2021's came in,
        most on time. In 2022 discipline slips, so that the inbox has work: of
        2022-Q2's, most are accepted, some wait for review, a few were returned
        and about one in eight is missing; 2022-Q3's are still coming in.
        Revenue follows the headcount of the project's labor report.
        """
        headcount: dict[tuple[str, Any], Any] = {
            (str(row["project_code"]), row["period_end"]): row["employees"] for row in labor_rows
        }
        # (quarter, share missing, share late, share waiting for review, share returned)
        plan = [
            *((f"2021-Q{n}", 0.02, 0.06, 0.0, 0.0) for n in range(1, 5)),
            ("2022-Q1", 0.05, 0.10, 0.0, 0.0),
            ("2022-Q2", 0.13, 0.12, 0.10, 0.04),
            ("2022-Q3", 0.25, 0.10, 0.30, 0.02),
        ]
        rows: list[Row] = []
        for code, missing, late, waiting, returned in plan:
            year, number = int(code[:4]), int(code[-1])
            end = quarter_end(dt.date(year, 3 * number, 1))
            due = dt.date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 10)
            for project in self.projects:
                if project.kind != "secondary" or not project.is_valid_on(end):
                    continue
                draw = rng.random()
                if draw < missing:
                    continue
                day = due - dt.timedelta(days=rng.randint(1, 9))
                if rng.random() < late:
                    day = due + dt.timedelta(days=rng.randint(1, 25))
                status = "accepted"
                state_draw = rng.random()
                if state_draw < returned:
                    status = "returned"
                elif state_draw < returned + waiting:
                    status = "submitted"
                rows.append(
                    {
                        "project_code": project.code,
                        "period": code,
                        "submitted_on": day,
                        "status": status,
                        **self._reported_figures(project, end, headcount, rng),
                    }
                )
        return rows

    @staticmethod
    def _reported_figures(
        project: Project,
        end: dt.date,
        headcount: dict[tuple[str, Any], Any],
        rng: random.Random,
    ) -> Row:
        """What one project's quarterly report says, in the currency of its certificate."""
        employees = headcount.get((project.code, end))
        started = project.first("operational")
        operating = started is not None and started <= end and not project.is_suspended_on(end)
        vnd = project.currency == "VND"
        capital = project.capital_on(end)
        share = rng.uniform(0, 0.02) if operating else rng.uniform(0.04, 0.12)
        realized = capital * share
        figures: Row = {"capital_realized": _dec(realized, 0)}
        if operating and employees:
            per_worker = rng.uniform(7_000, 16_000)  # USD of revenue per worker and quarter
            revenue_usd = employees * per_worker
            exports = revenue_usd * (rng.uniform(0.55, 0.9) if not vnd else rng.uniform(0, 0.3))
            figures.update(
                {
                    "revenue": _dec(revenue_usd * 23_000 if vnd else revenue_usd, 0),
                    "exports_usd": _dec(exports, 0),
                    "imports_usd": _dec(exports * rng.uniform(0.4, 0.8), 0),
                    "budget_paid_vnd": Decimal(
                        _round_to(revenue_usd * rng.uniform(0.02, 0.05) * 23_000, 1_000_000)
                    ),
                    "employees": employees,
                }
            )
        return figures

    @staticmethod
    def _report_days(project: Project, until: dt.date) -> list[dt.date]:
        """Quarter ends on which ``project`` reports: from its start while valid, to ``until``."""
        started = project.first("operational")
        ended = project.first("terminated")
        assert started is not None
        return [
            day
            for day in QUARTER_ENDS
            if started <= day <= until and (ended is None or day < ended)
        ]

    def _constructed_quarter(
        self,
        index: int,
        end: dt.date,
        started: list[Project],
        headcount: dict[str, list[tuple[dt.date, int]]],
        capacity: dict[str, float],
        scale: float,
    ) -> None:
        """Headcounts on the ``end`` of a 2022 quarter, with exact totals.

        Forced levels first (new starters, resumed, suspended); then the other
        operating projects share a gain and a loss. In Q1 the gain makes the
        jobs exactly 3,000 and the loss makes the workforce the target.
        """
        start = QUARTERS[index][0]
        reporting = [p for p in started if end in self._report_days(p, end)]
        previous = {p.code: headcount[p.code][-1][1] if headcount[p.code] else 0 for p in reporting}
        forced: dict[str, int] = {}
        for project in reporting:
            code = project.code
            switches = [e for e in project.events if start <= e.date <= end]
            kinds = [e.kind for e in switches]
            if "operational" in kinds:
                forced[code] = self.rng.randint(60, 170) if index == 0 else self.rng.randint(20, 45)
            elif "resumed" in kinds:  # back to most of its size (a modest one after Q1)
                ceiling = 300 if index == 0 else 150
                forced[code] = min(
                    ceiling, max(previous[code] + 20, round(scale * capacity[code] * 0.8))
                )
            elif "suspended" in kinds:
                forced[code] = max(2, round(previous[code] * SKELETON_SHARE))
            elif project.is_suspended_on(end):
                forced[code] = previous[code]
        free = [p.code for p in reporting if p.code not in forced]
        forced_gain = sum(max(0, level - previous[code]) for code, level in forced.items())
        forced_loss = sum(max(0, previous[code] - level) for code, level in forced.items())
        if index == 0:
            gain = SEED_JOBS - forced_gain
            loss = sum(previous.values()) + SEED_JOBS - forced_loss - self.workforce_target
        else:
            gain, loss = self.rng.randint(150, 280), self.rng.randint(60, 200)
        if gain < 0 or loss < 0:
            raise RuntimeError(f"the labour construction of {end} failed: gain {gain}, loss {loss}")
        self.rng.shuffle(free)
        gainers, losers = free[: len(free) * 2 // 5], free[len(free) * 2 // 5 : len(free) * 3 // 4]
        changes = dict.fromkeys(free, 0)
        for code, amount in zip(
            gainers,
            _allocate(self.rng, gain, [max(5, previous[c] // 4) for c in gainers]),
            strict=True,
        ):
            changes[code] = amount
        for code, amount in zip(
            losers, _allocate(self.rng, loss, [previous[c] // 5 for c in losers]), strict=True
        ):
            changes[code] = -amount
        for project in reporting:
            code = project.code
            level = forced.get(code, previous[code] + changes.get(code, 0))
            headcount[code].append((end, level))

    # -- one-stop shop ----------------------------------------------------------------

    def _dossiers(self) -> tuple[list[Row], list[Row]]:
        """Procedures, and dossiers 2020-2022 with due dates computed as the importer does."""
        procedures = [
            {"code": code, "name": name, "working_days": days}
            for code, name, days in texts.PROCEDURES
        ]
        limits = {code: days for code, _, days in texts.PROCEDURES}
        codes = list(PROCEDURE_WEIGHTS)
        weights = list(PROCEDURE_WEIGHTS.values())
        applicants = [
            inv.name for inv in self.tenant_investors["foreign"] + self.tenant_investors["domestic"]
        ]
        rows: list[Row] = []
        for (year, quarter), count in DOSSIERS_PER_QUARTER.items():
            start = dt.date(year, 3 * quarter - 2, 1)
            end = quarter_end(start)
            received = sorted(self.days.pick(self.rng, start, end) or start for _ in range(count))
            chosen = self.rng.choices(codes, weights, k=count)
            dues = [
                self.days.nth_after(day, limits[code])
                for day, code in zip(received, chosen, strict=True)
            ]
            # Resolved within the quarter: those of Q4 2021 (so that none is resolved in
            # Q1 2022 but those received in it) and those of Q1 2022.
            deadline = end if (year, quarter) in ((2021, 4), (2022, 1)) else None
            on_due: list[int] = []
            if (year, quarter) == (2022, 1):
                eligible = [i for i, due in enumerate(dues) if due <= end]
                on_due = self.rng.sample(eligible, SEED_DOSSIERS_ON_DUE_DATE)
            per_day: dict[dt.date, int] = {}
            for position, (day, code, due) in enumerate(zip(received, chosen, dues, strict=True)):
                per_day[day] = per_day.get(day, 0) + 1
                resolved = self._resolution(
                    day,
                    limits[code],
                    due,
                    deadline,
                    position in on_due,
                    (year, quarter) == (2022, 1),
                )
                if resolved is not None and resolved > YEAR_END:
                    resolved = None  # still pending at the end of the data
                rows.append(
                    {
                        "code": f"000.40.31.H31-{day:%y%m%d}-{per_day[day]:04d}",
                        "procedure_code": code,
                        "applicant": self.rng.choice(applicants),
                        "received_on": day,
                        "due_on": due if self.rng.random() < 0.15 else None,
                        "resolved_on": resolved,
                        "channel": self.rng.choices(("online", "counter", "post"), (60, 35, 5))[0],
                        "result": None
                        if resolved is None
                        else self.rng.choices(("approved", "returned", "refused"), (94, 4, 2))[0],
                    }
                )
        return procedures, rows

    def _resolution(
        self,
        received: dt.date,
        limit: int,
        due: dt.date,
        deadline: dt.date | None,
        on_due: bool,
        exact: bool,
    ) -> dt.date | None:
        """The resolution day: early (most), on the due date, or (rarely, never in Q1 2022) late."""
        room = limit if deadline is None else min(limit, self.days.count_after(received, deadline))
        if exact:
            offset = limit if on_due else self.rng.randint(0, min(limit - 1, room))
        else:
            draw = self.rng.random()
            if draw < 0.012 and deadline is None:
                offset = limit + self.rng.randint(1, 4)
            elif draw < 0.1 and room == limit:
                offset = limit
            else:
                offset = self.rng.randint(0, min(limit - 1, room))
        return self.days.nth_after(received, offset)

    # -- inspections ------------------------------------------------------------------

    def _inspections(self) -> list[Row]:
        """Supervision 2018-2022; Q1 2022: 06 on-site visits of distinct projects, no violation."""
        tenants = [p for p in self.projects if p.kind == "secondary"]
        rows: list[Row] = []
        for year in range(2018, YEAR + 1):
            for quarter in range(4):
                start = dt.date(year, 3 * quarter + 1, 1)
                end = quarter_end(start)
                if (year, quarter) == (YEAR, 0):
                    onsite, desk, violation_rate = SEED_ONSITE_INSPECTIONS, 4, 0.0
                else:
                    onsite, desk, violation_rate = (
                        self.rng.randint(3, 6),
                        self.rng.randint(2, 4),
                        0.12,
                    )
                candidates = [p for p in tenants if p.is_valid_on(start) and p.is_valid_on(end)]
                for position, project in enumerate(self.rng.sample(candidates, onsite + desk)):
                    kind = "onsite" if position < onsite else "desk"
                    violation = self.rng.random() < violation_rate
                    if violation:
                        note = self.rng.choice(texts.INSPECTION_NOTES_VIOLATION)
                    else:
                        note = self.rng.choice(
                            texts.INSPECTION_NOTES_ONSITE
                            if kind == "onsite"
                            else texts.INSPECTION_NOTES_DESK
                        )
                    rows.append(
                        {
                            "project_code": project.code,
                            "date": self._day(start, end),
                            "kind": kind,
                            "violation": violation,
                            "note": note,
                        }
                    )
        return rows

    # -- documents --------------------------------------------------------------------

    def _documents(self) -> list[Row]:
        """The register of 2022: the seed's documents, plan 166/KH-BQL and its 22 plans, others."""
        rows: list[Row] = []
        for symbol, (title, issuer) in texts.SEED_INCOMING_DOCUMENTS.items():
            day, kind = SEED_DOCUMENT_DATES[symbol]
            rows.append(_document_row(symbol, day, kind, title, issuer, "in", electronic=True))
        own = self._own_documents()
        self._number_own_documents(own)
        for document in own:
            later = document.date > QUARTERS[0][1]
            digitized = not document.secret and (
                document.direction != "internal" or self.rng.random() < 0.7
            )
            digitized = digitized and not (later and self.rng.random() < 0.01)
            electronic = document.direction == "out" and not document.secret
            electronic = electronic and not (later and self.rng.random() < 0.015)
            rows.append(
                _document_row(
                    document.symbol, document.date, document.type, document.title, texts.BOARD,
                    document.direction, document.secret, digitized, electronic, document.parent,
                )
            )  # fmt: skip
        rows.extend(self._incoming_documents())
        symbols = [row["symbol"] for row in rows]
        if len(symbols) != len(set(symbols)):
            raise RuntimeError("two documents share a symbol")
        return sorted(rows, key=lambda row: (str(row["date"]), str(row["symbol"])))

    def _own_documents(self) -> list[_Document]:
        """The board's documents of 2022, not numbered yet."""
        year_start, year_end = QUARTERS[0][0], YEAR_END
        own = [_Document(PLAN_166_DATE, "KH", texts.PLAN_166_TITLE, "out", symbol="166/KH-BQL")]
        for title in texts.THEMATIC_PLAN_TITLES:  # after 28/CTr-UBND of 18/02, before the report
            day = self._day(dt.date(2022, 2, 21), dt.date(2022, 3, 25))
            own.append(_Document(day, "KH", title, "out", parent="166/KH-BQL"))
        monthly = [
            (kind, title)
            for kind, title in texts.OUTGOING_TITLES
            if "{month}" in title and kind == "BC"
        ]
        for month in range(1, 13):
            low = dt.date(YEAR, month, 18)
            for kind, title in monthly:
                own.append(
                    _Document(
                        self._day(low, low + dt.timedelta(days=9)),
                        kind,
                        title.format(month=month),
                        "out",
                    )
                )
        others = [item for item in texts.OUTGOING_TITLES if item not in monthly]
        for _ in range(85):
            kind, title = self.rng.choice(others)
            day = self._day(year_start + dt.timedelta(days=3), year_end)
            own.append(_Document(day, kind, title.format(month=day.month), "out"))
        for _ in range(10):
            kind, title = self.rng.choice(texts.INTERNAL_TITLES)
            day = self._day(year_start + dt.timedelta(days=3), year_end)
            own.append(_Document(day, kind, title.format(month=day.month), "internal"))
        for start, end in QUARTERS:  # one secret report a quarter: excluded from the statistics
            own.append(
                _Document(
                    self._day(start + dt.timedelta(days=10), end),
                    "BC",
                    texts.CLASSIFIED_TITLE_OUT,
                    "out",
                    True,
                )
            )
        return own

    def _number_own_documents(self, own: list[_Document]) -> None:
        """Number the board's documents in date order around 166/KH-BQL of 11/02/2022."""
        before = sorted(
            (d for d in own if not d.symbol and d.date <= PLAN_166_DATE), key=lambda d: d.date
        )
        after = sorted(
            (d for d in own if not d.symbol and d.date > PLAN_166_DATE), key=lambda d: d.date
        )
        numbers = sorted(self.rng.sample(range(1, 166), len(before)))
        number = 166
        for _ in after:
            number += self.rng.randint(3, 15)
            numbers.append(number)
        for document, value in zip(before + after, numbers, strict=True):
            if document.type == "CV":
                document.symbol = f"{value:02d}/BQL-{self.rng.choice(LETTER_UNITS)}"
            else:
                document.symbol = f"{value:02d}/{document.type}-BQL"

    def _incoming_documents(self) -> list[Row]:
        """Documents received in 2022 (one secret a quarter), numbered by sender in date order."""
        received: dict[int, list[tuple[dt.date, bool]]] = {}
        for _ in range(150):
            sender = self.rng.randrange(len(texts.INCOMING_SENDERS))
            received.setdefault(sender, []).append((self._day(QUARTERS[0][0], YEAR_END), False))
        for start, end in QUARTERS:
            received.setdefault(7, []).append((self._day(start, end), True))  # from the police
        rows: list[Row] = []
        for sender in sorted(received):
            issuer, pattern = texts.INCOMING_SENDERS[sender]
            number = self.rng.randint(5, 40)
            for day, secret in sorted(received[sender]):
                number += self.rng.randint(3, 25)
                symbol = pattern.format(n=f"{number:02d}")
                middle = pattern.split("/")[1].split("-")[0]
                kind = middle if middle in ("QĐ", "TB") else "CV"  # the others are công văn
                title = (
                    texts.CLASSIFIED_TITLE_IN
                    if secret
                    else texts.INCOMING_TITLE_BY_TYPE.get(
                        kind, self.rng.choice(texts.INCOMING_TITLES)
                    )
                )
                later = day > QUARTERS[0][1]
                rows.append(
                    _document_row(
                        symbol, day, kind, title, issuer, "in", secret,
                        digitized=not secret and not (later and self.rng.random() < 0.01),
                        electronic=not secret and self.rng.random() < 0.9,
                    )
                )  # fmt: skip
        return rows


# --- Rows ------------------------------------------------------------------------------


def _complete(row: Row, columns: Sequence[str]) -> Row:
    """The row with every column of its sheet, in the sheet's order (None when empty)."""
    unknown = [key for key in row if key not in columns]
    if unknown:
        raise KeyError(f"unknown columns {unknown}")
    return {column: row.get(column) for column in columns}


def _fx_row(valid_from: dt.date, rate: int) -> Row:
    return {"currency": "USD", "valid_from": valid_from, "vnd_per_unit": Decimal(rate)}


def _project_row(project: Project) -> Row:
    return {
        "code": project.code,
        "name": project.name,
        "zone_code": project.zone_code,
        "investor": project.investor.code,
        "kind": project.kind,
        "origin": project.origin,
        "sector": project.sector,
        "land_ha": project.land_ha,
    }


def _event_row(project: Project, event: Event) -> Row:
    has_certificate = event.kind in ("issued", "adjusted")
    return {
        "project_code": project.code,
        "date": event.date,
        "event": event.kind,
        "capital": None if event.capital is None else Decimal(event.capital),
        "currency": None if event.capital is None else project.currency,
        "certificate_no": project.code if has_certificate else None,
        "note": event.note,
    }


def _document_row(
    symbol: str,
    day: dt.date,
    kind: str,
    title: str,
    issuer: str,
    direction: str,
    secret: bool = False,
    digitized: bool = True,
    electronic: bool = False,
    parent: str | None = None,
) -> Row:
    return {
        "symbol": symbol,
        "date": day,
        "type": kind,
        "title": title,
        "issuer": issuer,
        "direction": direction,
        "secret": secret,
        "digitized": digitized,
        "electronic": electronic,
        "parent_symbol": parent,
    }


def _rectangle(center: tuple[float, float], area_ha: float) -> str:
    """A GeoJSON polygon of about ``area_ha`` around ``center``: a sketch for the map."""
    latitude, longitude = center
    side = math.sqrt(area_ha * 10_000)  # metres
    half_height = side / 1.3 / 2 / 111_320
    half_width = side * 1.3 / 2 / (111_320 * math.cos(math.radians(latitude)))
    corners = [(-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)]  # counter-clockwise, closed
    ring = [
        [round(longitude + dx * half_width, 6), round(latitude + dy * half_height, 6)]
        for dx, dy in corners
    ]
    return json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))
