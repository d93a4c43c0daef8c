"""What the API answers: pages, filters, refusals naming their fields, warnings to confirm,
idempotent retries, the indicators as `kcn report --format json` prints them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from kcn.accounts.models import User
from kcn.cli import main
from kcn.enterprise_reports.models import ProjectReport, ReportStatus
from kcn.projects.models import LaborReport
from tests import factories as f
from tests.web.conftest import Board

d = dt.date
Api = Callable[[User | None], APIClient]


def test_a_list_is_paginated_filtered_and_ordered(board: Board, users, api_of: Api) -> None:
    client = api_of(users["viewer"])
    page = client.get("/api/v1/projects/?page_size=1&ordering=-code").json()
    assert page["count"] == 2
    assert page["results"][0]["code"] == "P-VN"
    assert page["next"].endswith("page=2&page_size=1&ordering=-code") or "page=2" in page["next"]
    assert page["previous"] is None
    foreign = client.get("/api/v1/projects/?origin=foreign").json()
    assert [project["code"] for project in foreign["results"]] == ["P-JP"]


def test_a_project_comes_with_its_ledger_in_order_and_exact_money(board: Board, users, api_of):
    project = api_of(users["viewer"]).get("/api/v1/projects/P-JP/").json()
    assert project["zone"] == "Z1"
    assert project["investor"] == "JP-0001"
    assert [(e["date"], e["event"], e["capital"]) for e in project["events"]] == [
        ("2021-03-01", "issued", "10000000.00"),
        ("2021-09-01", "operational", None),
        ("2022-02-10", "adjusted", "2500000.00"),
    ]


def test_an_enterprise_lists_only_its_investors_projects(board: Board, users, api_of: Api):
    codes = [
        p["code"] for p in api_of(users["enterprise"]).get("/api/v1/projects/").json()["results"]
    ]
    assert codes == ["P-JP"]


def test_a_refusal_names_its_field(board: Board, users, api_of: Api) -> None:
    response = api_of(users["specialist"]).post(
        "/api/v1/labor-reports/",
        {"project": "P-JP", "period_end": "2022-06-30", "employees": 10, "foreign_employees": 20},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["foreign_employees"]
    assert not LaborReport.objects.filter(period_end=d(2022, 6, 30)).exists()


def test_a_report_to_a_date_already_recorded_is_refused_unless_replaced(board, users, api_of):
    client = api_of(users["specialist"])
    body = {"project": "P-JP", "period_end": "2021-12-31", "employees": 3200}
    refused = client.post("/api/v1/labor-reports/", body, format="json")
    assert refused.status_code == 400
    assert "replace it" in refused.json()["period_end"][0]
    replaced = client.post("/api/v1/labor-reports/", {**body, "replace": True}, format="json")
    assert replaced.status_code == 201
    assert LaborReport.objects.get(period_end=d(2021, 12, 31)).employees == 3200


def test_a_missing_field_is_named_too(board: Board, users, api_of: Api) -> None:
    response = api_of(users["specialist"]).post(
        "/api/v1/dossiers/", {"code": "HS-9"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"procedure", "received_on"}


def test_the_ledger_rules_apply(board: Board, users, api_of: Api) -> None:
    response = api_of(users["specialist"]).post(
        "/api/v1/projects/P-VN/events/", {"event": "resumed", "date": "2022-03-01"}, format="json"
    )
    assert response.status_code == 400
    assert "date" in response.json()


def test_an_enterprise_cannot_report_for_another_investors_project(board, users, api_of):
    response = api_of(users["enterprise"]).post(
        "/api/v1/project-reports/", {"project": "P-VN", "period": "2022-Q2"}, format="json"
    )
    assert response.status_code == 404


def test_a_bad_quarter_is_named(board: Board, users, api_of: Api) -> None:
    response = api_of(users["enterprise"]).post(
        "/api/v1/project-reports/", {"project": "P-JP", "period": "2022-Q7"}, format="json"
    )
    assert response.status_code == 400
    assert "2022-Q7" in response.json()["period"][0]


def test_warnings_ask_for_a_confirmation(board: Board, users, api_of: Api) -> None:
    """The quarter before was accepted with revenue 100: 5,000 is fifty times more."""
    client = api_of(users["enterprise"])
    board.report.status = ReportStatus.ACCEPTED
    board.report.save()
    body = {"project": "P-JP", "period": "2022-Q2", "revenue": "5000", "submit": True}
    warned = client.post("/api/v1/project-reports/", body, format="json")
    assert warned.status_code == 400
    assert "revenue" in warned.json()["warnings"]
    assert '"confirm": true' in warned.json()["detail"]
    saved = client.post("/api/v1/project-reports/", {**body, "confirm": True}, format="json")
    assert saved.status_code == 201
    assert saved.json()["status"] == "submitted"


def test_an_enterprise_submits_and_staff_accept_then_it_counts(board, users, api_of):
    enterprise, staff = api_of(users["enterprise"]), api_of(users["specialist"])
    sent = enterprise.post(
        "/api/v1/project-reports/",
        {"project": "P-JP", "period": "2022-Q2", "exports_usd": "2500000", "submit": True},
        format="json",
    )
    assert sent.status_code == 201, sent.content
    report_id = sent.json()["id"]
    before = staff.get("/api/v1/indicators/?period=2022-Q2&live=1").json()
    assert before["indicators"]["exports_usd"]["value"] == 0
    accepted = staff.post(f"/api/v1/project-reports/{report_id}/accept/", {}, format="json")
    assert accepted.json()["status"] == "accepted"
    after = staff.get("/api/v1/indicators/?period=2022-Q2").json()
    assert after["indicators"]["exports_usd"]["value"] == 2500000


def test_a_return_needs_its_reason(board: Board, users, api_of: Api) -> None:
    client = api_of(users["leader"])
    url = f"/api/v1/project-reports/{board.report.pk}/return/"
    assert list(client.post(url, {}, format="json").json()) == ["reason"]
    returned = client.post(url, {"reason": "Thiếu số lao động."}, format="json").json()
    assert returned["status"] == "returned"
    assert returned["return_reason"] == "Thiếu số lao động."
    again = client.post(url, {"reason": "x"}, format="json")
    assert again.status_code == 400
    assert "status" in again.json()


def test_a_draft_is_the_enterprises_own(board: Board, users, api_of: Api) -> None:
    api_of(users["enterprise"]).post(
        "/api/v1/project-reports/", {"project": "P-JP", "period": "2022-Q2"}, format="json"
    )
    draft = ProjectReport.objects.get(period="2022-Q2")
    assert draft.status == ReportStatus.DRAFT
    staff = api_of(users["specialist"])
    assert staff.get(f"/api/v1/project-reports/{draft.pk}/").status_code == 404
    mine = api_of(users["enterprise"]).get(f"/api/v1/project-reports/{draft.pk}/")
    assert mine.status_code == 200


# -- idempotency ------------------------------------------------------------------------------


def test_a_retried_post_with_its_key_is_done_once(board: Board, users, api_of: Api) -> None:
    client = api_of(users["specialist"])
    body = {"project": "P-JP", "period_end": "2022-06-30", "employees": 3100}
    first = client.post("/api/v1/labor-reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post("/api/v1/labor-reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again["Idempotent-Replayed"] == "true"
    assert LaborReport.objects.filter(period_end=d(2022, 6, 30)).count() == 1


def test_without_a_key_the_retry_is_refused_by_the_rules(board, users, api_of):
    client = api_of(users["specialist"])
    body = {"project": "P-JP", "period_end": "2022-06-30", "employees": 3100}
    assert client.post("/api/v1/labor-reports/", body, format="json").status_code == 201
    assert client.post("/api/v1/labor-reports/", body, format="json").status_code == 400


def test_the_same_key_with_another_body_is_422(board: Board, users, api_of: Api) -> None:
    client = api_of(users["specialist"])
    body = {"project": "P-JP", "period_end": "2022-06-30", "employees": 3100}
    client.post("/api/v1/labor-reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    other = client.post(
        "/api/v1/labor-reports/",
        {**body, "employees": 3200},
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-2",
    )
    assert other.status_code == 422
    assert LaborReport.objects.get(period_end=d(2022, 6, 30)).employees == 3100


def test_a_key_is_each_users_own(board: Board, users, api_of: Api) -> None:
    body = {"project": "P-JP", "period_end": "2022-06-30", "employees": 3100}
    api_of(users["specialist"]).post(
        "/api/v1/labor-reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-3"
    )
    other = api_of(users["leader"]).post(
        "/api/v1/labor-reports/",
        {**body, "period_end": "2022-09-30"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-3",
    )
    assert other.status_code == 201


def test_a_refusal_is_replayed_too(board: Board, users, api_of: Api) -> None:
    client = api_of(users["specialist"])
    body = {"project": "P-JP", "period_end": "2022-06-30", "employees": 1, "foreign_employees": 2}
    first = client.post("/api/v1/labor-reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-4")
    again = client.post("/api/v1/labor-reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-4")
    assert first.status_code == again.status_code == 400
    assert first.json() == again.json()


# -- figures ----------------------------------------------------------------------------------


def test_the_indicators_are_what_kcn_report_prints(board: Board, users, api_of, capsys):
    assert main(["--lang", "en", "report", "--period", "2022-Q1", "--format", "json"]) == 0
    printed = capsys.readouterr().out
    answered = api_of(users["viewer"]).get("/api/v1/indicators/?period=2022-Q1")
    assert answered.status_code == 200
    assert answered["Content-Type"].startswith("application/json")
    assert json.loads(answered.content) == json.loads(printed)
    assert answered.content.decode() == printed  # byte for byte


def test_a_bad_period_is_a_400_that_names_it(board: Board, users, api_of: Api) -> None:
    response = api_of(users["viewer"]).get("/api/v1/indicators/?period=2022-Q9")
    assert response.status_code == 400
    assert "2022-Q9" in response.json()["detail"]
    missing = api_of(users["viewer"]).get("/api/v1/indicators/")
    assert missing.status_code == 400
    assert "period" in missing.json()["detail"]


def test_an_indicators_records_give_its_figure(board: Board, users, api_of: Api) -> None:
    client = api_of(users["viewer"])
    records = client.get("/api/v1/indicators/new_projects/records/?period=2022-Q1").json()
    figure = client.get("/api/v1/indicators/?period=2022-Q1").json()
    assert records["count"] == figure["indicators"]["new_projects"]["value"] == 1
    assert records["results"][0]["project__code"] == "P-VN"
    assert {"key": "project__code"}.items() <= records["columns"][0].items()
    unknown = client.get("/api/v1/indicators/no_such/records/?period=2022-Q1")
    assert unknown.status_code == 404


def test_a_published_report_carries_its_dataset(board: Board, users, api_of: Api) -> None:
    from kcn.core.periods import parse_period
    from kcn.reports import workflow

    period = parse_period("2022-Q1")
    workflow.report_submit(period=period, actor=None)
    workflow.report_approve(period=period, actor=None)
    workflow.report_publish(period=period, number="45", issued_on=d(2022, 3, 28), actor=None)
    client = api_of(users["enterprise"])
    listed = client.get("/api/v1/published-reports/?period=2022-Q1").json()["results"]
    assert [(r["period"], r["version"], r["number"]) for r in listed] == [("2022-Q1", 1, "45")]
    detail = client.get(f"/api/v1/published-reports/{listed[0]['id']}/").json()
    assert "new_projects" in detail["dataset"]["indicators"]


def test_requests_past_the_rate_are_429(board: Board, users, api_of: Api, settings) -> None:
    from rest_framework.throttling import UserRateThrottle

    client = api_of(users["viewer"])
    rates = UserRateThrottle.THROTTLE_RATES
    UserRateThrottle.THROTTLE_RATES = {**rates, "user": "3/minute"}
    try:
        answers = [client.get("/api/v1/zones/").status_code for _ in range(4)]
    finally:
        UserRateThrottle.THROTTLE_RATES = rates
    assert answers == [200, 200, 200, 429]


def test_messages_follow_the_requested_language(board: Board, users, api_of: Api) -> None:
    client = api_of(users["viewer"])
    answer = client.get("/api/v1/indicators/?period=2022-Q9", HTTP_ACCEPT_LANGUAGE="vi")
    assert "không hợp lệ" in answer.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/zones/Z1/", "/api/v1/dossiers/HS-0001/"])
def test_records_are_named_by_their_codes(board: Board, users, api_of: Api, path: str):
    assert api_of(users["viewer"]).get(path).status_code == 200


def test_a_dossier_pushed_by_the_one_stop_shop_gets_its_due_date(board, users, api_of):
    f.procedure("IRC", 15)
    client = api_of(users["specialist"])
    received = client.post(
        "/api/v1/dossiers/",
        {"code": "HS-0100", "procedure": "IRC", "received_on": "2022-03-01", "channel": "online"},
        format="json",
    )
    assert received.status_code == 201
    assert received.json()["due_on"] == "2022-03-22"
    resolved = client.post(
        "/api/v1/dossiers/HS-0100/resolve/",
        {"resolved_on": "2022-03-20", "result": "approved"},
        format="json",
    )
    assert resolved.json()["resolved_on"] == "2022-03-20"
    twice = client.post(
        "/api/v1/dossiers/HS-0100/resolve/",
        {"resolved_on": "2022-03-21", "result": "approved"},
        format="json",
    )
    assert twice.status_code == 400
    assert "resolved_on" in twice.json()


def test_an_accepted_labor_filing_becomes_the_projects_labor_report(board, users, api_of):
    sent = api_of(users["enterprise"]).post(
        "/api/v1/labor-filings/",
        {"project": "P-JP", "period": "2022-H1", "employees": 3050, "new_jobs": 50, "submit": True},
        format="json",
    )
    assert sent.status_code == 201, sent.content
    assert sent.json()["period_end"] == "2022-05-31"
    accepted = api_of(users["leader"]).post(
        f"/api/v1/labor-filings/{sent.json()['id']}/accept/", {}, format="json"
    )
    assert accepted.json()["status"] == "accepted"
    labor = api_of(users["viewer"]).get("/api/v1/labor-reports/?project=P-JP").json()["results"]
    assert [(r["period_end"], r["employees"]) for r in labor][-1] == ("2022-05-31", 3050)


def test_a_nul_character_is_a_bad_request_never_a_lookup(board, users, api_of):
    """PostgreSQL refuses NUL in any text: a code or filter holding one is refused before
    the database is asked (found by Schemathesis on PostgreSQL)."""
    f.procedure("IRC", 15)
    client = api_of(users["specialist"])
    received = client.post(
        "/api/v1/dossiers/",
        {"code": "HS-0101", "procedure": "IR\x00C", "received_on": "2022-03-01"},
        format="json",
    )
    assert received.status_code == 400
    assert "procedure" in received.json()
    assert client.get("/api/v1/projects/?zone=Z%001").status_code == 400
    assert client.get("/api/v1/projects/P-JP%00/").status_code == 400
