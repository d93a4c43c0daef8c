"""A test oracle: the indicators of indicators.md, computed naively from workbook rows.

Written from the reference (docs/reference/) alone, independently of the generator: plain
loops over the rows, no shared helpers. It answers ``value`` for any period (a closed
range of dates), ``ytd`` and ``percent_of_target`` as the report would.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import holidays

Row = dict[str, object]
Sheets = dict[str, list[Row]]
Value = int | Decimal | None

ORIGINS = ("foreign", "domestic")


def _date(row: Row, key: str) -> dt.date:
    value = row[key]
    assert isinstance(value, dt.date), (key, value)
    return value


def _maybe_date(row: Row, key: str) -> dt.date | None:
    value = row[key]
    assert value is None or isinstance(value, dt.date), (key, value)
    return value


def _decimal(row: Row, key: str) -> Decimal:
    value = row[key]
    assert isinstance(value, Decimal), (key, value)
    return value


def _int(row: Row, key: str) -> int:
    value = row[key]
    assert isinstance(value, int), (key, value)
    assert not isinstance(value, bool), (key, value)
    return value


def _str(row: Row, key: str) -> str:
    value = row[key]
    assert isinstance(value, str), (key, value)
    return value


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` × 100 ÷ ``whole``; None over zero items (never 0, never 100)."""
    if whole == 0:
        return None
    return Decimal(part) * 100 / Decimal(whole)


class Oracle:
    def __init__(self, sheets: Sheets) -> None:
        self.sheets = sheets
        self.projects: dict[str, Row] = {_str(row, "code"): row for row in sheets["projects"]}
        self.rates: list[tuple[dt.date, Decimal]] = sorted(
            (_date(row, "valid_from"), _decimal(row, "vnd_per_unit"))
            for row in sheets["fx_rates"]
            if row["currency"] == "USD"
        )
        self.overrides: dict[dt.date, bool] = {
            _date(row, "date"): row["kind"] == "working_day" for row in sheets["calendar"]
        }
        self.working_days: dict[str, int] = {
            _str(row, "code"): _int(row, "working_days") for row in sheets["procedures"]
        }
        self.targets: dict[tuple[int, str], Row] = {
            (_int(row, "year"), _str(row, "indicator")): row for row in sheets["targets"]
        }
        self._vietnam = holidays.country_holidays("VN")
        self._events_by_project: dict[str, list[Row]] = {}
        for row in sheets["project_events"]:
            self._events_by_project.setdefault(_str(row, "project_code"), []).append(row)

    # -- shared definitions ----------------------------------------------------------

    def rate(self, day: dt.date) -> Decimal:
        """VND per USD in force on ``day``: the latest row valid from then or before."""
        in_force = [rate for valid_from, rate in self.rates if valid_from <= day]
        if not in_force:
            raise LookupError(f"no exchange rate in force on {day}")
        return in_force[-1]

    def usd(self, amount: Decimal, currency: str, day: dt.date) -> Decimal:
        """``amount`` in USD, converted at the rate in force on ``day`` if in VND."""
        return amount if currency == "USD" else amount / self.rate(day)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        return bool(self._vietnam.is_working_day(day))

    def due_date(self, dossier: Row) -> dt.date:
        """``due_on`` if given, else the N-th working day after ``received_on`` (not counted)."""
        given = _maybe_date(dossier, "due_on")
        if given is not None:
            return given
        day = _date(dossier, "received_on")
        remaining = self.working_days[_str(dossier, "procedure_code")]
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def _secondary(self, code: str) -> bool:
        return self.projects[code]["kind"] == "secondary"

    def _origin(self, code: str) -> str:
        return _str(self.projects[code], "origin")

    def _events(self, start: dt.date, end: dt.date, kind: str) -> list[Row]:
        return [
            row
            for row in self.sheets["project_events"]
            if row["event"] == kind and start <= _date(row, "date") <= end
        ]

    def is_valid(self, code: str, day: dt.date) -> bool:
        events = [e for e in self._events_by_project.get(code, []) if _date(e, "date") <= day]
        kinds = [e["event"] for e in events]
        return "issued" in kinds and "terminated" not in kinds

    def is_operating(self, code: str, day: dt.date) -> bool:
        if not self.is_valid(code, day):
            return False
        events = sorted(
            (e for e in self._events_by_project.get(code, []) if _date(e, "date") <= day),
            key=lambda e: _date(e, "date"),
        )
        if not any(e["event"] == "operational" for e in events):
            return False
        switches = [e["event"] for e in events if e["event"] in ("suspended", "resumed")]
        return not switches or switches[-1] != "suspended"

    # -- the indicators ----------------------------------------------------------------

    def indicators(self, start: dt.date, end: dt.date) -> dict[str, Value]:
        """Every indicator of indicators.md (with splits) for the period ``[start, end]``."""
        result: dict[str, Value] = {}
        self._zone_indicators(result, start, end)
        self._project_flows(result, start, end)
        self._project_stocks(result, end)
        self._labor(result, start, end)
        self._inspections(result, start, end)
        self._dossiers(result, start, end)
        self._documents(result, start, end)
        return result

    def _zone_indicators(self, result: dict[str, Value], start: dt.date, end: dt.date) -> None:
        events = [row for row in self.sheets["zone_events"] if start <= _date(row, "date") <= end]
        result["zones_policy_approved"] = sum(
            1 for row in events if row["event"] == "policy_approved"
        )
        for kind, code in (
            ("land_cleared", "land_cleared_ha"),
            ("infrastructure_built", "infrastructure_built_ha"),
            ("land_leased", "land_leased_ha"),
        ):
            result[code] = sum(
                (_decimal(row, "area_ha") for row in events if row["event"] == kind), Decimal(0)
            )

    def _count_split(
        self, result: dict[str, Value], indicator: str, codes: list[str], distinct: bool = False
    ) -> None:
        if distinct:
            codes = sorted(set(codes))
        result[indicator] = len(codes)
        for origin in ORIGINS:
            result[f"{indicator}.{origin}"] = sum(1 for c in codes if self._origin(c) == origin)

    def _project_flows(self, result: dict[str, Value], start: dt.date, end: dt.date) -> None:
        issued = self._events(start, end, "issued")
        infrastructure = [e for e in issued if not self._secondary(_str(e, "project_code"))]
        self._count_split(
            result,
            "infrastructure_projects_issued",
            [_str(e, "project_code") for e in infrastructure],
        )
        result["infrastructure_capital_usd_equiv"] = sum(
            (
                self.usd(_decimal(e, "capital"), _str(e, "currency"), _date(e, "date"))
                for e in infrastructure
            ),
            Decimal(0),
        )
        new = [e for e in issued if self._secondary(_str(e, "project_code"))]
        self._count_split(result, "new_projects", [_str(e, "project_code") for e in new])
        for currency in ("USD", "VND"):
            result[f"new_capital_{currency.lower()}"] = sum(
                (_decimal(e, "capital") for e in new if e["currency"] == currency), Decimal(0)
            )
        adjusted = [
            e
            for e in self._events(start, end, "adjusted")
            if self._secondary(_str(e, "project_code")) and e["capital"] is not None
        ]
        increases = [e for e in adjusted if _decimal(e, "capital") > 0]
        decreases = [e for e in adjusted if _decimal(e, "capital") < 0]
        self._count_split(
            result,
            "increased_projects",
            [_str(e, "project_code") for e in increases],
            distinct=True,
        )
        for currency in ("USD", "VND"):
            result[f"increased_capital_{currency.lower()}"] = sum(
                (_decimal(e, "capital") for e in increases if e["currency"] == currency), Decimal(0)
            )
        result["decreased_capital_usd_equiv"] = -sum(
            (
                self.usd(_decimal(e, "capital"), _str(e, "currency"), _date(e, "date"))
                for e in decreases
            ),
            Decimal(0),
        )
        result["attracted_capital_usd_equiv"] = sum(
            (
                self.usd(_decimal(e, "capital"), _str(e, "currency"), _date(e, "date"))
                for e in new + increases
            ),
            Decimal(0),
        )
        for kind, indicator in (
            ("operational", "projects_started_operation"),
            ("terminated", "projects_terminated"),
        ):
            codes = [
                _str(e, "project_code")
                for e in self._events(start, end, kind)
                if self._secondary(_str(e, "project_code"))
            ]
            self._count_split(result, indicator, codes)

    def _project_stocks(self, result: dict[str, Value], day: dt.date) -> None:
        secondary = [code for code in self.projects if self._secondary(code)]
        valid = [code for code in secondary if self.is_valid(code, day)]
        operating = [code for code in valid if self.is_operating(code, day)]
        self._count_split(result, "valid_projects", valid)
        self._count_split(result, "operating_projects", operating)
        result["operating_share_pct"] = percent(len(operating), len(valid))

    def _labor(self, result: dict[str, Value], start: dt.date, end: dt.date) -> None:
        reports = self.sheets["labor_reports"]
        latest: dict[str, Row] = {}
        for row in reports:
            code = _str(row, "project_code")
            day = _date(row, "period_end")
            if day <= end and (code not in latest or _date(latest[code], "period_end") < day):
                latest[code] = row
        valid = {
            code for code in self.projects if self._secondary(code) and self.is_valid(code, end)
        }
        result["workforce"] = sum(
            _int(row, "employees") for code, row in latest.items() if code in valid
        )
        result["jobs_created"] = sum(
            _int(row, "new_jobs")
            for row in reports
            if row["new_jobs"] is not None and start <= _date(row, "period_end") <= end
        )

    def _inspections(self, result: dict[str, Value], start: dt.date, end: dt.date) -> None:
        rows = [row for row in self.sheets["inspections"] if start <= _date(row, "date") <= end]
        result["inspections_onsite"] = sum(1 for row in rows if row["kind"] == "onsite")
        result["inspections_with_violation"] = sum(1 for row in rows if row["violation"] is True)

    def _dossiers(self, result: dict[str, Value], start: dt.date, end: dt.date) -> None:
        dossiers = self.sheets["dossiers"]
        result["dossiers_received"] = sum(
            1 for row in dossiers if start <= _date(row, "received_on") <= end
        )
        resolved = [
            row
            for row in dossiers
            if (day := _maybe_date(row, "resolved_on")) is not None and start <= day <= end
        ]
        result["dossiers_resolved"] = len(resolved)
        on_time = sum(1 for row in resolved if _date(row, "resolved_on") <= self.due_date(row))
        early = sum(1 for row in resolved if _date(row, "resolved_on") < self.due_date(row))
        result["dossiers_resolved_on_time_pct"] = percent(on_time, len(resolved))
        result["dossiers_resolved_early_pct"] = percent(early, len(resolved))
        pending = [
            row
            for row in dossiers
            if _date(row, "received_on") <= end
            and ((day := _maybe_date(row, "resolved_on")) is None or day > end)
        ]
        result["dossiers_pending"] = len(pending)
        result["dossiers_overdue"] = sum(1 for row in pending if self.due_date(row) < end)

    def _documents(self, result: dict[str, Value], start: dt.date, end: dt.date) -> None:
        dated = [
            row
            for row in self.sheets["documents"]
            if start <= _date(row, "date") <= end and row["secret"] is not True
        ]
        in_out = [row for row in dated if row["direction"] in ("in", "out")]
        out = [row for row in dated if row["direction"] == "out"]
        result["documents_digitized_pct"] = percent(
            sum(1 for row in in_out if row["digitized"] is True), len(in_out)
        )
        result["documents_electronic_pct"] = percent(
            sum(1 for row in out if row["electronic"] is True), len(out)
        )

    # -- targets -----------------------------------------------------------------------

    def ytd(self, indicator: str, end: dt.date) -> Value:
        """The flow from 1 January of ``end``'s year to ``end`` (a stock's value on ``end``)."""
        return self.indicators(dt.date(end.year, 1, 1), end)[indicator]

    def percent_of_target(self, indicator: str, end: dt.date) -> Decimal | None:
        """Year to date ÷ the target (the low end of a range) of ``end``'s year × 100."""
        target = self.targets.get((end.year, indicator))
        value = self.ytd(indicator, end)
        if target is None or value is None:
            return None
        return Decimal(value) * 100 / _decimal(target, "target")

    def met(self, indicator: str, end: dt.date) -> bool | None:
        target = self.targets.get((end.year, indicator))
        value = self.ytd(indicator, end)
        if target is None or value is None:
            return None
        return Decimal(value) >= _decimal(target, "target")
