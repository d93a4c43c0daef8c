"""Every endpoint, for every role: allowed, refused (403), not found (404) for another
investor's object, and 401 without a token. The table is the web app's policy
(docs/decisions/0006-web-roles-and-dashboard.md), as docs/api.md states it."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from kcn.accounts.models import User
from kcn.exchange.xlsx import write_workbook
from tests import factories as f
from tests.web.conftest import Board

BOARD = {"leader": 200, "specialist": 200, "viewer": 200, "enterprise": 403}
EVERYONE = {"leader": 200, "specialist": 200, "viewer": 200, "enterprise": 200}
NOT_THEIRS = {**EVERYONE, "enterprise": 404}
EDITORS = {"leader": 200, "specialist": 200, "viewer": 403, "enterprise": 403}
ROLES = ["leader", "specialist", "viewer", "enterprise"]

Url = Callable[[Board], str]

READS: list[tuple[str, Url, dict[str, int]]] = [
    ("zones", lambda b: "/api/v1/zones/", BOARD),
    ("a zone", lambda b: "/api/v1/zones/Z1/", BOARD),
    ("investors", lambda b: "/api/v1/investors/", BOARD),
    ("an investor", lambda b: "/api/v1/investors/JP-0001/", BOARD),
    ("projects", lambda b: "/api/v1/projects/", EVERYONE),
    ("its own project", lambda b: f"/api/v1/projects/{b.mine.code}/", EVERYONE),
    ("another investor's project", lambda b: f"/api/v1/projects/{b.theirs.code}/", NOT_THEIRS),
    ("its own project's ledger", lambda b: f"/api/v1/projects/{b.mine.code}/events/", EVERYONE),
    (
        "another investor's ledger",
        lambda b: f"/api/v1/projects/{b.theirs.code}/events/",
        NOT_THEIRS,
    ),
    ("labor reports", lambda b: "/api/v1/labor-reports/", EVERYONE),
    ("inspections", lambda b: "/api/v1/inspections/", EVERYONE),
    ("its own inspection", lambda b: f"/api/v1/inspections/{b.my_inspection.pk}/", EVERYONE),
    (
        "another investor's inspection",
        lambda b: f"/api/v1/inspections/{b.their_inspection.pk}/",
        NOT_THEIRS,
    ),
    ("dossiers", lambda b: "/api/v1/dossiers/", BOARD),
    ("a dossier", lambda b: f"/api/v1/dossiers/{b.dossier.code}/", BOARD),
    ("documents", lambda b: "/api/v1/documents/", BOARD),
    ("a document", lambda b: f"/api/v1/documents/{b.plan.pk}/", BOARD),
    ("targets", lambda b: "/api/v1/targets/", BOARD),
    ("project reports", lambda b: "/api/v1/project-reports/", EVERYONE),
    ("its own project report", lambda b: f"/api/v1/project-reports/{b.report.pk}/", EVERYONE),
    ("labor filings", lambda b: "/api/v1/labor-filings/", EVERYONE),
    ("published reports", lambda b: "/api/v1/published-reports/", EVERYONE),
    ("indicators", lambda b: "/api/v1/indicators/?period=2022-Q1", BOARD),
    (
        "an indicator's records",
        lambda b: "/api/v1/indicators/new_projects/records/?period=2022-Q1",
        BOARD,
    ),
    ("imports", lambda b: "/api/v1/imports/", EDITORS),
]


@pytest.mark.parametrize(
    ("url", "role", "expected"),
    [
        pytest.param(url, role, roles[role], id=f"GET {name} as {role}")
        for name, url, roles in READS
        for role in ROLES
    ],
)
def test_each_read_answers_each_role_as_the_policy_says(
    url: Url,
    role: str,
    expected: int,
    board: Board,
    users: dict[str, User],
    api_of: Callable[[User | None], APIClient],
) -> None:
    assert api_of(users[role]).get(url(board)).status_code == expected


d = dt.date


def _workbook() -> dict[str, Any]:
    """A workbook (an empty sheet): a file that is no workbook is refused at once (400)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ho-so.xlsx"
        write_workbook(path, [("fx_rates", ["currency"], [])])
        return {"file": SimpleUploadedFile("ho-so.xlsx", path.read_bytes())}


# (name, path, body, format, expected status per role)
WRITES: list[tuple[str, Url, Any, str, dict[str, int]]] = [
    (
        "register a project",
        lambda b: "/api/v1/projects/",
        {
            "code": "P-NEW",
            "name": "Nhà máy mới",
            "zone": "Z1",
            "investor": "JP-0001",
            "origin": "foreign",
            "date": "2022-03-01",
            "capital": "5000000",
            "currency": "USD",
        },
        "json",
        {"leader": 201, "specialist": 201, "viewer": 403, "enterprise": 403},
    ),
    (
        "add a ledger event",
        lambda b: f"/api/v1/projects/{b.theirs.code}/events/",
        {"event": "operational", "date": "2022-05-01"},
        "json",
        {"leader": 201, "specialist": 201, "viewer": 403, "enterprise": 403},
    ),
    (
        "record a labor report",
        lambda b: "/api/v1/labor-reports/",
        {"project": "P-JP", "period_end": "2022-06-30", "employees": 3100},
        "json",
        {"leader": 201, "specialist": 201, "viewer": 403, "enterprise": 403},
    ),
    (
        "receive a dossier",
        lambda b: "/api/v1/dossiers/",
        {"code": "HS-0002", "procedure": "IRC", "received_on": "2022-03-01"},
        "json",
        {"leader": 201, "specialist": 201, "viewer": 403, "enterprise": 403},
    ),
    (
        "correct a dossier's resolution",
        lambda b: f"/api/v1/dossiers/{b.dossier.code}/resolve/",
        {"resolved_on": "2022-01-21", "result": "approved", "correction": True},
        "json",
        {"leader": 200, "specialist": 200, "viewer": 403, "enterprise": 403},
    ),
    (
        "save a project report",
        lambda b: "/api/v1/project-reports/",
        {"project": "P-JP", "period": "2022-Q2", "revenue": "120"},
        "json",
        {"leader": 403, "specialist": 403, "viewer": 403, "enterprise": 201},
    ),
    (
        "accept a project report",
        lambda b: f"/api/v1/project-reports/{b.report.pk}/accept/",
        {},
        "json",
        {"leader": 200, "specialist": 200, "viewer": 403, "enterprise": 403},
    ),
    (
        "return a project report",
        lambda b: f"/api/v1/project-reports/{b.report.pk}/return/",
        {"reason": "Doanh thu chưa khớp."},
        "json",
        {"leader": 200, "specialist": 200, "viewer": 403, "enterprise": 403},
    ),
    (
        "save a labor filing",
        lambda b: "/api/v1/labor-filings/",
        {"project": "P-JP", "period": "2022-H1", "employees": 3050},
        "json",
        {"leader": 403, "specialist": 403, "viewer": 403, "enterprise": 201},
    ),
    (
        "start an import",
        lambda b: "/api/v1/imports/",
        None,  # a file, made per request
        "multipart",
        {"leader": 202, "specialist": 202, "viewer": 403, "enterprise": 403},
    ),
]


@pytest.mark.parametrize(
    ("url", "body", "format", "role", "expected"),
    [
        pytest.param(url, body, fmt, role, roles[role], id=f"{name} as {role}")
        for name, url, body, fmt, roles in WRITES
        for role in ROLES
    ],
)
def test_each_write_answers_each_role_as_the_policy_says(
    url: Url,
    body: Any,
    format: str,
    role: str,
    expected: int,
    board: Board,
    users: dict[str, User],
    api_of: Callable[[User | None], APIClient],
) -> None:
    f.procedure("IRC", 15)
    response = api_of(users[role]).post(
        url(board), body if body is not None else _workbook(), format=format
    )
    assert response.status_code == expected, response.content


ALL = [(name, url) for name, url, _roles in READS] + [
    (name, url) for name, url, _body, _fmt, _roles in WRITES
]


@pytest.mark.parametrize("url", [pytest.param(url, id=name) for name, url in ALL])
def test_without_a_token_every_endpoint_answers_401(
    url: Url, board: Board, api_of: Callable[[User | None], APIClient]
) -> None:
    response = api_of(None).get(url(board))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_401(board: Board) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token kcn_not-a-token")
    assert client.get("/api/v1/projects/").status_code == 401


def test_a_revoked_token_is_401(vy: User) -> None:
    from kcn.tokens.services import token_create, token_revoke

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_create(user=vy)}")
    assert client.get("/api/v1/zones/").status_code == 200
    token_revoke(user=vy)
    assert client.get("/api/v1/zones/").status_code == 401


def test_the_token_of_a_deactivated_user_is_401(vy: User) -> None:
    from kcn.tokens.services import token_create

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_create(user=vy)}")
    vy.is_active = False
    vy.save()
    assert client.get("/api/v1/zones/").status_code == 401


def test_a_new_token_replaces_the_old_one(vy: User) -> None:
    from kcn.tokens.services import token_create

    old, new = token_create(user=vy), token_create(user=vy)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert client.get("/api/v1/zones/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {new}")
    assert client.get("/api/v1/zones/").status_code == 200


def test_the_browser_session_signs_in_too(board: Board, users: dict[str, User]) -> None:
    client = APIClient()
    client.force_login(users["viewer"])
    assert client.get("/api/v1/zones/").status_code == 200


def test_the_schema_and_the_docs_need_no_token(db: None) -> None:
    client = APIClient()
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "<script>" not in page  # the start-up script is a file of its own (CSP)
    assert "script-src 'self'" in docs["Content-Security-Policy"]
