"""Data entry: each form checks the import's rules, names the field, writes an audit entry,
and never overwrites what someone else recorded meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.audit.models import AuditEntry
from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.projects.models import Inspection, LaborReport, Project, ProjectEvent
from tests import factories as f

d = dt.date

CERTIFICATE = {
    "code": "P-NEW",
    "name": "Nhà máy linh kiện điện tử",
    "investor_code": "JP-0001",
    "origin": "foreign",
    "kind": "secondary",
    "date": "2022-03-15",
    "capital": "12000000",
    "currency": "USD",
    "certificate_no": "1234567890",
}


def certificate(board, **changes):
    return {**CERTIFICATE, "zone": board.mine.zone.pk, **changes}


FORMS = [
    "/projects/new/",
    "/projects/P-JP/events/adjusted/",
    "/projects/P-JP/labor/",
    "/projects/P-JP/inspections/new/",
    "/dossiers/new/",
    "/dossiers/HS-0001/resolve/",
    "/documents/new/",
]


@pytest.mark.parametrize("url", FORMS)
@pytest.mark.parametrize(
    ("role", "status"),
    [("leader", 200), ("specialist", 200), ("viewer", 403), ("enterprise", 403)],
)
def test_the_forms_are_for_editors(client_of, users, board, url, role, status):
    assert client_of(users[role]).get(url).status_code == status


@pytest.mark.parametrize("url", FORMS)
def test_a_viewer_cannot_post_to_any_form(client_of, users, board, url):
    assert client_of(users["viewer"]).post(url, {"code": "X"}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client_of, board):
    response = client_of(None).get("/projects/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_issuing_a_certificate_registers_the_project_and_audits_it(client_of, users, board):
    response = client_of(users["specialist"]).post("/projects/new/", certificate(board))
    assert response.status_code == 302
    assert response["Location"] == "/projects/P-NEW/"
    event = ProjectEvent.objects.get(project__code="P-NEW")
    assert (event.event, event.capital, event.currency) == ("issued", 12_000_000, "USD")
    entries = AuditEntry.objects.filter(actor=users["specialist"], action="create")
    assert {entry.model for entry in entries} >= {"projects.project", "projects.projectevent"}


def test_a_certificate_without_capital_is_refused_beside_the_capital(client_of, users, board):
    response = client_of(users["leader"]).post("/projects/new/", certificate(board, capital="0"))
    assert response.status_code == 400
    assert response.context["form"].errors["capital"]
    assert not Project.objects.filter(code="P-NEW").exists()


def test_an_unknown_investor_is_named(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/projects/new/", certificate(board, investor_code="NOPE")
    )
    assert "No investor has this code." in response.context["form"].errors["investor_code"]


def test_an_existing_project_code_is_refused_beside_the_code(client_of, users, board):
    response = client_of(users["leader"]).post("/projects/new/", certificate(board, code="P-JP"))
    assert response.context["form"].errors["code"]


def test_an_amendment_records_the_capital_change(client_of, users, board):
    client = client_of(users["specialist"])
    response = client.post(
        "/projects/P-JP/events/adjusted/",
        {"date": "2022-03-20", "capital_change": "-500000", "currency": "USD", "note": "giảm"},
    )
    assert response.status_code == 302
    assert ProjectEvent.objects.get(project__code="P-JP", date=d(2022, 3, 20)).capital == -500_000


def test_the_ledger_refuses_a_second_start_of_operation_with_the_reason(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/projects/P-JP/events/operational/", {"date": "2022-03-20"}
    )
    assert response.status_code == 400
    errors = str(response.context["form"].errors)
    assert "operational" in errors
    assert ProjectEvent.objects.filter(project__code="P-JP", event="operational").count() == 1


def test_an_unknown_ledger_event_is_not_found(client_of, users, board):
    assert client_of(users["leader"]).get("/projects/P-JP/events/issued/").status_code == 404


def test_a_labor_report_for_a_recorded_date_needs_replace(client_of, users, board):
    client = client_of(users["specialist"])
    data = {"period_end": "2021-12-31", "employees": "3100", "new_jobs": "100"}
    response = client.post("/projects/P-JP/labor/", data)
    assert "already recorded (3000 employees)" in str(response.context["form"].errors["period_end"])
    assert LaborReport.objects.get(project=board.mine, period_end=d(2021, 12, 31)).employees == 3000
    response = client.post("/projects/P-JP/labor/", {**data, "replace": "on"})
    assert response.status_code == 302
    assert LaborReport.objects.get(project=board.mine, period_end=d(2021, 12, 31)).employees == 3100


def test_more_foreign_employees_than_employees_is_refused_beside_the_field(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/projects/P-JP/labor/",
        {"period_end": "2022-06-30", "employees": "10", "foreign_employees": "11"},
    )
    assert response.context["form"].errors["foreign_employees"]


def test_an_inspection_is_recorded(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/projects/P-JP/inspections/new/", {"date": "2022-03-25", "kind": "onsite"}
    )
    assert response.status_code == 302
    assert Inspection.objects.filter(project=board.mine, date=d(2022, 3, 25)).exists()


def test_receiving_a_dossier_shows_its_due_date_before_saving(client_of, users, board):
    client = client_of(users["specialist"])
    data = {"code": "HS-0100", "procedure": f.procedure().pk, "received_on": "2022-01-28"}
    preview = client.post("/dossiers/new/", {**data, "preview": ""})
    # 15 working days from Friday 28/01/2022, across the Tết holidays (31/01–04/02).
    assert preview.context["due_on"] == d(2022, 2, 25)
    assert "25/02/2022" in preview.content.decode()
    assert not Dossier.objects.filter(code="HS-0100").exists()
    saved = client.post("/dossiers/new/", {**data, "save": ""})
    assert saved.status_code == 302
    assert Dossier.objects.get(code="HS-0100").due_on == d(2022, 2, 25)


def test_a_receipt_number_is_used_once(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/dossiers/new/",
        {"code": "HS-0001", "procedure": f.procedure().pk, "received_on": "2022-03-01", "save": ""},
    )
    assert response.context["form"].errors["code"]


def test_a_resolved_dossier_is_not_resolved_again_without_saying_it_is_a_correction(
    client_of, users, board
):
    client = client_of(users["leader"])
    data = {"resolved_on": "2022-01-24", "result": "approved"}
    response = client.post("/dossiers/HS-0001/resolve/", data)
    assert "already resolved on 20/01/2022" in str(response.context["form"].errors)
    assert Dossier.objects.get(code="HS-0001").resolved_on == d(2022, 1, 20)
    response = client.post("/dossiers/HS-0001/resolve/", {**data, "correction": "on"})
    assert response.status_code == 302
    assert Dossier.objects.get(code="HS-0001").resolved_on == d(2022, 1, 24)


def test_a_document_is_registered_with_its_parent_plan(client_of, users, board):
    response = client_of(users["specialist"]).post(
        "/documents/new/",
        {
            "symbol": "171/kh-BQL",
            "date": "2022-02-21",
            "direction": "out",
            "parent_symbol": "166/KH-BQL",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(symbol="171/KH-BQL")
    assert (document.type, document.parent) == ("KH", board.plan)


def test_a_registered_symbol_is_not_overwritten(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/documents/new/", {"symbol": "166/KH-BQL", "date": "2022-02-15", "direction": "out"}
    )
    assert response.context["form"].errors["symbol"]
    assert Document.objects.get(symbol="166/KH-BQL").title == "Kế hoạch thực hiện nhiệm vụ năm 2022"


def test_a_bad_symbol_is_named(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/documents/new/", {"symbol": "công văn", "date": "2022-02-15", "direction": "out"}
    )
    assert "not a document symbol" in str(response.context["form"].errors["symbol"])
