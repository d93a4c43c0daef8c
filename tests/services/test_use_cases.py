"""Use cases: each one service in one durable transaction that locks, checks, writes and audits.

A "new" entry whose key exists is refused, naming the field, never an overwrite; "replace" is
said explicitly. An edit carries the fingerprint of what it started from. (Simultaneous
callers: test_simultaneous.py; the report's workflow: tests/reports/test_publishing.py.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction

from kcn.audit.models import AuditAction
from kcn.documents.services import document_register
from kcn.indicators.models import Target
from kcn.indicators.services import target_record
from kcn.investors.models import Investor
from kcn.investors.services import investor_register
from kcn.projects.models import LaborReport, Project
from kcn.projects.services import (
    labor_report_record,
    project_edit,
    project_fingerprint,
)
from tests import factories as f
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def project(db):
    """An operating project: its labor reports raise no warning."""
    return f.project(
        "P-1", [(d(2022, 1, 10), "issued", 1_000_000, "USD"), (d(2022, 1, 20), "operational")]
    )


# -- labor reports ----------------------------------------------------------------------------


def test_a_new_labor_report_is_recorded_and_audited(project, specialist):
    report = labor_report_record(
        project=project, period_end=d(2022, 3, 31), employees=120, new_jobs=20, actor=specialist
    )
    entry = only_audit_entry(report)
    assert entry.after is not None
    assert (entry.action, entry.actor, entry.after["employees"]) == (
        AuditAction.CREATE,
        specialist,
        120,
    )


def test_a_new_labor_report_for_a_recorded_date_is_refused_naming_the_period_end(refused, project):
    labor_report_record(project=project, period_end=d(2022, 3, 31), employees=120)
    with refused(
        "labor report of project P-1 to 31/03/2022, period end: a report to this date is "
        "already recorded (120 employees): replace it to change it"
    ) as error:
        labor_report_record(project=project, period_end=d(2022, 3, 31), employees=130)
    assert error.value.field == "period_end"


def test_replace_changes_the_recorded_labor_report_with_the_change_audited(project):
    first = labor_report_record(project=project, period_end=d(2022, 3, 31), employees=120)
    labor_report_record(project=project, period_end=d(2022, 3, 31), employees=130, replace=True)
    assert LaborReport.objects.get().employees == 130
    update = audit_of(first)[-1]
    assert (update.action, update.before, update.after) == (
        AuditAction.UPDATE,
        {"employees": 120},
        {"employees": 130},
    )


def test_replace_records_a_labor_report_when_there_is_none_yet(project):
    labor_report_record(project=project, period_end=d(2022, 3, 31), employees=120, replace=True)
    assert LaborReport.objects.get().employees == 120


def test_a_labor_report_is_checked_before_its_key(refused, project):
    labor_report_record(project=project, period_end=d(2022, 3, 31), employees=120)
    with refused("of which foreign") as error:
        labor_report_record(
            project=project, period_end=d(2022, 3, 31), employees=10, foreign_employees=11
        )
    assert error.value.field == "foreign_employees"


# -- targets, investors, documents -------------------------------------------------------------


def test_a_new_target_for_a_year_that_has_one_is_refused_naming_the_indicator(refused):
    target_record(year=2022, indicator="new_projects", target=10)
    with refused(
        "target new_projects for 2022, indicator: 2022 already has a target for this "
        "indicator (10): replace it to change it"
    ) as error:
        target_record(year=2022, indicator="new_projects", target=12)
    assert error.value.field == "indicator"
    target_record(year=2022, indicator="new_projects", target=12, replace=True)
    assert Target.objects.get().target == Decimal(12)


def test_an_investor_registered_twice_is_refused_naming_the_code(refused):
    investor_register(code="0100109106", name="Công ty CP A", country="VN")
    with refused(
        "investor 0100109106, code: an investor with this code is already registered"
    ) as error:
        investor_register(code="0100 109 106", name="Tên khác", country="vn")
    assert error.value.field == "code"
    assert Investor.objects.get().name == "Công ty CP A"


def test_a_document_registered_twice_is_refused_naming_the_symbol(refused):
    document_register(symbol="166/KH-BQL", date=d(2022, 2, 15), direction="out", title="Kế hoạch")
    with refused(
        "document 166/KH-BQL, number and symbol: a document with this symbol is already registered"
    ) as error:
        document_register(symbol="166/kh-BQL", date=d(2022, 2, 16), direction="in")
    assert error.value.field == "symbol"


def test_a_registration_checks_the_record_before_its_key(refused):
    investor_register(code="JP-0001", name="Sumi", country="JP")
    with refused("not a valid tax code") as error:
        investor_register(code="0100109107", name="Sai mã", country="VN")
    assert error.value.field == "code"


# -- project edit -------------------------------------------------------------------------------


def edit(project: Project, fingerprint: str, **changes: object) -> Project:
    fields = {
        "name": project.name,
        "zone": project.zone,
        "investor": project.investor,
        "origin": project.origin,
        "kind": project.kind,
        "sector": project.sector,
        "land_ha": project.land_ha,
        **changes,
    }
    return project_edit(project=project, fingerprint=fingerprint, **fields)


def test_an_edit_from_the_current_values_is_saved_and_audited(project, specialist):
    edited = edit(project, project_fingerprint(project), name="Nhà máy mới", actor=specialist)
    assert Project.objects.get(pk=project.pk).name == "Nhà máy mới"
    entry = audit_of(edited)[-1]
    assert (entry.action, entry.actor, entry.after) == (
        AuditAction.UPDATE,
        specialist,
        {"name": "Nhà máy mới"},
    )


def test_an_edit_from_values_changed_meanwhile_is_refused(refused, project):
    seen = project_fingerprint(project)
    edit(project, seen, sector="2610")
    with refused("Someone else changed this project while you were editing it.") as error:
        edit(project, seen, name="Tên của Lan")
    assert error.value.field == ""
    assert Project.objects.get(pk=project.pk).name == "Project P-1"


# -- one transaction, the outermost -------------------------------------------------------------


def test_a_use_case_is_the_outermost_transaction(project):
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        labor_report_record(project=project, period_end=d(2022, 3, 31), employees=1)
