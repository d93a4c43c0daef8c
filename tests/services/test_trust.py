"""Trust in every record (issue 12): the rules of trust and the warnings of
docs/reference/workbook.md in the services (so in every form and the API), corrections by
voiding, and edits guarded by a fingerprint."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditAction
from kcn.core.errors import RecordError, RecordWarnings
from kcn.core.periods import parse_period
from kcn.documents.models import Document
from kcn.documents.services import (
    document_edit,
    document_fingerprint,
    document_register,
    document_void,
)
from kcn.dossiers.models import Dossier
from kcn.dossiers.services import dossier_receive, dossier_void
from kcn.indicators.engine import compute_indicators
from kcn.investors.services import investor_edit, investor_fingerprint
from kcn.projects.models import LaborReport, ProjectEvent
from kcn.projects.services import (
    certificate_amend,
    exchange_rate_set,
    labor_report_record,
    labor_report_void,
    project_event_void,
    project_mark_operational,
)
from kcn.zones.models import ZoneEvent
from kcn.zones.services import (
    zone_edit,
    zone_event_record,
    zone_event_void,
    zone_fingerprint,
)
from tests import factories as f
from tests.services.conftest import audit_of

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def leader(db: None) -> User:
    return User.objects.create(username="lan-leader", role=Role.LEADER)


@pytest.fixture
def specialist(db: None) -> User:
    return User.objects.create(username="son", role=Role.SPECIALIST)


@pytest.fixture
def project(db: None):
    """11.2 million USD, certified in 2020, operating since 2021."""
    return f.project(
        "P2",
        [(d(2020, 1, 5), "issued", 11_200_000, "USD"), (d(2021, 1, 5), "operational")],
    )


def figures(period: str, *codes: str) -> dict[str, object]:
    computed = compute_indicators(parse_period(period), list(codes))
    return {code: computed[code].value for code in codes}


# -- errors: what no record of a board can be ----------------------------------------------


def test_a_certificate_amendment_dated_in_the_future_is_refused(refused, project):
    with refused("01/01/2099 is after today") as error:
        certificate_amend(project=project, date=d(2099, 1, 1), capital_change=5, currency="USD")
    assert error.value.field == "date"


@pytest.mark.parametrize("day", [d(1, 1, 1), d(9999, 12, 31), d(1989, 12, 31)])
def test_dates_outside_1990_to_2100_are_refused(refused, project, day):
    waiting = f.project("P3", [(d(2020, 1, 1), "issued", 1, "USD")])
    with refused("is not between 01/01/1990 and 31/12/2100"):
        project_mark_operational(project=waiting, date=day)


def test_a_decrease_below_zero_is_refused_naming_the_capital_left(refused, project):
    with refused(
        "the amendment of 01/03/2022 (-50.000.000 USD) leaves a registered capital of "
        "-38.800.000 USD: it must stay above zero"
    ) as error:
        certificate_amend(
            project=project, date=d(2022, 3, 1), capital_change=-50_000_000, currency="USD"
        )
    assert error.value.field == "capital"


def test_a_decrease_to_exactly_zero_is_refused_too(refused, project):
    with refused("it must stay above zero"):
        certificate_amend(
            project=project, date=d(2022, 3, 1), capital_change=-11_200_000, currency="USD"
        )


def test_an_amendment_in_another_currency_than_the_certificate_is_refused(refused, project):
    with refused(
        "the amendment of 01/03/2022 is in VND, but the project's capital is in USD (its "
        "certificate of 05/01/2020): one project, one currency"
    ) as error:
        certificate_amend(
            project=project, date=d(2022, 3, 1), capital_change=1_000_000_000, currency="VND"
        )
    assert error.value.field == "currency"


def test_nan_and_infinity_are_refused_as_numbers(refused, project):
    with refused("is not a number"):
        exchange_rate_set(currency="USD", valid_from=d(2022, 1, 1), vnd_per_unit=Decimal("NaN"))
    with refused("is not a number"):
        certificate_amend(
            project=project, date=d(2022, 3, 1), capital_change=Decimal("Infinity"), currency="USD"
        )
    with refused("at most 10 digits before the decimal mark"):
        exchange_rate_set(currency="USD", valid_from=d(2022, 1, 1), vnd_per_unit=Decimal("1e12"))


# -- warnings: possible but unlikely, saved once confirmed -----------------------------------


def test_more_new_jobs_than_employees_needs_a_confirmation(project):
    with pytest.raises(RecordWarnings) as found:
        labor_report_record(project=project, period_end=d(2022, 3, 31), employees=100, new_jobs=500)
    assert found.value.warnings == [
        ("new_jobs", "500 new jobs in the period, more than the 100 employees at its end")
    ]
    assert not LaborReport.objects.exists()
    labor_report_record(
        project=project, period_end=d(2022, 3, 31), employees=100, new_jobs=500, confirmed=True
    )
    assert LaborReport.objects.get().new_jobs == 500


def test_a_labor_report_of_a_project_not_operating_needs_a_confirmation(db):
    waiting = f.project("P5", [(d(2021, 6, 1), "issued", 5_000_000, "USD")])
    with pytest.raises(RecordWarnings) as found:
        labor_report_record(project=waiting, period_end=d(2022, 3, 31), employees=12)
    assert found.value.warnings == [
        (
            "period_end",
            "project P5 is not operating on 31/03/2022: it has not entered operation",
        )
    ]


def test_infrastructure_beyond_the_zones_area_needs_a_confirmation(db):
    zone = f.zone("MD")
    zone.area_ha = Decimal("687")
    zone.save()
    with pytest.raises(RecordWarnings) as found:
        zone_event_record(
            zone=zone, date=d(2022, 2, 10), event="infrastructure_built", area_ha=5000
        )
    [(field, message)] = found.value.warnings
    assert field == "area_ha"
    assert message == (
        "'infrastructure built' in zone MD adds up to 5.000 ha, more than its planned area of "
        "687 ha"
    )
    assert not ZoneEvent.objects.exists()
    zone_event_record(
        zone=zone,
        date=d(2022, 2, 10),
        event="infrastructure_built",
        area_ha=5000,
        confirmed=True,
    )
    assert ZoneEvent.objects.count() == 1


# -- corrections: a leader voids, with a reason ---------------------------------------------


def test_a_leader_voids_a_wrong_start_of_operation_and_the_right_one_can_be_entered(
    project, leader
):
    wrong = project_mark_operational(
        project=f.project("P7", [(d(2020, 1, 5), "issued", 1_000_000, "USD")]),
        date=d(2021, 7, 1),
    )
    assert figures("2021", "projects_started_operation")["projects_started_operation"] == 2
    project_event_void(event=wrong, reason="typed 2021 for 2022", actor=leader)
    voided = ProjectEvent.all_objects.get(pk=wrong.pk)
    assert voided.void_reason == "typed 2021 for 2022"
    assert voided.voided_by == leader
    assert figures("2021", "projects_started_operation")["projects_started_operation"] == 1
    entry = audit_of(voided)[-1]
    assert (entry.action, entry.actor, entry.after) == (
        AuditAction.VOID,
        leader,
        {"void_reason": "typed 2021 for 2022"},
    )
    # The right date is accepted: "a project starts operating once" counts events in force.
    project_mark_operational(project=wrong.project, date=d(2022, 2, 1))
    assert figures("2022", "projects_started_operation")["projects_started_operation"] == 1


def test_only_a_leader_voids_and_always_with_a_reason(refused, project, specialist, leader):
    event = project.events.get(event="operational")
    with refused("Only a leader voids a record."):
        project_event_void(event=event, reason="wrong", actor=specialist)
    with refused("say why the record is voided") as error:
        project_event_void(event=event, reason="  ", actor=leader)
    assert error.value.field == "void_reason"


def test_a_certificate_with_later_events_cannot_be_voided_first(refused, project, leader):
    certificate = project.events.get(event="issued")
    with refused("voiding it would break the ledger"):
        project_event_void(event=certificate, reason="wrong project", actor=leader)


def test_a_voided_amendment_leaves_the_capital_figures(project, leader):
    f.rate(d(2020, 1, 1), 23000)
    increase = certificate_amend(
        project=project, date=d(2022, 2, 1), capital_change=3_000_000, currency="USD"
    )
    assert figures("2022-Q1", "increased_projects")["increased_projects"] == 1
    project_event_void(event=increase, reason="entered twice", actor=leader)
    assert figures("2022-Q1", "increased_projects")["increased_projects"] == 0


def test_a_voided_milestone_leaves_the_area_figures(leader):
    zone = f.zone("TL")
    milestone = zone_event_record(
        zone=zone, date=d(2022, 2, 10), event="infrastructure_built", area_ha=29
    )
    assert figures("2022-Q1", "infrastructure_built_ha")["infrastructure_built_ha"] == 29
    zone_event_void(event=milestone, reason="belongs to zone TLII", actor=leader)
    assert figures("2022-Q1", "infrastructure_built_ha")["infrastructure_built_ha"] == 0
    assert ZoneEvent.all_objects.get().is_voided


def test_a_voided_labor_report_leaves_the_workforce_and_its_date_can_be_entered_again(
    project, leader
):
    wrong = labor_report_record(project=project, period_end=d(2022, 3, 31), employees=1000)
    assert figures("2022-Q1", "workforce")["workforce"] == 1000
    labor_report_void(report=wrong, reason="1000 for 100", actor=leader)
    assert figures("2022-Q1", "workforce")["workforce"] == 0
    labor_report_record(project=project, period_end=d(2022, 3, 31), employees=100)
    assert figures("2022-Q1", "workforce")["workforce"] == 100
    assert LaborReport.all_objects.count() == 2


def test_a_voided_dossier_leaves_the_one_stop_figures_and_keeps_its_number(refused, leader):
    procedure = f.procedure()
    dossier = dossier_receive(code="D1", procedure=procedure, received_on=d(2022, 1, 28))
    assert figures("2022-Q1", "dossiers_pending")["dossiers_pending"] == 1
    dossier_void(dossier=dossier, reason="a test entry", actor=leader)
    assert figures("2022-Q1", "dossiers_pending")["dossiers_pending"] == 0
    with refused("it belongs to a record voided on"):
        dossier_receive(code="D1", procedure=procedure, received_on=d(2022, 1, 28))
    assert Dossier.all_objects.count() == 1


def test_a_document_named_by_a_thematic_plan_is_not_voided(refused, leader):
    plan = document_register(symbol="166/KH-BQL", date=d(2022, 1, 5), direction="out")
    document_register(symbol="201/KH-BQL", date=d(2022, 2, 5), direction="out", parent=plan)
    with refused("names it: change that first"):
        document_void(document=plan, reason="wrong", actor=leader)


def test_a_voided_document_leaves_the_documents_figures(leader):
    document = document_register(
        symbol="12/CV-BQL", date=d(2022, 1, 5), direction="out", digitized=True
    )
    assert figures("2022-Q1", "documents_digitized_pct")["documents_digitized_pct"] == 100
    document_void(document=document, reason="registered twice", actor=leader)
    assert figures("2022-Q1", "documents_digitized_pct")["documents_digitized_pct"] is None
    assert Document.all_objects.get().void_reason == "registered twice"


# -- edits: guarded by the fingerprint of what the editor saw ------------------------------------


def test_an_investor_is_edited_and_a_stale_edit_is_refused(refused):
    investor = f.investor("JP-0009", country="JP")
    seen = investor_fingerprint(investor)
    investor_edit(investor=investor, fingerprint=seen, name="Sumi Park", country="JP")
    investor.refresh_from_db()
    assert investor.name == "Sumi Park"
    with refused("Someone else changed this investor"):
        investor_edit(investor=investor, fingerprint=seen, name="Other", country="JP")


def test_a_document_is_edited_with_its_symbol_kept(refused):
    document = document_register(symbol="12/CV-BQL", date=d(2022, 1, 5), direction="out")
    seen = document_fingerprint(document)
    document_edit(
        document=document, fingerprint=seen, date=d(2022, 1, 6), direction="in", title="Sửa"
    )
    document.refresh_from_db()
    assert (document.symbol, document.date, document.direction) == (
        "12/CV-BQL",
        d(2022, 1, 6),
        "in",
    )
    with refused("Someone else changed this document"):
        document_edit(document=document, fingerprint=seen, date=d(2022, 1, 7), direction="in")


def test_a_zone_is_edited_and_an_area_below_its_built_land_needs_a_confirmation(db):
    zone = f.zone("TL")
    zone.area_ha = Decimal(300)
    zone.save()
    zone_event_record(zone=zone, date=d(2022, 2, 10), event="land_cleared", area_ha=200)
    seen = zone_fingerprint(zone)
    with pytest.raises(RecordWarnings):
        zone_edit(zone=zone, fingerprint=seen, name="KCN TL", area_ha=150)
    zone_edit(zone=zone, fingerprint=seen, name="KCN TL", area_ha=150, confirmed=True)
    zone.refresh_from_db()
    assert (zone.name, zone.area_ha) == ("KCN TL", Decimal(150))
    with pytest.raises(RecordError, match="Someone else changed this zone"):
        zone_edit(zone=zone, fingerprint=seen, name="again", area_ha=150)


def test_voided_events_leave_the_projects_valid_and_operating(project, leader):
    only_certified = f.project("P8", [(d(2021, 3, 1), "issued", 2_000_000, "USD")])
    before = figures("2022-Q1", "valid_projects", "operating_projects")
    assert before == {"valid_projects": 2, "operating_projects": 1}
    project_event_void(event=project.events.get(event="operational"), reason="x", actor=leader)
    project_event_void(event=only_certified.events.get(), reason="y", actor=leader)
    after = figures("2022-Q1", "valid_projects", "operating_projects")
    assert after == {"valid_projects": 1, "operating_projects": 0}
