"""The report's JSON (spec: indicators.md, "kcn report --period P --format json")."""

from __future__ import annotations

import simplejson

from kcn.core.periods import Period
from kcn.indicators.engine import compute_indicators


def report_data(period: Period) -> dict[str, object]:
    indicators = compute_indicators(period)
    return {
        "period": {
            "code": period.code,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "indicators": {code: value.as_json() for code, value in indicators.items()},
    }


def report_json(period: Period) -> str:
    """Numbers are exact: decimals are written as they are, never through a float."""
    return simplejson.dumps(report_data(period), use_decimal=True, ensure_ascii=False, indent=2)
