"""``/healthz``: 200 with JSON when the database answers and every migration is applied,
503 otherwise; no login, no host check, no HTTPS redirect."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError, connections
from django.test import Client, override_settings

from kcn.ops import health

pytestmark = pytest.mark.django_db


def test_a_healthy_server_answers_200_with_what_it_checked() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}


def test_it_needs_no_login_nor_a_known_host_nor_https() -> None:
    with override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["kcn.example.gov.vn"]):
        response = Client().get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200
    assert Client().head("/healthz/").status_code == 200


def test_it_takes_only_get_and_head() -> None:
    assert Client().post("/healthz").status_code == 405


def test_a_migration_not_applied_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = health.expected_migrations()
    monkeypatch.setattr(
        health, "expected_migrations", lambda: expected | {("reports", "9999_not_yet")}
    )
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "migrations": "1 not applied",
    }


def test_a_database_that_does_not_answer_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def cursor(self) -> Any:
            raise OperationalError("connection refused")

    real = connections

    class Connections:
        def __getitem__(self, alias: str) -> Any:
            return Broken() if alias == "default" else real[alias]

    monkeypatch.setattr(health, "connections", Connections())
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
    assert "refused" not in response.content.decode()  # nothing of the error leaks out
