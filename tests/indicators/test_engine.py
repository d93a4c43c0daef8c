"""Each indicator of indicators.md on small ledgers built by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.core.errors import KcnError
from kcn.core.periods import parse_period
from kcn.indicators.engine import compute_indicators
from kcn.indicators.registry import INDICATORS
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date


def values(period: str, *codes: str) -> dict[str, object]:
    computed = compute_indicators(parse_period(period), list(codes) or None)
    return {code: computed[code].value for code in (codes or computed)}


def test_every_indicator_and_split_is_present_even_with_no_records():
    computed = compute_indicators(parse_period("2022-Q1"))
    assert list(computed) == list(INDICATORS)
    assert computed["new_projects.foreign"].value == 0
    assert computed["valid_projects"].value == 0
    assert computed["workforce"].value == 0
    assert computed["new_capital_usd"].value == 0


def test_percentages_over_zero_items_are_null_not_zero_or_hundred():
    result = values(
        "2022-Q1",
        "operating_share_pct",
        "dossiers_resolved_on_time_pct",
        "dossiers_resolved_early_pct",
        "documents_digitized_pct",
        "documents_electronic_pct",
    )
    assert set(result.values()) == {None}


def test_new_projects_count_certificates_of_the_period_with_capital_by_currency():
    f.rate(d(2021, 1, 1), 23000)
    f.project("A", [(d(2022, 1, 5), "issued", 345_000_000_000, "VND")], origin="domestic")
    f.project("B", [(d(2022, 3, 31), "issued", 2_000_000, "USD")])
    f.project("C", [(d(2021, 12, 31), "issued", 9_000_000, "USD")])
    f.project("I", [(d(2022, 2, 1), "issued", 98_000_000, "USD")], kind="infrastructure")
    result = values(
        "2022-Q1",
        "new_projects",
        "new_projects.foreign",
        "new_projects.domestic",
        "new_capital_usd",
        "new_capital_vnd",
        "infrastructure_projects_issued",
        "infrastructure_capital_usd_equiv",
        "new_capital_vnd.foreign",
    )
    assert result == {
        "new_projects": 2,
        "new_projects.foreign": 1,
        "new_projects.domestic": 1,
        "new_capital_usd": Decimal(2_000_000),
        "new_capital_vnd": Decimal(345_000_000_000),
        "infrastructure_projects_issued": 1,
        "infrastructure_capital_usd_equiv": Decimal(98_000_000),
        "new_capital_vnd.foreign": Decimal(0),
    }


def test_a_project_issued_and_increased_in_the_same_period_counts_in_both():
    f.rate(d(2022, 1, 1), 22_900)
    f.rate(d(2022, 3, 1), 23_000)
    f.project(
        "A",
        [
            (d(2022, 1, 10), "issued", 10_000_000, "USD"),
            (d(2022, 2, 10), "adjusted", 5_000_000, "USD"),
            (d(2022, 3, 10), "adjusted", 23_000_000_000, "VND"),  # 1 000 000 USD at 23 000
            (d(2022, 3, 20), "adjusted", -460_000_000, "VND"),  # -20 000 USD
            (d(2022, 3, 25), "adjusted", None),  # an amendment that does not touch capital
        ],
    )
    result = values(
        "2022-Q1",
        "new_projects",
        "increased_projects",
        "increased_capital_usd",
        "increased_capital_vnd",
        "attracted_capital_usd_equiv",
        "decreased_capital_usd_equiv",
    )
    assert result == {
        "new_projects": 1,
        "increased_projects": 1,  # distinct projects, not events
        "increased_capital_usd": Decimal(5_000_000),
        "increased_capital_vnd": Decimal(23_000_000_000),
        "attracted_capital_usd_equiv": Decimal(16_000_000),
        "decreased_capital_usd_equiv": Decimal(20_000),
    }


def test_vnd_is_converted_at_the_rate_in_force_on_the_event_date():
    f.rate(d(2022, 1, 1), 20_000)
    f.rate(d(2022, 2, 1), 25_000)
    f.project("A", [(d(2022, 1, 31), "issued", 100_000_000, "VND")], origin="domestic")
    f.project("B", [(d(2022, 2, 1), "issued", 100_000_000, "VND")], origin="domestic")
    assert values("2022-Q1", "attracted_capital_usd_equiv") == {
        "attracted_capital_usd_equiv": Decimal(5000 + 4000)
    }


def test_vnd_with_no_rate_in_force_is_an_error_naming_the_event():
    f.rate(d(2022, 2, 1), 23_000)
    f.project("DDI-7", [(d(2022, 1, 15), "issued", 5_000_000_000, "VND")], origin="domestic")
    named = r"Project DDI-7, 'certificate issued' on 15/01/2022: 5,000,000,000 VND has no USD"
    with pytest.raises(KcnError, match=named):
        compute_indicators(parse_period("2022-Q1"))


def test_suspension_and_resumption_move_a_project_out_of_and_back_into_operation():
    f.project(
        "A",
        [
            (d(2020, 1, 1), "issued", 1, "USD"),
            (d(2020, 6, 1), "operational"),
            (d(2022, 2, 1), "suspended"),
            (d(2022, 5, 1), "resumed"),
        ],
    )
    assert values("2022-01", "operating_projects", "valid_projects") == {
        "operating_projects": 1,
        "valid_projects": 1,
    }
    assert values("2022-02", "operating_projects", "valid_projects") == {
        "operating_projects": 0,
        "valid_projects": 1,
    }
    assert values("2022-04-30..2022-04-30", "operating_projects")["operating_projects"] == 0
    assert values("2022-05-01..2022-05-01", "operating_projects")["operating_projects"] == 1


def test_a_suspension_and_resumption_on_the_same_day_leave_the_project_operating():
    f.project(
        "A",
        [
            (d(2020, 1, 1), "issued", 1, "USD"),
            (d(2020, 6, 1), "operational"),
            (d(2022, 2, 1), "suspended"),
            (d(2022, 2, 1), "resumed"),
        ],
    )
    assert values("2022-02", "operating_projects")["operating_projects"] == 1


def test_a_terminated_project_is_no_longer_valid_nor_operating():
    f.project(
        "A",
        [
            (d(2019, 1, 1), "issued", 1, "USD"),
            (d(2019, 6, 1), "operational"),
            (d(2022, 3, 15), "terminated"),
        ],
    )
    f.project("B", [(d(2019, 1, 1), "issued", 1, "VND")], origin="domestic")
    assert values("2022-02", "valid_projects", "operating_projects") == {
        "valid_projects": 2,
        "operating_projects": 1,
    }
    result = values(
        "2022-Q1",
        "valid_projects",
        "operating_projects",
        "projects_terminated",
        "operating_share_pct",
        "valid_projects.domestic",
    )
    assert result == {
        "valid_projects": 1,
        "operating_projects": 0,
        "projects_terminated": 1,
        "operating_share_pct": Decimal("0.00"),
        "valid_projects.domestic": 1,
    }


def test_the_operating_share_is_operating_over_valid():
    for i in range(7):
        events: list[f.Event] = [(d(2020, 1, 1), "issued", 1, "USD")]
        if i < 6:
            events.append((d(2020, 2, 1), "operational"))
        f.project(f"P{i}", events)
    assert values("2022-Q1", "operating_share_pct")["operating_share_pct"] == Decimal("85.71")


def test_stocks_do_not_count_projects_issued_after_the_date_nor_infrastructure_projects():
    f.project("LATE", [(d(2022, 4, 1), "issued", 1, "USD")])
    f.project(
        "INFRA",
        [(d(2020, 1, 1), "issued", 1, "USD"), (d(2020, 2, 1), "operational")],
        kind="infrastructure",
    )
    assert values("2022-Q1", "valid_projects")["valid_projects"] == 0


def test_workforce_sums_the_latest_report_of_each_valid_project():
    a = f.project("A", [(d(2020, 1, 1), "issued", 1, "USD")])
    b = f.project("B", [(d(2020, 1, 1), "issued", 1, "USD"), (d(2022, 3, 1), "terminated")])
    c = f.project("C", [(d(2020, 1, 1), "issued", 1, "USD")])
    f.labor(a, d(2021, 12, 31), 100, new_jobs=10)
    f.labor(a, d(2022, 3, 31), 120, new_jobs=20)
    f.labor(a, d(2022, 6, 30), 999, new_jobs=879)
    f.labor(b, d(2021, 12, 31), 500, new_jobs=50)  # terminated: not counted
    f.labor(c, d(2021, 6, 30), 40)  # an old report still counts as the latest
    result = values("2022-Q1", "workforce", "jobs_created")
    assert result == {"workforce": 160, "jobs_created": 20}


def test_zone_indicators_sum_areas_and_count_approvals():
    f.zone_event("Z1", d(2022, 1, 10), "infrastructure_built", "12.5")
    f.zone_event("Z1", d(2022, 3, 31), "infrastructure_built", "16.5")
    f.zone_event("Z1", d(2022, 4, 1), "infrastructure_built", "100")
    f.zone_event("Z2", d(2022, 2, 1), "policy_approved")
    f.zone_event("Z2", d(2022, 2, 2), "land_cleared", "180.5")
    f.zone_event("Z2", d(2022, 2, 3), "land_leased", "3.25")
    assert values(
        "2022-Q1",
        "infrastructure_built_ha",
        "zones_policy_approved",
        "land_cleared_ha",
        "land_leased_ha",
    ) == {
        "infrastructure_built_ha": Decimal(29),
        "zones_policy_approved": 1,
        "land_cleared_ha": Decimal("180.5"),
        "land_leased_ha": Decimal("3.25"),
    }


def test_dossier_shares_count_on_time_as_on_or_before_the_due_date_and_early_as_before():
    f.dossier("early", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 19))
    f.dossier("on-time", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 20))
    f.dossier("late", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 21))
    f.dossier("pending", d(2022, 3, 1), due=d(2022, 3, 20))
    f.dossier("overdue", d(2022, 3, 1), due=d(2022, 3, 30))
    f.dossier("resolved-later", d(2022, 3, 1), due=d(2022, 3, 10), resolved=d(2022, 4, 5))
    result = values(
        "2022-Q1",
        "dossiers_received",
        "dossiers_resolved",
        "dossiers_resolved_on_time_pct",
        "dossiers_resolved_early_pct",
        "dossiers_pending",
        "dossiers_overdue",
    )
    assert result == {
        "dossiers_received": 6,
        "dossiers_resolved": 3,
        "dossiers_resolved_on_time_pct": Decimal("66.67"),
        "dossiers_resolved_early_pct": Decimal("33.33"),
        "dossiers_pending": 3,
        "dossiers_overdue": 3,  # every pending one is due before 31/03
    }


def test_overdue_means_pending_with_a_due_date_before_the_day():
    f.dossier("due-before", d(2022, 3, 1), due=d(2022, 3, 30))
    f.dossier("due-on-the-day", d(2022, 3, 1), due=d(2022, 3, 31))
    f.dossier("resolved-late-after", d(2022, 3, 1), due=d(2022, 3, 10), resolved=d(2022, 4, 5))
    f.dossier("resolved-in-time", d(2022, 3, 1), due=d(2022, 3, 10), resolved=d(2022, 3, 9))
    assert values("2022-Q1", "dossiers_pending", "dossiers_overdue") == {
        "dossiers_pending": 3,
        "dossiers_overdue": 2,
    }


def test_document_shares_leave_out_secret_documents():
    f.document("01/BC-BQL", d(2022, 1, 5), "out")
    f.document("02/BC-BQL", d(2022, 1, 6), "out", electronic=False)
    f.document("03/BC-BQL", d(2022, 1, 7), "in", digitized=False, electronic=False)
    f.document("04/BC-BQL", d(2022, 1, 8), "out", secret=True, digitized=False, electronic=False)
    f.document("05/BC-BQL", d(2022, 1, 9), "internal", digitized=False, electronic=False)
    assert values("2022-Q1", "documents_digitized_pct", "documents_electronic_pct") == {
        "documents_digitized_pct": Decimal("66.67"),
        "documents_electronic_pct": Decimal("50.00"),
    }


def test_inspections_count_on_site_visits_and_violations():
    p = f.project("A", [(d(2020, 1, 1), "issued", 1, "USD")])
    f.inspection(p, d(2022, 1, 5))
    f.inspection(p, d(2022, 2, 5), violation=True)
    f.inspection(p, d(2022, 2, 6), kind="desk", violation=True)
    assert values("2022-Q1", "inspections_onsite", "inspections_with_violation") == {
        "inspections_onsite": 2,
        "inspections_with_violation": 2,
    }


def test_year_to_date_of_a_flow_starts_on_the_first_of_january_and_a_stock_is_its_value():
    f.project("A", [(d(2022, 1, 5), "issued", 1, "USD"), (d(2022, 1, 20), "operational")])
    f.project("B", [(d(2022, 11, 5), "issued", 1, "USD"), (d(2022, 11, 20), "operational")])
    november = compute_indicators(parse_period("2022-11"))
    assert (november["new_projects"].value, november["new_projects"].ytd) == (1, 2)
    assert (november["operating_projects"].value, november["operating_projects"].ytd) == (2, 2)
    ranged = compute_indicators(parse_period("2021-12-01..2022-01-31"))
    assert (ranged["new_projects"].value, ranged["new_projects"].ytd) == (1, 1)


def test_percent_of_target_is_ytd_over_the_year_target_and_met_compares_with_it():
    for i in range(8):
        f.project(
            f"P{i}", [(d(2022, 1, 1), "issued", 1, "USD"), (d(2022, 2, i + 1), "operational")]
        )
    f.target(2022, "projects_started_operation", 30)
    f.target(2021, "projects_started_operation", 5)
    value = compute_indicators(parse_period("2022-Q1"))["projects_started_operation"]
    assert (value.value, value.ytd, value.target, value.target_max) == (8, 8, Decimal(30), None)
    assert value.percent_of_target == Decimal("26.67")
    assert value.met is False


def test_a_range_target_is_met_from_its_low_end_and_percent_uses_the_low_end():
    f.zone_event("Z3", d(2022, 3, 10), "policy_approved")
    f.target(2022, "zones_policy_approved", 1, 2)
    value = compute_indicators(parse_period("2022-Q1"))["zones_policy_approved"]
    assert (value.target, value.target_max, value.percent_of_target, value.met) == (
        Decimal(1),
        Decimal(2),
        Decimal("100.00"),
        True,
    )


def test_above_target_gives_more_than_100_percent_and_no_target_gives_nulls():
    f.zone_event("Z1", d(2022, 1, 10), "infrastructure_built", "150")
    f.target(2022, "infrastructure_built_ha", 120)
    computed = compute_indicators(parse_period("2022"))
    built = computed["infrastructure_built_ha"]
    assert (built.percent_of_target, built.met) == (Decimal("125.00"), True)
    cleared = computed["land_cleared_ha"]
    assert (cleared.target, cleared.percent_of_target, cleared.met) == (None, None, None)


def test_a_percentage_carries_its_counts_for_the_period_and_the_year_to_date():
    f.dossier("jan-early", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 19))
    f.dossier("mar-early", d(2022, 3, 1), due=d(2022, 3, 20), resolved=d(2022, 3, 2))
    f.dossier("mar-late", d(2022, 3, 1), due=d(2022, 3, 10), resolved=d(2022, 3, 11))
    figure = compute_indicators(parse_period("2022-03"), ["dossiers_resolved_on_time_pct"])[
        "dossiers_resolved_on_time_pct"
    ]
    assert figure.parts == (1, 2)
    assert figure.ytd_parts == (2, 3)
    assert figure.value == Decimal("50.00")
    assert figure.ytd == Decimal("66.67")


def test_a_percentage_rounds_half_up_from_the_exact_quotient_never_to_a_false_100():
    for number in range(1999):
        f.dossier(f"ok-{number}", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 19))
    f.dossier("late", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 21))
    figure = compute_indicators(parse_period("2022-Q1"), ["dossiers_resolved_on_time_pct"])[
        "dossiers_resolved_on_time_pct"
    ]
    assert figure.value == Decimal("99.95")
    assert figure.parts == (1999, 2000)


def test_percent_of_target_of_a_percentage_is_computed_from_its_exact_value():
    # 1 of 3 dossiers early: 33.333…%. Against a target of 50%: 66.666…% → 66.67, where the
    # rounded 33.33 would give 66.66.
    f.dossier("early", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 19))
    f.dossier("on-time", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 20))
    f.dossier("late", d(2022, 1, 4), due=d(2022, 1, 20), resolved=d(2022, 1, 21))
    f.target(2022, "dossiers_resolved_early_pct", 50)
    figure = compute_indicators(parse_period("2022-Q1"), ["dossiers_resolved_early_pct"])[
        "dossiers_resolved_early_pct"
    ]
    assert figure.value == Decimal("33.33")
    assert figure.percent_of_target == Decimal("66.67")
    assert figure.met is False


def test_the_engine_reads_each_source_once_whatever_the_period(django_assert_num_queries):
    from kcn.indicators.registry import BASE_INDICATORS

    sources = {indicator.source.name for indicator in BASE_INDICATORS}
    for period in ("2022-Q1", "2022-03", "2022"):
        with django_assert_num_queries(len(sources) + 1):  # + the year's targets
            compute_indicators(parse_period(period))
