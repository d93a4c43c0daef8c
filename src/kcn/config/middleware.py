"""Requests the database cannot take are answered before they reach it.

A NUL character (``%00``) in an address, its query or a page's form is a bad request
(400): PostgreSQL refuses it in any text, so a lookup with it would end as an internal
error (500).

A database that stays locked is "busy, try again" (503), not an internal error (500).

SQLite has one writer at a time: a write waits for the one before it up to the busy timeout
(``config/settings.py``), and a long import holds the lock longer than that. Such a request
gets 503 with Retry-After, in the visitor's language: JSON for the API, a short page for
the browser.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
    QueryDict,
)
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 10


def is_database_locked(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and "locked" in str(error).lower()


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _holds_nul(query: QueryDict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in query.lists()
    )


class NulCharacterMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _holds_nul(request.GET):
            return HttpResponseBadRequest(_("The address holds a NUL character."))
        # A page's form (not the API's JSON, which its serializers check): its fields, as
        # Django reads them for the CSRF check anyway.
        if (
            request.method == "POST"
            and not request.path.startswith("/api/")
            and request.content_type in FORM_TYPES
            and _holds_nul(request.POST)
        ):
            return HttpResponseBadRequest(_("The form holds a NUL character."))
        return self.get_response(request)


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_locked(exception):
            return None
        message = _("Busy, please try again.")
        response: HttpResponse
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            page = (
                f'<!DOCTYPE html><html lang="{escape(get_language() or "vi")}"><head>'
                f'<meta charset="utf-8"><title>{escape(message)}</title></head>'
                f"<body><h1>{escape(message)}</h1></body></html>"
            )
            response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
