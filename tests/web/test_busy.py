"""A database that stays locked past the busy timeout: 503 "busy, try again", never 500."""

from __future__ import annotations

import sqlite3

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from rest_framework.test import APIClient

from kcn.config.middleware import DatabaseBusyMiddleware
from kcn.projects.models import LaborReport
from kcn.tokens.services import token_create


def test_the_middleware_turns_a_locked_database_into_503_in_the_visitors_language():
    middleware = DatabaseBusyMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    from django.utils import translation

    with translation.override("vi"):
        page = middleware.process_exception(
            RequestFactory().post("/projects/P1/labor/"),
            OperationalError("database is locked"),
        )
    assert page is not None
    assert page.status_code == 503
    assert page["Retry-After"] == "10"
    assert "Đang bận, vui lòng thử lại" in page.content.decode()
    api = middleware.process_exception(
        RequestFactory().post("/api/v1/labor-reports/"), OperationalError("database is locked")
    )
    assert api is not None
    assert api.status_code == 503
    assert api["Content-Type"] == "application/json"
    assert (
        middleware.process_exception(
            RequestFactory().get("/"), OperationalError("no such table: x")
        )
        is None
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's one writer")
def test_a_write_while_another_holds_sqlites_lock_is_503(transactional_db, board, users):
    """Another process holds the write lock (as a long import does); this request gives up
    after the busy timeout (shortened here) and says so."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_create(user=users['specialist'])}")
    options = connection.settings_dict["OPTIONS"]
    timeout = options["timeout"]
    holder = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    try:
        connection.close()
        options["timeout"] = 0.2
        holder.execute("BEGIN IMMEDIATE")
        response = client.post(
            "/api/v1/labor-reports/",
            {"project": "P-JP", "period_end": "2022-06-30", "employees": 3100},
            format="json",
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        connection.close()
        options["timeout"] = timeout
    assert response.status_code == 503
    assert response.json() == {"detail": "Busy, please try again."}
    assert not LaborReport.objects.filter(employees=3100).exists()
