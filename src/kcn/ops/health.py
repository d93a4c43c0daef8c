"""``/healthz``: is this server able to serve? For a load balancer, a container's health check
or a monitoring probe: JSON, no login, 200 when the database answers and every migration is
applied, 503 otherwise. It answers before any other middleware, so that neither the host
check nor the HTTPS redirect nor a session stands in its way, and says nothing secret.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpRequest, HttpResponse, JsonResponse

HEALTH_PATH = "/healthz"


@functools.cache
def expected_migrations() -> frozenset[tuple[str, str]]:
    """Every migration of the code this process runs (read from disk once)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return frozenset(loader.graph.nodes)


def pending_migrations(alias: str = "default") -> set[tuple[str, str]]:
    """The code's migrations not yet applied to the database of ``alias``."""
    recorder = MigrationRecorder(connections[alias])
    applied = set(recorder.applied_migrations()) if recorder.has_table() else set()
    return set(expected_migrations()) - applied


def reachable(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() is not None
    except DatabaseError:
        return False


def health() -> tuple[dict[str, Any], bool]:
    """What ``/healthz`` says, and whether all is well."""
    report: dict[str, Any] = {}
    healthy = True
    if reachable("default"):
        report["database"] = "ok"
        try:
            pending = pending_migrations()
        except DatabaseError:
            pending = {("?", "?")}
        report["migrations"] = "ok" if not pending else f"{len(pending)} not applied"
        healthy = not pending
    else:
        report["database"] = "unreachable"
        report["migrations"] = "unknown"
        healthy = False
    if settings.KCN_READ_REPLICA:
        report["replica"] = "ok" if reachable("replica") else "unreachable"
        healthy = healthy and report["replica"] == "ok"
    return {"status": "ok" if healthy else "unavailable", **report}, healthy


class HealthMiddleware:
    """Answers ``/healthz`` (GET or HEAD) itself; passes every other request on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.rstrip("/") != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"status": "method not allowed"}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        report, healthy = health()
        response = JsonResponse(report, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
