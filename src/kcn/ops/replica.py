"""A PostgreSQL read replica for the read-only pages and the report documents
(``DATABASE_REPLICA_URL``).

Reads go to the replica only where it is safe, and stated so:
- inside ``replica_reads()``: the web pages asked for with GET or HEAD (``ReplicaMiddleware``)
  and the report documents of ``kcn report`` and ``kcn explain``;
- never inside a transaction on the primary: a use case locks, checks and writes on the
  primary, and reads what it checks there;
- never for who is signed in (sessions, users, failed logins): a session created a moment
  ago must not look missing because the replica lags;
- never for a browser that wrote within ``KCN_REPLICA_PIN_SECONDS`` (a cookie): after saving a
  record, its page shows it.
Every write goes to the primary. Without a replica, nothing changes: the router answers
"no opinion" and Django uses the one database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PIN_COOKIE = "kcn_primary"
# Who is signed in, and the tables Django itself keeps: always read on the primary.
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "accounts", "axes", "contenttypes"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_reading_replica: ContextVar[bool] = ContextVar("kcn_reading_replica", default=False)


def replica_configured() -> bool:
    return bool(getattr(settings, "KCN_READ_REPLICA", False))


@contextmanager
def replica_reads() -> Iterator[None]:
    """Inside: reads may go to the replica (when there is one)."""
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


class ReplicaRouter:
    """Reads in ``replica_reads()`` to the replica, as above; everything else to the primary."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if not _reading_replica.get() or not replica_configured():
            return None
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        return DEFAULT_DB_ALIAS if replica_configured() else None

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        return True if replica_configured() else None  # the same rows on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == DEFAULT_DB_ALIAS if replica_configured() else None


class ReplicaMiddleware:
    """GET and HEAD requests read the replica, unless this browser wrote a moment ago; any
    other request pins its browser to the primary for ``KCN_REPLICA_PIN_SECONDS``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not replica_configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS:
            if PIN_COOKIE in request.COOKIES:
                return self.get_response(request)
            with replica_reads():
                return self.get_response(request)
        response = self.get_response(request)
        response.set_cookie(
            PIN_COOKIE,
            "1",
            max_age=settings.KCN_REPLICA_PIN_SECONDS,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response
