"""The address of the client of a request."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: the connection's (``REMOTE_ADDR``) or, behind ``KCN_PROXIES``
    reverse proxies (1 by default with ``KCN_HTTPS``), the address the outermost of them
    received.

    Each proxy appends the address it received to ``X-Forwarded-For``, so ours are the
    last ``KCN_PROXIES`` entries; whatever stands to their left came from the client and
    may be anything, so neither the failed-login counter nor the portal's visitor count and
    rate limits ever read it. With fewer entries than proxies the header is not believed.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    hops = int(getattr(settings, "KCN_PROXIES", 0))
    if hops <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    return forwarded[-hops] if len(forwarded) >= hops else remote
