"""The address of the client of a request."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """``REMOTE_ADDR``; behind a reverse proxy (``KCN_BEHIND_PROXY``, on with ``KCN_HTTPS``)
    the last address of ``X-Forwarded-For``: the one the proxy wrote. Addresses before it
    came from the client and may be anything, so the failed-login counter never reads them.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if not getattr(settings, "KCN_BEHIND_PROXY", False):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else remote
