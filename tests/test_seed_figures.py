"""The demo workbook, imported, gives every figure of the seed report (seed-figures.md)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kcn.core.periods import parse_period
from kcn.demo.generator import generate
from kcn.documents.models import Document
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import
from kcn.indicators.engine import compute_indicators
from kcn.reports.models import Priority

pytestmark = pytest.mark.django_db


def rounded(value: object, places: str = "1") -> Decimal:
    return Decimal(str(value)).quantize(Decimal(places), ROUND_HALF_UP)


def test_the_demo_workbook_reproduces_every_figure_of_the_seed_report(tmp_path: Path):
    path = tmp_path / "demo.xlsx"
    write_rows_workbook(path, generate())  # Vietnamese labels, as `kcn demo-workbook` writes
    result = workbook_import(path)
    assert result.ok, [str(problem) for problem in result.problems.listed[:10]]

    q1 = compute_indicators(parse_period("2022-Q1"))
    value = {code: indicator.value for code, indicator in q1.items()}

    def scaled(code: str, factor: int) -> Decimal:
        number = value[code]
        assert number is not None, code
        return Decimal(number) / Decimal(factor)

    percent = {code: indicator.percent_of_target for code, indicator in q1.items()}
    seen = {
        "zones_policy_approved": value["zones_policy_approved"],
        "zones_policy_approved.met": q1["zones_policy_approved"].met,
        "zones_policy_approved.target": (
            q1["zones_policy_approved"].target,
            q1["zones_policy_approved"].target_max,
        ),
        "infrastructure_projects_issued": value["infrastructure_projects_issued"],
        "infrastructure_capital_usd_equiv": value["infrastructure_capital_usd_equiv"],
        "new_projects": value["new_projects"],
        "new_projects.domestic": value["new_projects.domestic"],
        "new_capital_vnd": value["new_capital_vnd"],
        "increased_projects": value["increased_projects"],
        "increased_capital_usd": value["increased_capital_usd"],
        "increased_capital_vnd": value["increased_capital_vnd"],
        "attracted_capital_usd_equiv (millions)": rounded(
            scaled("attracted_capital_usd_equiv", 1_000_000)
        ),
        "attracted_capital_usd_equiv %": rounded(percent["attracted_capital_usd_equiv"]),
        "attracted target": q1["attracted_capital_usd_equiv"].target,
        "infrastructure_built_ha": value["infrastructure_built_ha"],
        "infrastructure_built_ha %": rounded(percent["infrastructure_built_ha"]),
        "projects_started_operation": value["projects_started_operation"],
        "projects_started_operation %": rounded(percent["projects_started_operation"]),
        "jobs_created": value["jobs_created"],
        "jobs_created %": rounded(percent["jobs_created"]),
        "operating_projects": value["operating_projects"],
        "operating_projects.foreign": value["operating_projects.foreign"],
        "operating_projects.domestic": value["operating_projects.domestic"],
        "valid_projects": value["valid_projects"],
        "operating_share_pct": rounded(value["operating_share_pct"], "0.1"),
        "workforce (thousands)": rounded(scaled("workforce", 1000)),
        "inspections_onsite": value["inspections_onsite"],
        "dossiers_received": value["dossiers_received"],
        "dossiers_resolved": value["dossiers_resolved"],
        "dossiers_resolved_on_time_pct": value["dossiers_resolved_on_time_pct"],
        "dossiers_resolved_early_pct": rounded(value["dossiers_resolved_early_pct"], "0.1"),
        "documents_digitized_pct": value["documents_digitized_pct"],
        "documents_electronic_pct": value["documents_electronic_pct"],
    }
    assert seen == {
        "zones_policy_approved": 1,
        "zones_policy_approved.met": True,
        "zones_policy_approved.target": (1, 2),
        "infrastructure_projects_issued": 1,
        "infrastructure_capital_usd_equiv": 98_000_000,
        "new_projects": 3,
        "new_projects.domestic": 3,
        "new_capital_vnd": 345_000_000_000,
        "increased_projects": 12,
        "increased_capital_usd": 112_000_000,
        "increased_capital_vnd": 410_000_000_000,
        "attracted_capital_usd_equiv (millions)": 145,
        "attracted_capital_usd_equiv %": 32,
        "attracted target": 450_000_000,
        "infrastructure_built_ha": 29,
        "infrastructure_built_ha %": 24,
        "projects_started_operation": 8,
        "projects_started_operation %": 27,
        "jobs_created": 3000,
        "jobs_created %": 75,
        "operating_projects": 420,
        "operating_projects.foreign": 240,
        "operating_projects.domestic": 180,
        "valid_projects": 486,
        "operating_share_pct": Decimal("86.4"),
        "workforce (thousands)": 74,
        "inspections_onsite": 6,
        "dossiers_received": 79,
        "dossiers_resolved": 79,
        "dossiers_resolved_on_time_pct": 100,
        "dossiers_resolved_early_pct": Decimal("91.1"),
        "documents_digitized_pct": 100,
        "documents_electronic_pct": 100,
    }
    assert value["workforce"] != 74_000  # "khoảng 74.000": an approximate figure

    plan = Document.objects.get(symbol="166/KH-BQL")
    assert plan.children.count() == 22
    for symbol in ("14/CTr-UBND", "28/CTr-UBND", "11/NQ-CP", "43/2022/QH15", "02/KH-UBND"):
        assert Document.objects.get(symbol=symbol).direction == "in"
    assert Priority.objects.filter(period="2022-Q2").count() == 8


def test_the_demo_exported_and_imported_into_an_empty_database_gives_the_same_report(
    tmp_path: Path,
):
    from django.apps import apps

    from kcn.exchange.exporter import workbook_export
    from kcn.reports.json import report_json

    source = tmp_path / "demo.xlsx"
    write_rows_workbook(source, generate(), english_keys=True)
    assert workbook_import(source).ok
    periods = [parse_period(code) for code in ("2022-Q1", "2022-11", "2022-9M", "2021", "2022")]
    before = [report_json(period) for period in periods]
    exported = tmp_path / "export.xlsx"
    workbook_export(exported)
    for model in reversed(apps.get_models()):
        if (
            model._meta.app_label in RECORD_APPS
            and model._meta.managed
            and model._meta.label_lower != "enterprise_reports.reportingperiod"  # reference data
        ):
            model._base_manager.all()._raw_delete(using="default")
    assert report_json(periods[0]) != before[0]
    assert workbook_import(exported).ok
    assert [report_json(period) for period in periods] == before


RECORD_APPS = {
    "investors",
    "zones",
    "projects",
    "dossiers",
    "documents",
    "enterprise_reports",
    "indicators",
    "reports",
}
