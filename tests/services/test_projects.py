"""Projects and their ledger: the capital rule and the ledger rule, checked on every event."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.audit.models import AuditEntry
from kcn.core.errors import RecordError
from kcn.investors.models import Investor
from kcn.investors.services import NewInvestor, investor_upsert
from kcn.projects.models import Project, ProjectEvent
from kcn.projects.services import (
    certificate_amend,
    certificate_issue,
    project_mark_operational,
    project_register,
    project_resume,
    project_suspend,
    project_terminate,
    project_upsert,
)
from kcn.zones.services import zone_upsert
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def zone(db):
    return zone_upsert(code="TLII", name="KCN Thăng Long II")


@pytest.fixture
def investor(db):
    return investor_upsert(code="JP-0001", name="Sumi", country="JP")


@pytest.fixture
def project(zone, investor):
    """A foreign project certified on 05/01/2020 with 10 million USD."""
    created = project_upsert(
        code="P2", name="Nhà máy B", zone=zone, investor=investor, origin="foreign"
    )
    certificate_issue(project=created, date=d(2020, 1, 5), capital=10_000_000, currency="USD")
    return created


@pytest.fixture
def operating(project):
    project_mark_operational(project=project, date=d(2021, 1, 5))
    return project


def kinds(project: Project) -> list[str]:
    return list(project.events.order_by("date", "id").values_list("event", flat=True))


# -- projects ------------------------------------------------------------------------------


def test_it_adds_a_project_with_one_audit_entry(zone, investor, specialist):
    project = project_upsert(
        code="P1",
        name="Nhà máy A",
        zone=zone,
        investor=investor,
        origin="Foreign",
        sector="2610",
        land_ha=Decimal("5.50"),
        actor=specialist,
    )
    assert (project.kind, project.origin) == ("secondary", "foreign")
    assert only_audit_entry(project).after == {
        "code": "P1",
        "name": "Nhà máy A",
        "zone": "TLII",
        "investor": "JP-0001",
        "kind": "secondary",
        "origin": "foreign",
        "sector": "2610",
        "land_ha": "5.5",
    }


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"origin": "fdi"}, "'fdi' is not one of: foreign, domestic"),
        ({"kind": "tenant"}, "'tenant' is not one of: secondary, infrastructure"),
        ({"land_ha": Decimal(-1)}, "'-1' must not be below 0"),
        ({"name": ""}, "name: a value is required"),
    ],
)
def test_it_refuses_a_project_that_breaks_a_rule(refused, zone, investor, fields, problem):
    values = {"code": "P1", "name": "A", "zone": zone, "investor": investor, "origin": "foreign"}
    with refused(problem):
        project_upsert(**{**values, **fields})


def test_it_changes_a_project_and_audits_what_changed(project, zone, investor):
    other = zone_upsert(code="PN", name="KCN Phố Nối A")
    project_upsert(code="P2", name="Nhà máy B", zone=other, investor=investor, origin="foreign")
    update = audit_of(project)[-1]
    assert (update.action, update.before, update.after) == (
        "update",
        {"zone": "TLII"},
        {"zone": "PN"},
    )


def test_it_registers_a_project_with_its_certificate(zone, investor, specialist):
    project = project_register(
        code="P9",
        name="Nhà máy C",
        zone=zone,
        investor=investor,
        origin="foreign",
        date=d(2022, 1, 5),
        capital=Decimal("98000000"),
        currency="usd",
        certificate_no="5432",
        actor=specialist,
    )
    issued = project.events.get()
    assert (issued.event, issued.capital, issued.currency) == ("issued", Decimal(98000000), "USD")
    assert AuditEntry.objects.filter(action="create", actor=specialist).count() == 2


def test_a_registration_refused_for_its_certificate_leaves_no_project(refused, zone, investor):
    with refused("the registered capital of a certificate must be greater than 0"):
        project_register(
            code="P9",
            name="Nhà máy C",
            zone=zone,
            investor=investor,
            origin="foreign",
            date=d(2022, 1, 5),
            capital=0,
            currency="USD",
        )


def test_it_refuses_to_register_a_project_code_twice(refused, project, zone, investor):
    with refused("project P2, project code: a project with this code already exists"):
        project_register(
            code="P2",
            name="Nhà máy B",
            zone=zone,
            investor=investor,
            origin="foreign",
            date=d(2022, 1, 5),
            capital=1,
            currency="USD",
        )


# -- the certificate -----------------------------------------------------------------------


def test_the_certificate_is_recorded_with_one_audit_entry(zone, investor, specialist):
    project = project_upsert(
        code="P1", name="Nhà máy A", zone=zone, investor=investor, origin="domestic"
    )
    issued = certificate_issue(
        project=project,
        date=d(2022, 1, 5),
        capital=Decimal("345000000000"),
        currency="VND",
        certificate_no="1234",
        actor=specialist,
    )
    entry = only_audit_entry(issued)
    assert (entry.action, entry.before) == ("create", None)
    assert entry.after == {
        "project": "P1",
        "date": "2022-01-05",
        "event": "issued",
        "capital": "345000000000",
        "currency": "VND",
        "certificate_no": "1234",
        "note": "",
    }


@pytest.mark.parametrize(
    ("capital", "currency", "problem"),
    [
        (0, "USD", "the registered capital of a certificate must be greater than 0"),
        (-5, "USD", "the registered capital of a certificate must be greater than 0"),
        (1000, "", "the currency (USD or VND) is required where capital is given"),
        (1000, "EUR", "'EUR' is not one of: USD, VND"),
    ],
)
def test_it_refuses_a_certificate_whose_capital_breaks_the_rule(
    refused, zone, investor, capital, currency, problem
):
    project = project_upsert(code="P1", name="A", zone=zone, investor=investor, origin="foreign")
    with refused(problem):
        certificate_issue(project=project, date=d(2022, 1, 5), capital=capital, currency=currency)


def test_it_refuses_a_second_certificate(refused, project):
    with refused("project P2: a second certificate on 05/03/2022: a project has exactly one"):
        certificate_issue(project=project, date=d(2022, 3, 5), capital=1, currency="USD")


def test_an_amendment_records_a_capital_change_in_its_currency(project, specialist):
    amendment = certificate_amend(
        project=project,
        date=d(2022, 2, 5),
        capital_change=Decimal("-2500000.50"),
        currency="USD",
        note="giảm vốn",
        actor=specialist,
    )
    after = only_audit_entry(amendment).after
    assert after is not None
    assert after["capital"] == "-2500000.5"


@pytest.mark.parametrize("change", [None, 0])
def test_an_amendment_that_does_not_touch_capital_has_no_capital(project, change):
    amendment = certificate_amend(
        project=project, date=d(2022, 2, 5), capital_change=change, certificate_no="1234-2"
    )
    assert (amendment.capital, amendment.currency) == (None, "")


@pytest.mark.parametrize(
    ("change", "currency", "problem"),
    [
        (Decimal(500), "", "the currency (USD or VND) is required where capital is given"),
        (None, "USD", "a currency is given but no capital"),
    ],
)
def test_it_refuses_an_amendment_whose_capital_breaks_the_rule(
    refused, project, change, currency, problem
):
    with refused(problem) as error:
        certificate_amend(
            project=project, date=d(2022, 2, 5), capital_change=change, currency=currency
        )
    assert error.value.field == "capital"


def test_it_refuses_the_same_amendment_twice(refused, project):
    certificate_amend(project=project, date=d(2022, 2, 5), capital_change=5, currency="USD")
    with refused("the same event is already recorded"):
        certificate_amend(project=project, date=d(2022, 2, 5), capital_change=5, currency="USD")


def test_it_refuses_an_event_of_a_project_without_a_certificate(refused, zone, investor):
    project = project_upsert(code="P1", name="A", zone=zone, investor=investor, origin="foreign")
    with refused(
        "project P1: 'certificate amended' on 05/02/2022 comes before the certificate is issued"
    ):
        certificate_amend(project=project, date=d(2022, 2, 5))


def test_it_refuses_an_event_dated_before_the_certificate(refused, project):
    with refused("project P2: 'entered operation' on 01/01/2020 comes before the certificate"):
        project_mark_operational(project=project, date=d(2020, 1, 1))


def test_it_refuses_a_backdated_certificate_that_would_follow_other_events(refused, zone, investor):
    project = project_upsert(code="P1", name="A", zone=zone, investor=investor, origin="foreign")
    certificate_issue(project=project, date=d(2022, 1, 5), capital=1, currency="USD")
    project_mark_operational(project=project, date=d(2022, 2, 1))
    with refused("project P1: a second certificate"):
        certificate_issue(project=project, date=d(2021, 1, 5), capital=1, currency="USD")


# -- operation, suspension, termination --------------------------------------------------


def test_a_project_goes_through_its_life_with_one_audit_entry_per_event(project, specialist):
    project_mark_operational(project=project, date=d(2021, 1, 5), actor=specialist)
    project_suspend(project=project, date=d(2021, 6, 1), note="Covid-19", actor=specialist)
    project_resume(project=project, date=d(2021, 9, 1), actor=specialist)
    project_terminate(project=project, date=d(2023, 1, 1), actor=specialist)
    assert kinds(project) == ["issued", "operational", "suspended", "resumed", "terminated"]
    assert AuditEntry.objects.filter(actor=specialist, model="projects.projectevent").count() == 4


def test_events_of_the_same_day_are_read_in_the_order_of_a_projects_life(zone, investor):
    project = project_upsert(code="P1", name="A", zone=zone, investor=investor, origin="foreign")
    certificate_issue(project=project, date=d(2022, 1, 5), capital=1, currency="USD")
    project_mark_operational(project=project, date=d(2022, 1, 5))
    project_suspend(project=project, date=d(2022, 1, 5))
    project_resume(project=project, date=d(2022, 1, 5))
    assert kinds(project) == ["issued", "operational", "suspended", "resumed"]


def test_it_refuses_a_second_start_of_operation(refused, operating):
    with refused("project P2: a second start of operation on 05/01/2022"):
        project_mark_operational(project=operating, date=d(2022, 1, 5))


def test_it_refuses_a_suspension_of_a_project_that_is_not_operating(refused, project):
    with refused("project P2: 'suspended' on 01/06/2021, but the project is not operating then"):
        project_suspend(project=project, date=d(2021, 6, 1))


def test_it_refuses_a_suspension_of_a_project_already_suspended(refused, operating):
    project_suspend(project=operating, date=d(2021, 6, 1))
    with refused("'suspended' on 01/07/2021, but the project is already suspended"):
        project_suspend(project=operating, date=d(2021, 7, 1))


def test_it_refuses_a_resumption_of_a_project_that_is_not_suspended(refused, operating):
    with refused("project P2: 'resumed' on 01/09/2021, but the project is not suspended then"):
        project_resume(project=operating, date=d(2021, 9, 1))


def test_a_suspension_and_its_restart_are_recorded_and_checked_together(refused, operating):
    with refused("project P2: 'resumed' on 01/05/2021, but the project is not suspended then"):
        project_suspend(project=operating, date=d(2021, 6, 1), resumed_on=d(2021, 5, 1))
    suspended = project_suspend(
        project=operating, date=d(2021, 6, 1), resumed_on=d(2021, 9, 1), note="Covid-19"
    )
    assert suspended.event == "suspended"
    assert kinds(operating)[-2:] == ["suspended", "resumed"]
    assert AuditEntry.objects.filter(model="projects.projectevent").count() == 4


def test_it_refuses_a_backdated_suspension_inside_another_one(refused, operating):
    project_suspend(project=operating, date=d(2022, 6, 1))
    project_resume(project=operating, date=d(2022, 9, 1))
    with refused("'suspended' on 01/08/2022, but the project is already suspended"):
        project_suspend(project=operating, date=d(2022, 8, 1))
    # A whole suspension before it is fine, entered with its restart.
    project_suspend(project=operating, date=d(2022, 3, 1), resumed_on=d(2022, 4, 1))
    assert kinds(operating)[1:] == [
        "operational",
        "suspended",
        "resumed",
        "suspended",
        "resumed",
    ]


def test_it_refuses_anything_after_the_termination(refused, operating):
    project_terminate(project=operating, date=d(2022, 6, 30))
    with refused(
        "project P2: 'certificate amended' on 01/07/2022 comes after the project was terminated"
    ):
        certificate_amend(project=operating, date=d(2022, 7, 1), capital_change=1, currency="USD")
    with refused("comes after the project was terminated"):
        project_terminate(project=operating, date=d(2022, 12, 31))


def test_an_event_may_be_recorded_late_when_the_ledger_stays_valid(operating):
    project_terminate(project=operating, date=d(2022, 6, 30))
    certificate_amend(project=operating, date=d(2022, 2, 5), capital_change=1, currency="USD")
    assert kinds(operating) == ["issued", "operational", "adjusted", "terminated"]


def test_the_ledger_is_checked_on_the_database_not_on_a_stale_project(refused, project):
    stale = Project.objects.get(pk=project.pk)
    project_mark_operational(project=project, date=d(2021, 1, 5))
    with refused("a second start of operation"):
        project_mark_operational(project=stale, date=d(2021, 2, 5))
    assert ProjectEvent.objects.filter(event="operational").count() == 1


# -- a new investor registered with the project ------------------------------------------------


def certificate_of(zone, **changes):
    return {
        "code": "P9",
        "name": "Nhà máy C",
        "zone": zone,
        "investor": None,
        "origin": "foreign",
        "date": d(2022, 1, 5),
        "capital": Decimal("98000000"),
        "currency": "USD",
        **changes,
    }


def test_a_new_investor_is_registered_with_the_project_and_audited(zone, specialist):
    project = project_register(
        **certificate_of(zone),
        new_investor=NewInvestor(code="KR-0042", name="Hanil", country="kr"),
        actor=specialist,
    )
    assert (project.investor.code, project.investor.country) == ("KR-0042", "KR")
    created = AuditEntry.objects.filter(action="create", actor=specialist)
    assert sorted(created.values_list("model", flat=True)) == [
        "investors.investor",
        "projects.project",
        "projects.projectevent",
    ]


def test_a_refused_project_leaves_no_new_investor(zone, project):
    with pytest.raises(RecordError, match="already exists"):
        project_register(
            **certificate_of(zone, code="P2"),
            new_investor=NewInvestor(code="KR-0042", name="Hanil", country="KR"),
        )
    assert not Investor.objects.filter(code="KR-0042").exists()


def test_a_new_investors_refusal_names_its_field(zone):
    with pytest.raises(RecordError) as refused:
        project_register(
            **certificate_of(zone),
            new_investor=NewInvestor(code="JP-0002", name="", country="JP"),
        )
    assert refused.value.field == "new_investor_name"
    assert not Project.objects.filter(code="P9").exists()


def test_a_project_needs_an_investor(zone):
    with pytest.raises(RecordError, match="Say which investor"):
        project_register(**certificate_of(zone))
