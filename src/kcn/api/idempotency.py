"""``Idempotency-Key``: a POST sent again after a lost answer is not done twice.

The first request with a key (per user) is done and its answer kept with the digest of the
request (method, path, body); the same key with the same request gets that answer again,
with ``Idempotent-Replayed: true``; with another request, 422; while the first is still
being answered, 409. An answer of 500 or more is not kept: the request may be tried again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from kcn.accounts.models import User
from kcn.api.models import IdempotencyKey

HEADER = "Idempotency-Key"
Handler = TypeVar("Handler", bound=Callable[..., Response])


def request_digest(request: Request) -> str:
    """The digest of what the request asks: its method, path and body (an upload's files
    by their content)."""
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    if request.content_type.startswith("multipart/"):
        fields = sorted((key, request.POST.getlist(key)) for key in request.POST)
        digest.update(json.dumps(fields).encode())
        for name in sorted(request.FILES):
            digest.update(name.encode())
            for chunk in request.FILES[name].chunks():
                digest.update(chunk)
    else:
        digest.update(request.body)
    return digest.hexdigest()


def idempotent(handler: Handler) -> Handler:
    """Make a view's POST handler honour ``Idempotency-Key``."""

    @wraps(handler)
    def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return handler(view, request, *args, **kwargs)
        if len(key) > 255:
            return Response(
                {"detail": _("The Idempotency-Key is longer than 255 characters.")},
                status.HTTP_400_BAD_REQUEST,
            )
        digest = request_digest(request)
        user = request.user
        assert isinstance(user, User)  # the views' permission lets only users through
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(user=user, key=key, request_digest=digest)
        except IntegrityError:
            return _replay(user, key, digest)
        try:
            response = handler(view, request, *args, **kwargs)
        except BaseException:
            claim.delete()
            raise
        if response.status_code >= 500:
            claim.delete()
            return response
        claim.status = response.status_code
        claim.body = json.loads(JSONRenderer().render(response.data) or b"null")
        claim.location = response.get("Location", "")
        claim.save(update_fields=["status", "body", "location"])
        return response

    return wrapper  # type: ignore[return-value]


def _replay(user: User, key: str, digest: str) -> Response:
    stored = IdempotencyKey.objects.get(user=user, key=key)
    if stored.request_digest != digest:
        return Response(
            {"detail": _("This Idempotency-Key was used for another request.")},
            status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    if stored.status == 0:
        return Response(
            {"detail": _("The first request with this Idempotency-Key is still being answered.")},
            status.HTTP_409_CONFLICT,
        )
    headers = {"Idempotent-Replayed": "true"}
    if stored.location:
        headers["Location"] = stored.location
    return Response(stored.body, status=stored.status, headers=headers)
