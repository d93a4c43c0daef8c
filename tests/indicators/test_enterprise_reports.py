"""The eight indicators of enterprises' quarterly reports (docs/reference/indicators.md,
"Enterprise reports"), on small ledgers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.core.errors import KcnError
from kcn.core.periods import parse_period
from kcn.indicators.engine import compute_indicators
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date


def values(period: str, *codes: str) -> dict[str, object]:
    computed = compute_indicators(parse_period(period), list(codes))
    return {code: computed[code].value for code in codes}


@pytest.fixture
def two_projects():
    f.rate(d(2021, 1, 1), 23_000)
    f.rate(d(2022, 6, 1), 23_500)
    usd = f.project("USD-1", [(d(2021, 5, 1), "issued", 10_000_000, "USD")])
    vnd = f.project("VND-1", [(d(2021, 6, 1), "issued", 46_000_000_000, "VND")], origin="domestic")
    return usd, vnd


def test_money_of_accepted_reports_falls_in_the_period_holding_its_quarters_last_day(two_projects):
    usd, vnd = two_projects
    f.project_report(
        usd,
        "2022-Q1",
        d(2022, 4, 5),
        capital_realized="1000000",
        revenue="5000000",
        exports_usd="4000000",
        imports_usd="3000000",
        budget_paid_vnd="2300000000",
    )
    f.project_report(
        vnd,
        "2022-Q1",
        d(2022, 4, 8),
        capital_realized="23000000000",
        revenue="46000000000",
        budget_paid_vnd="1000000000",
    )
    f.project_report(usd, "2022-Q2", d(2022, 7, 1), revenue="7000000", status="submitted")
    result = values(
        "2022-Q1",
        "capital_realized_usd_equiv",
        "capital_realized_usd_equiv.domestic",
        "revenue_usd_equiv",
        "exports_usd",
        "imports_usd",
        "budget_paid_vnd",
        "budget_paid_vnd.foreign",
    )
    assert result == {
        "capital_realized_usd_equiv": Decimal(2_000_000),  # 1 M USD + 23 bn VND at 23,000
        "capital_realized_usd_equiv.domestic": Decimal(1_000_000),
        "revenue_usd_equiv": Decimal(7_000_000),
        "exports_usd": Decimal(4_000_000),
        "imports_usd": Decimal(3_000_000),
        "budget_paid_vnd": Decimal(3_300_000_000),
        "budget_paid_vnd.foreign": Decimal(2_300_000_000),
    }
    # February holds no quarter's last day; March holds Q1's; Q2's report is not accepted.
    assert values("2022-02", "revenue_usd_equiv") == {"revenue_usd_equiv": 0}
    assert values("2022-03", "revenue_usd_equiv") == {"revenue_usd_equiv": Decimal(7_000_000)}
    assert values("2022-Q2", "revenue_usd_equiv") == {"revenue_usd_equiv": 0}


def test_a_vnd_report_converts_at_the_rate_in_force_on_its_quarters_last_day(two_projects):
    _usd, vnd = two_projects
    f.project_report(vnd, "2022-Q2", d(2022, 7, 5), revenue="47000000000")
    assert values("2022-Q2", "revenue_usd_equiv") == {"revenue_usd_equiv": Decimal(2_000_000)}


def test_a_vnd_report_with_no_rate_in_force_is_an_error_naming_it():
    vnd = f.project("VND-2", [(d(2021, 6, 1), "issued", 1_000_000_000, "VND")], origin="domestic")
    f.project_report(vnd, "2022-Q1", d(2022, 4, 5), revenue="1000000")
    with pytest.raises(KcnError, match=r"VND-2.*2022-Q1"):
        compute_indicators(parse_period("2022-Q1"), ["revenue_usd_equiv"])


def test_obligations_are_due_on_the_10th_after_the_quarter_and_counted_on_time(two_projects):
    usd, vnd = two_projects
    late = f.project("LATE", [(d(2021, 1, 1), "issued", 1_000_000, "USD")])
    f.project("NEW", [(d(2022, 4, 1), "issued", 1_000_000, "USD")])  # not valid on 31/03
    f.project_report(usd, "2022-Q1", d(2022, 4, 10))  # on the due date: on time
    f.project_report(vnd, "2022-Q1", d(2022, 4, 9), status="returned")  # returned: not sent
    f.project_report(late, "2022-Q1", d(2022, 4, 11), status="submitted")  # a day late
    # Q1's reports are due 10/04: in Q2, not in Q1.
    assert values("2022-Q1", "reports_due") == {"reports_due": 0}
    figure = compute_indicators(parse_period("2022-Q2"), ["reports_on_time_pct"])[
        "reports_on_time_pct"
    ]
    assert values("2022-Q2", "reports_due", "reports_due.domestic") == {
        "reports_due": 3,
        "reports_due.domestic": 1,
    }
    assert figure.parts == (1, 3)
    assert figure.value == Decimal("33.33")


def test_obligations_start_with_the_first_quarter_any_report_was_sent_for(two_projects):
    usd, _vnd = two_projects
    assert values("2022", "reports_due", "reports_missing") == {
        "reports_due": 0,
        "reports_missing": 0,
    }
    f.project_report(usd, "2022-Q2", d(2022, 7, 3))
    # From 2022-Q2: Q2 (due 10/07) and Q3 (due 10/10) fall in 2022; Q4 is due in 2023.
    assert values("2022", "reports_due") == {"reports_due": 4}


def test_missing_reports_are_those_due_and_not_sent_by_the_day(two_projects):
    usd, vnd = two_projects
    f.project_report(usd, "2022-Q1", d(2022, 4, 5))
    f.project_report(vnd, "2022-Q1", d(2022, 5, 20), status="accepted")  # late, but sent
    assert values("2022-04", "reports_missing") == {"reports_missing": 1}  # VND-1 by 30/04
    assert values("2022-05", "reports_missing") == {"reports_missing": 0}
    f.project_report(usd, "2022-Q2", d(2022, 7, 5), status="returned")
    result = values("2022-Q3", "reports_missing", "reports_missing.foreign")
    assert result == {"reports_missing": 2, "reports_missing.foreign": 1}  # both Q2 reports


def test_a_terminated_project_owes_no_report_for_quarters_after_its_end(two_projects):
    usd, vnd = two_projects
    f.project_report(usd, "2022-Q1", d(2022, 4, 5))
    f.add_event(vnd, d(2022, 5, 1), "terminated")
    assert values("2022-Q3", "reports_due") == {"reports_due": 1}  # Q2: only USD-1
