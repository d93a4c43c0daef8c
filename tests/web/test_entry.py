"""Data entry: each form checks the import's rules, names the field, writes an audit entry,
and never overwrites what someone else recorded meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.audit.models import AuditEntry
from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.indicators.models import Target
from kcn.investors.models import Investor
from kcn.projects.models import Inspection, LaborReport, Project, ProjectEvent
from kcn.zones.models import ZoneEvent
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
    "/projects/P-JP/edit/",
    "/investors/new/",
    "/zones/Z1/events/new/",
    "/targets/new/",
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
    assert "No investor has this code or name." in str(
        response.context["form"].errors["investor_code"]
    )


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
    assert "start of operation" in errors
    assert "operational" not in errors  # the event's label, never its key
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


def edit_form(client, code="P-JP", **changes):
    form = client.get(f"/projects/{code}/edit/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["zone"] = data["zone"].pk if hasattr(data["zone"], "pk") else data["zone"]
    data = {key: "" if value is None else value for key, value in data.items()}
    return {**data, **changes}


def test_a_project_is_edited_and_audited(client_of, users, board):
    client = client_of(users["specialist"])
    response = client.post("/projects/P-JP/edit/", edit_form(client, name="Nhà máy mới"))
    assert response.status_code == 302
    assert Project.objects.get(code="P-JP").name == "Nhà máy mới"
    entry = AuditEntry.objects.filter(model="projects.project", action="update").latest("pk")
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["name"], entry.after["name"]) == ("Project P-JP", "Nhà máy mới")


def test_two_people_editing_a_project_at_once_never_overwrite_each_other(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    sons, lans = edit_form(son, name="Tên của Sơn"), edit_form(lan, sector="2610")
    assert son.post("/projects/P-JP/edit/", sons).status_code == 302
    response = lan.post("/projects/P-JP/edit/", lans)
    assert response.status_code == 400
    assert "Someone else changed this project" in str(response.context["form"].non_field_errors())
    project = Project.objects.get(code="P-JP")
    assert (project.name, project.sector) == ("Tên của Sơn", "")


def test_an_investor_is_added_with_its_checked_tax_code(client_of, users, db):
    client = client_of(users["specialist"])
    response = client.post(
        "/investors/new/", {"code": "0100109106", "name": "Công ty CP A", "country": "vn"}
    )
    assert response.status_code == 302
    assert Investor.objects.get(code="0100109106").country == "VN"
    response = client.post("/investors/new/", {"code": "0100109107", "name": "B", "country": "VN"})
    assert response.context["form"].errors["code"]


def test_an_existing_investor_is_not_overwritten(client_of, users, db):
    response = client_of(users["leader"]).post(
        "/investors/new/", {"code": "JP-0001", "name": "Another name", "country": "JP"}
    )
    assert "already registered" in str(response.context["form"].errors["code"])


def test_a_zone_milestone_needs_its_area(client_of, users, board):
    client = client_of(users["specialist"])
    data = {"date": "2022-03-31", "event": "land_cleared"}
    response = client.post("/zones/Z1/events/new/", data)
    assert response.context["form"].errors["area_ha"]
    response = client.post("/zones/Z1/events/new/", {**data, "area_ha": "12.5"})
    assert response.status_code == 302
    assert ZoneEvent.objects.get(zone__code="Z1", event="land_cleared").area_ha == 12.5


def test_a_target_is_set_and_not_replaced_silently(client_of, users, board):
    client = client_of(users["leader"])
    data = {"year": "2022", "indicator": "infrastructure_built_ha", "target": "150"}
    response = client.post("/targets/new/", data)
    assert "already has a target" in str(response.context["form"].errors["indicator"])
    assert Target.objects.get(year=2022, indicator="infrastructure_built_ha").target == 120
    assert client.post("/targets/new/", {**data, "replace": "on"}).status_code == 302
    assert Target.objects.get(year=2022, indicator="infrastructure_built_ha").target == 150


def test_a_target_is_described_in_vietnamese_and_in_english(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/targets/new/",
        {
            "year": "2023",
            "indicator": "jobs_created",
            "target": "4000",
            "description": "tạo việc làm mới cho 4.000 lao động",
            "description_en": "create new jobs for 4,000 workers",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get(year=2023, indicator="jobs_created")
    assert (target.description, target.description_en) == (
        "tạo việc làm mới cho 4.000 lao động",
        "create new jobs for 4,000 workers",
    )


def test_a_range_target_whose_top_is_below_its_bottom_is_refused(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/targets/new/",
        {"year": "2023", "indicator": "zones_policy_approved", "target": "2", "target_max": "1"},
    )
    assert response.status_code == 400
    assert not Target.objects.filter(year=2023).exists()


def test_the_project_page_shows_who_recorded_each_event(client_of, users, board):
    client = client_of(users["specialist"])
    client.post(
        "/projects/P-JP/events/adjusted/",
        {"date": "2022-03-20", "capital_change": "1000000", "currency": "USD"},
    )
    page = client.get("/projects/P-JP/")
    history = page.context["history"]
    assert history[0].actor == users["specialist"]
    assert history[0].model == "projects.projectevent"
    assert history[0].after["capital"] == "1000000"
    assert "<td>son</td><td>Created</td>" in page.content.decode()  # the action's label
