"""The report's JSON (docs/reference/indicators.md, "kcn report --period P --format json")."""

from __future__ import annotations

from typing import Any

import simplejson

from kcn.core.periods import Period
from kcn.indicators.engine import compute_indicators
from kcn.reports.dataset import ReportDataset


def report_data(period: Period) -> dict[str, object]:
    indicators = compute_indicators(period)
    return {
        "period": _period(period),
        "indicators": {code: value.as_json() for code, value in indicators.items()},
    }


def _period(period: Period) -> dict[str, Any]:
    return {"code": period.code, "start": period.start.isoformat(), "end": period.end.isoformat()}


def _dumps(data: dict[str, Any]) -> str:
    """Numbers are exact: decimals are written as they are, never through a float."""
    return simplejson.dumps(data, use_decimal=True, ensure_ascii=False, indent=2)


def report_json(period: Period) -> str:
    return _dumps(report_data(period))


def dataset_json(dataset: ReportDataset) -> str:
    """The JSON of a report's dataset: the same shape, frozen figures when it is published."""
    data = {
        "period": _period(dataset.period),
        "indicators": {code: value.as_json() for code, value in dataset.indicators.items()},
    }
    return _dumps(data)
