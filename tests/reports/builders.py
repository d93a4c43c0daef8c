"""A report dataset built by hand, for testing sentences without a database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kcn.core.periods import parse_period
from kcn.indicators.engine import IndicatorValue
from kcn.indicators.registry import INDICATORS
from kcn.reports.dataset import NO_FRAMING, Board, ReportDataset, TargetInfo

BOARD = Board(
    province="Hưng Yên",
    parent_body="UBND TỈNH HƯNG YÊN",
    name="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
    name_in_text="Ban Quản lý các khu công nghiệp tỉnh",
    abbreviation="BQL",
    place="Hưng Yên",
    signer_authority="KT.",
    signer_title="TRƯỞNG BAN",
    signer_deputy_title="PHÓ TRƯỞNG BAN",
    signer_name="Nguyễn Văn Minh",
    recipients=["UBND tỉnh (để b/c);"],
)


def figures(
    values: dict[str, Any],
    ytd: dict[str, Any] | None = None,
    targets: dict[str, Any] | None = None,
    parts: dict[str, tuple[int, int]] | None = None,
) -> dict[str, IndicatorValue]:
    """Every indicator: zero (None for percentages) unless given; ytd = value unless given;
    a percentage's counts from ``parts``."""
    ytd = ytd or {}
    targets = targets or {}
    parts = parts or {}
    result = {}
    for code, indicator in INDICATORS.items():
        value = values.get(code, None if indicator.is_percent else 0)
        year = ytd.get(code, value)
        target = targets.get(code)
        low, high = target if isinstance(target, tuple) else (target, None)
        percent = None
        met = None
        if low is not None:
            low, high = Decimal(low), (Decimal(high) if high is not None else None)
            percent = Decimal(year or 0) * 100 / low if low else None
            met = Decimal(year or 0) >= low
        counts = parts.get(code)
        result[code] = IndicatorValue(
            code, value, year, indicator.unit, low, high, percent, met, counts, counts
        )
    return result


def dataset(
    period: str = "2022-Q1",
    values: dict[str, Any] | None = None,
    *,
    ytd: dict[str, Any] | None = None,
    targets: dict[str, Any] | None = None,
    descriptions: dict[str, str] | None = None,
    descriptions_en: dict[str, str] | None = None,
    previous: dict[str, Any] | None = None,
    parts: dict[str, tuple[int, int]] | None = None,
    narratives: dict[str, str] | None = None,
    priorities: list[str] | None = None,
    **extra: Any,
) -> ReportDataset:
    parsed = parse_period(period)
    following = parsed.next_period()
    return ReportDataset(
        period=parsed,
        board=extra.pop("board", BOARD),
        indicators=figures(values or {}, ytd, targets, parts),
        previous=figures(previous) if previous else {},
        previous_code=parsed.same_period_previous_year().code,
        months=[],
        targets={
            code: TargetInfo(
                description=text,
                assigned_by=None,
                description_en=(descriptions_en or {}).get(code, ""),
            )
            for code, text in (descriptions or {}).items()
        },
        zone_approvals=extra.pop("zone_approvals", []),
        infrastructure_projects=extra.pop("infrastructure_projects", []),
        framing=extra.pop("framing", NO_FRAMING),
        narratives=narratives or {},
        next_period=following.code if following else None,
        priorities=priorities or [],
        generated_at=dt.datetime(2022, 3, 28, 9, 0, tzinfo=dt.UTC),
        **extra,
    )
