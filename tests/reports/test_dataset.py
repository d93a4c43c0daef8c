"""The report's dataset: its monthly series agree with the engine, month by month."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.core.periods import month_period, parse_period
from kcn.indicators.engine import compute_indicators
from kcn.reports.dataset import MONTHLY_CODES, build_dataset
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date


def test_each_month_of_the_chart_is_the_engines_figure_for_that_month():
    f.rate(d(2021, 1, 1), 23000)
    f.project("P-1", [(d(2022, 1, 5), "issued", 5_000_000, "USD"), (d(2022, 3, 1), "operational")])
    f.project(
        "P-2",
        [
            (d(2022, 2, 7), "issued", 23_000_000_000, "VND"),
            (d(2022, 2, 9), "adjusted", 1_000_000, "USD"),
        ],
        origin="domestic",
    )
    f.labor(
        f.project("P-3", [(d(2021, 5, 1), "issued", 1_000_000, "USD")]),
        d(2022, 3, 31),
        50,
        new_jobs=20,
    )
    f.dossier("HS-1", d(2022, 2, 1), d(2022, 2, 20))

    data = build_dataset(parse_period("2022-Q1"))
    assert [row["period"] for row in data.months] == ["2022-01", "2022-02", "2022-03"]
    for row in data.months:
        engine = compute_indicators(month_period(2022, int(row["period"][5:])), list(MONTHLY_CODES))
        for code in MONTHLY_CODES:
            assert row["values"][code] == pytest.approx(engine[code].value or 0), (row, code)
    february = data.months[1]["values"]
    assert february["attracted_capital_usd_equiv"] == pytest.approx(2_000_000)
    assert february["dossiers_received"] == 1
