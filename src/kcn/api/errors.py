"""Errors as JSON: a refusal names its field, as the web forms show it beside the field.

- ``RecordError`` (a rule of the records): 400 ``{"employees": ["…"]}``, or
  ``{"non_field_errors": ["…"]}`` when it is about the record as a whole;
- ``RecordWarnings`` (possible but unlikely values): 400 ``{"warnings": {"revenue": ["…"]},
  "detail": "…"}``; the same request with ``"confirm": true`` saves;
- any other ``KcnError`` (a bad period, a job that has ended): 400 ``{"detail": "…"}``;
- the rest as Django REST framework answers it (401, 403, 404, 405, 429 …).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from kcn.core.errors import KcnError, RecordError, RecordWarnings


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, RecordWarnings):
        warnings: dict[str, list[str]] = {}
        for field, message in exc.warnings:
            warnings.setdefault(field or api_settings.NON_FIELD_ERRORS_KEY, []).append(message)
        detail = _('Check these figures; send the same request with "confirm": true to save.')
        return Response({"warnings": warnings, "detail": detail}, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RecordError):
        aliases = getattr(context.get("view"), "field_aliases", {})
        field = aliases.get(exc.field, exc.field) or api_settings.NON_FIELD_ERRORS_KEY
        return Response({field: [exc.message]}, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, KcnError):
        return Response({"detail": str(exc)}, status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
