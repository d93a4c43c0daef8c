"""Each figure drills down to the records behind it, and they give the figure back."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.core.periods import parse_period
from kcn.indicators.drilldown import drilldown, explain_text
from kcn.indicators.engine import _rounded, compute_indicators
from kcn.indicators.registry import INDICATORS
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def ledger() -> None:
    f.rate(d(2019, 1, 1), 23_000)
    f.rate(d(2022, 2, 1), 22_800)
    a = f.project(
        "A",
        [
            (d(2019, 1, 1), "issued", 5_000_000, "USD"),
            (d(2019, 6, 1), "operational"),
            (d(2022, 2, 1), "adjusted", 1_000_000, "USD"),
            (d(2022, 2, 15), "suspended"),
        ],
    )
    b = f.project(
        "B",
        [
            (d(2022, 2, 15), "issued", 45_600_000_000, "VND"),
            (d(2022, 3, 1), "operational"),
            (d(2022, 3, 2), "adjusted", -2_280_000_000, "VND"),
        ],
        origin="domestic",
    )
    f.project(
        "C",
        [
            (d(2020, 1, 1), "issued", 1_000_000, "USD"),
            (d(2020, 2, 1), "operational"),
            (d(2022, 3, 20), "terminated"),
        ],
    )
    f.project("I", [(d(2022, 3, 5), "issued", 98_000_000, "USD")], kind="infrastructure")
    f.labor(a, d(2021, 12, 31), 900, 30)
    f.labor(a, d(2022, 3, 31), 1000, 100)
    f.labor(b, d(2022, 3, 31), 250, 250)
    f.inspection(a, d(2022, 1, 20), violation=True)
    f.zone_event("Z1", d(2022, 1, 10), "infrastructure_built", "29")
    f.zone_event("Z1", d(2022, 2, 10), "policy_approved")
    f.dossier("D1", d(2022, 1, 4), d(2022, 1, 20), d(2022, 1, 18))
    f.dossier("D2", d(2022, 3, 1), d(2022, 3, 10), None)
    f.document("01/BC-BQL", d(2022, 1, 5), "out")
    f.document("02/BC-BQL", d(2022, 1, 6), "in", digitized=False)
    f.project_report(a, "2021-Q4", d(2022, 1, 8), revenue="3000000")
    f.project_report(
        a,
        "2022-Q1",
        d(2022, 4, 5),
        capital_realized="500000",
        revenue="4000000",
        exports_usd="3500000",
        imports_usd="2000000",
        budget_paid_vnd="1500000000",
    )
    f.project_report(b, "2022-Q1", d(2022, 4, 6), revenue="2280000000", status="accepted")


@pytest.mark.parametrize("code", list(INDICATORS))
def test_the_records_behind_each_figure_give_the_figure(ledger, code):
    period = parse_period("2022-Q1")
    indicator = INDICATORS[code]
    engine = compute_indicators(period, [code])[code]
    assert _rounded(indicator, drilldown(period, code).figure()) == engine.value


def test_the_records_behind_a_year_to_date_figure_start_on_the_first_of_january(ledger):
    period = parse_period("2022-03")
    found = drilldown(period, "new_projects", ytd=True)
    assert found.start == d(2022, 1, 1)
    assert found.figure() == compute_indicators(period, ["new_projects"])["new_projects"].ytd == 1


def test_explain_lists_the_records_and_states_the_figure(ledger):
    text = explain_text(parse_period("2022-Q1"), "attracted_capital_usd_equiv")
    assert "Figure: 3000000" in text
    assert "A " in text
    assert "B " in text
    assert "2 of 2 records." in text


def test_explain_refuses_an_unknown_indicator():
    from kcn.core.errors import KcnError

    with pytest.raises(KcnError, match="not an indicator code"):
        drilldown(parse_period("2022-Q1"), "happiness")
