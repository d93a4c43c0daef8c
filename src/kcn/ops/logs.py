"""JSON-lines logs (``KCN_LOG_JSON=1``): one JSON object a line on standard error, for a
journal or a log collector to read. Every request (method, path, status, duration, user,
client address) and every import (kcn.core.oplog) is a line of its own; warnings and errors
of Django and gunicorn too.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from kcn.core.net import client_ip

REQUEST_LOG = logging.getLogger("kcn.request")


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time (UTC), level, logger, message, and the record's
    structured fields (``extra={"kcn": {...}}``)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "kcn", None)
        if isinstance(fields, dict):
            entry.update(fields)
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and "status" not in entry:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """A line per request, when ``KCN_LOG_JSON`` is on (gunicorn's access log is then off)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not getattr(settings, "KCN_LOG_JSON", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        response = self.get_response(request)
        fields = {
            "event": "request",
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "client": client_ip(request),
            "user": _username(request),
        }
        REQUEST_LOG.info(
            "%s %s %s", request.method, request.path, response.status_code, extra={"kcn": fields}
        )
        return response


def _username(request: HttpRequest) -> str | None:
    """The signed-in user's name if the request already knew it (never a query of its own)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.get_username() if user.is_authenticated else None
