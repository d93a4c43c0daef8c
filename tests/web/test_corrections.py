"""Corrections in the web app (issue 12, item 2): a leader voids a wrong record from its page
with a reason; it stays visible, marked voided, and leaves the figures; the right record can
then be entered. Investors, documents and zones are edited with the fingerprint guard."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from kcn.audit.models import AuditEntry
from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.investors.models import Investor
from kcn.projects import selectors
from kcn.projects.models import LaborReport, ProjectEvent
from kcn.zones.models import Zone, ZoneEvent

d = dt.date
REASON = "Ngày nhập sai: năm 2021 chứ không phải 2022"


def operational(board):
    return ProjectEvent.objects.get(project=board.mine, event="operational")


def void_urls(board):
    event = operational(board)
    report = LaborReport.objects.get(project=board.mine)
    milestone = ZoneEvent.objects.get(zone__code="Z1")
    return [
        f"/projects/P-JP/events/{event.pk}/void/",
        f"/projects/P-JP/labor/{report.pk}/void/",
        f"/zones/Z1/events/{milestone.pk}/void/",
        f"/documents/{board.child_plan.pk}/void/",
        "/dossiers/HS-0001/void/",
    ]


@pytest.mark.parametrize("role", ["specialist", "viewer", "enterprise"])
def test_only_a_leader_voids(client_of, users, board, role):
    client = client_of(users[role])
    for url in void_urls(board):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"reason": REASON}).status_code == 403, url
    assert not ProjectEvent.all_objects.filter(voided_at__isnull=False).exists()
    assert Dossier.objects.filter(code="HS-0001").exists()


def test_a_void_needs_the_csrf_token(users, board):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["leader"])
    url = void_urls(board)[0]
    assert client.post(url, {"reason": REASON}).status_code == 403
    assert operational(board).voided_at is None


def test_a_void_needs_a_reason(client_of, users, board):
    url = void_urls(board)[0]
    response = client_of(users["leader"]).post(url, {"reason": "  "})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert operational(board).voided_at is None


def test_a_wrong_start_of_operation_is_voided_and_the_right_one_entered(client_of, users, board):
    client = client_of(users["leader"])
    event = operational(board)
    page = client.get("/projects/P-JP/").content.decode()
    assert f"/projects/P-JP/events/{event.pk}/void/" in page
    response = client.post(f"/projects/P-JP/events/{event.pk}/void/", {"reason": REASON})
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.void_reason, event.voided_by) == (REASON, users["leader"])
    entry = AuditEntry.objects.get(action="void", model="projects.projectevent")
    assert entry.after == {"void_reason": REASON}
    # Still listed on the project's page, marked, with the reason and who voided it.
    page = client.get("/projects/P-JP/").content.decode()
    assert "Voided" in page
    assert REASON in page
    assert "lan" in page
    # The right start of operation can now be entered through the usual form.
    response = client.post("/projects/P-JP/events/operational/", {"date": "20/03/2022"})
    assert response.status_code == 302
    assert ProjectEvent.objects.get(project=board.mine, event="operational").date == d(2022, 3, 20)


def test_a_voided_amendment_leaves_the_registered_capital(client_of, users, board):
    assert selectors.project_capital(board.mine) == [("USD", Decimal("12500000"))]
    amendment = ProjectEvent.objects.get(project=board.mine, event="adjusted")
    response = client_of(users["leader"]).post(
        f"/projects/P-JP/events/{amendment.pk}/void/", {"reason": "Sai số vốn"}
    )
    assert response.status_code == 302
    assert selectors.project_capital(board.mine) == [("USD", Decimal("10000000"))]


def test_voiding_twice_is_refused_with_the_date(client_of, users, board):
    client = client_of(users["leader"])
    url = void_urls(board)[0]
    assert client.post(url, {"reason": REASON}).status_code == 302
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 400
    assert "already voided" in str(response.context["form"].non_field_errors())


def test_a_voided_labor_report_leaves_the_figures_and_stays_listed(client_of, users, board):
    client = client_of(users["leader"])
    report = LaborReport.objects.get(project=board.mine)
    response = client.post(f"/projects/P-JP/labor/{report.pk}/void/", {"reason": "Trùng kỳ"})
    assert response.status_code == 302
    assert not LaborReport.objects.filter(project=board.mine).exists()
    page = client.get("/projects/P-JP/").content.decode()
    assert "Trùng kỳ" in page
    # A report to the same date can be recorded again.
    response = client.post(
        "/projects/P-JP/labor/", {"period_end": "31/12/2021", "employees": "2.900"}
    )
    assert response.status_code == 302
    assert LaborReport.objects.get(project=board.mine).employees == 2900


def test_a_voided_milestone_leaves_the_zone_and_stays_listed(client_of, users, board):
    client = client_of(users["leader"])
    milestone = ZoneEvent.objects.get(zone__code="Z1")
    response = client.post(f"/zones/Z1/events/{milestone.pk}/void/", {"reason": "Sai diện tích"})
    assert response.status_code == 302
    assert not ZoneEvent.objects.filter(zone__code="Z1").exists()
    page = client.get("/zones/Z1/").content.decode()
    assert "Sai diện tích" in page
    assert "Voided" in page


def test_a_document_named_by_another_is_not_voided_and_says_why(client_of, users, board):
    response = client_of(users["leader"]).post(
        f"/documents/{board.plan.pk}/void/", {"reason": "Nhập nhầm"}
    )
    assert response.status_code == 400
    assert "170/KH-BQL" in str(response.context["form"].non_field_errors())
    assert Document.objects.filter(pk=board.plan.pk).exists()


def test_a_voided_document_stays_in_the_register_marked(client_of, users, board):
    client = client_of(users["leader"])
    response = client.post(f"/documents/{board.child_plan.pk}/void/", {"reason": "Nhập nhầm"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=board.child_plan.pk).exists()
    listing = client.get("/documents/").content.decode()
    assert "Voided records" in listing
    assert "Nhập nhầm" in listing
    page = client.get(f"/documents/{board.child_plan.pk}/").content.decode()
    assert "Nhập nhầm" in page


def test_a_voided_dossier_stays_visible_and_leaves_the_counts(client_of, users, board):
    client = client_of(users["leader"])
    response = client.post("/dossiers/HS-0001/void/", {"reason": "Hồ sơ thử"})
    assert response.status_code == 302
    assert not Dossier.objects.filter(code="HS-0001").exists()
    assert "Hồ sơ thử" in client.get("/dossiers/").content.decode()
    page = client.get("/dossiers/HS-0001/")
    assert page.status_code == 200
    assert "Hồ sơ thử" in page.content.decode()


def form_data(client, url, **changes):
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None or value is False else value
    return {**data, **changes}


@pytest.mark.parametrize(
    "url",
    ["/investors/JP-0001/edit/", "/zones/Z1/edit/", "/projects/P-JP/edit/", "document"],
)
def test_the_fingerprint_is_a_hidden_input_never_a_label(client_of, users, board, url):
    if url == "document":
        url = f"/documents/{board.plan.pk}/edit/"
    page = client_of(users["specialist"]).get(url).content.decode()
    assert 'type="hidden" name="fingerprint"' in page
    assert "Fingerprint" not in page
    assert 'for="id_fingerprint"' not in page


def test_an_investor_is_edited_and_two_editors_never_overwrite_each_other(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    url = "/investors/JP-0001/edit/"
    sons, lans = form_data(son, url, name="Công ty A"), form_data(lan, url, name="Công ty B")
    assert son.post(url, sons).status_code == 302
    response = lan.post(url, lans)
    assert response.status_code == 400
    assert "Someone else changed this investor" in str(response.context["form"].non_field_errors())
    assert Investor.objects.get(code="JP-0001").name == "Công ty A"


def test_a_document_is_edited_with_its_date_typed_the_vietnamese_way(client_of, users, board):
    client = client_of(users["specialist"])
    url = f"/documents/{board.child_plan.pk}/edit/"
    form = client.get(url)
    assert 'value="20/02/2022"' in form.content.decode()
    data = form_data(client, url, date="21/02/2022", title="Kế hoạch đã sửa")
    response = client.post(url, data)
    assert response.status_code == 302
    document = Document.objects.get(pk=board.child_plan.pk)
    assert (document.date, document.title, document.parent) == (
        d(2022, 2, 21),
        "Kế hoạch đã sửa",
        board.plan,
    )


def test_a_zone_is_edited_and_a_stale_edit_refused(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    url = "/zones/Z1/edit/"
    sons, lans = form_data(son, url, area_ha="687,5"), form_data(lan, url, name="KCN mới")
    assert son.post(url, sons).status_code == 302
    assert Zone.objects.get(code="Z1").area_ha == Decimal("687.5")
    response = lan.post(url, lans)
    assert response.status_code == 400
    assert "Someone else changed this zone" in str(response.context["form"].non_field_errors())


def test_a_zone_area_below_the_land_built_asks_to_confirm(client_of, users, board):
    client = client_of(users["specialist"])
    url = "/zones/Z1/edit/"
    data = form_data(client, url, area_ha="10")
    response = client.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].errors["area_ha"]
    assert 'name="confirmed"' in response.content.decode()
    response = client.post(url, {**data, "confirmed": "on"})
    assert response.status_code == 302
    assert Zone.objects.get(code="Z1").area_ha == 10


def test_a_milestone_above_the_planned_area_asks_to_confirm(client_of, users, board):
    Zone.objects.filter(code="Z1").update(area_ha=Decimal("30"))
    client = client_of(users["specialist"])
    data = {"date": "31/03/2022", "event": "infrastructure_built", "area_ha": "5"}
    page = client.get("/zones/Z1/events/new/").content.decode()
    assert 'name="confirmed"' not in page
    response = client.post("/zones/Z1/events/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["area_ha"]
    assert ZoneEvent.objects.filter(zone__code="Z1").count() == 1
    response = client.post("/zones/Z1/events/new/", {**data, "confirmed": "on"})
    assert response.status_code == 302
    assert ZoneEvent.objects.filter(zone__code="Z1").count() == 2


def test_a_voided_record_reads_da_huy_in_vietnamese(client_of, users, board):
    client = client_of(users["leader"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    client.post(void_urls(board)[0], {"reason": REASON})
    page = client.get("/projects/P-JP/").content.decode()
    assert "Đã hủy" in page
    assert f"{REASON} (lan, " in page


def test_the_void_page_says_void_the_record_or_keep_it(client_of, users, board):
    client = client_of(users["leader"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    page = client.get(void_urls(board)[0]).content.decode()
    assert '<button type="submit">Hủy bản ghi</button>' in page
    assert ">Giữ lại bản ghi</a>" in page
