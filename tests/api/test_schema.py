"""Schemathesis against the API's own schema, on the Hưng Yên demo: generated requests to
every operation get no server error and answers of the documented shape.

Kept short for `make test`: a few examples per operation. Reads are generated for every
GET; writes for every POST but the import (its uploads would be queued as jobs) — they run
in the test's transaction, rolled back at the end, so whatever they write is undone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from kcn.accounts.models import Role, User
from kcn.config.wsgi import application
from kcn.demo.generator import generate
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import
from kcn.tokens.services import token_create

EXAMPLES_PER_OPERATION = 6
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def demo(db: None, tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    write_rows_workbook(path, generate())
    assert workbook_import(path).ok


@pytest.fixture
def connection_kept() -> Iterator[None]:
    """The app is called through WSGI, which closes the database connection after each
    request; as Django's test client does, keep it open (the test's transaction is in it)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.slow
def test_generated_requests_get_no_server_error_and_documented_answers(
    demo: None, connection_kept: None
) -> None:
    leader = User.objects.create(username="lan", role=Role.LEADER)
    headers = {"Authorization": f"Token {token_create(user=leader)}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    tried = 0
    for result in schema.exclude(path="/api/v1/imports/", method="POST").get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            cache.clear()  # no rate limit within the run
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
        tried += 1
    assert tried > 30
