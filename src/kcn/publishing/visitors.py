"""Visitors of the portal, counted without knowing who they are; rate limits by address.

A visitor is ``sha256(salt of the day, address, user agent)``. The salt is a random secret
drawn each day and kept only in the database; the previous days' salts are deleted, so a
hash can no longer be tied back to an address, even by someone who reads the database and
tries every IPv4 address. No cookie is set and nothing is sent to another host.

"Online" is a visitor whose last page view is less than five minutes old; rows older than
that are deleted as new views come in, so the table holds at most five minutes of hashes.
Rate limits count attempts (a comment, a dossier lookup) per hashed address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from kcn.publishing.models import Attempt, DailySalt, Visit

ONLINE_WINDOW = dt.timedelta(minutes=5)

_salts: dict[dt.date, str] = {}  # this process's copy of the day's salt


def salt_of(day: dt.date) -> str:
    """The secret salt of ``day``, drawn on its first use; older salts are deleted then."""
    salt = _salts.get(day)
    if salt is not None:
        return salt
    found = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if found is None:
        try:
            with transaction.atomic():
                DailySalt.objects.create(day=day, salt=secrets.token_hex(32))
        except IntegrityError:  # another worker drew it first
            pass
        DailySalt.objects.filter(day__lt=day).delete()
        found = DailySalt.objects.values_list("salt", flat=True).get(day=day)
    _salts.clear()
    _salts[day] = found
    return found


def _digest(now: dt.datetime, *parts: str) -> str:
    salt = salt_of(timezone.localdate(now))
    return hashlib.sha256("\0".join((salt, *parts)).encode("utf-8")).hexdigest()


def visitor_hash(*, address: str, user_agent: str, now: dt.datetime) -> str:
    """The day's hash of a visitor: its address and user agent, salted."""
    return _digest(now, "visitor", address, user_agent[:500])


def sender_hash(*, address: str, now: dt.datetime) -> str:
    """The day's hash of an address alone, for rate limits (a new user agent is no escape)."""
    return _digest(now, "sender", address)


def visit_record(*, visitor: str, now: dt.datetime) -> None:
    """Note that ``visitor`` viewed a page at ``now``; forget visits past the window."""
    if not Visit.objects.filter(visitor=visitor).update(last_seen=now):
        try:
            with transaction.atomic():
                Visit.objects.create(visitor=visitor, last_seen=now)
        except IntegrityError:  # the same visitor, twice at once
            Visit.objects.filter(visitor=visitor).update(last_seen=now)
    Visit.objects.filter(last_seen__lt=now - ONLINE_WINDOW).delete()


def visitors_online(*, now: dt.datetime) -> int:
    """How many distinct visitors viewed a page in the five minutes up to ``now``."""
    return Visit.objects.filter(last_seen__gte=now - ONLINE_WINDOW, last_seen__lte=now).count()


def attempt_allowed(*, kind: str, sender: str, limit: tuple[int, int], now: dt.datetime) -> bool:
    """Whether ``sender`` may try ``kind`` once more: fewer than ``limit[0]`` attempts in the
    last ``limit[1]`` seconds. An allowed attempt is counted; a refused one is not."""
    count, seconds = limit
    since = now - dt.timedelta(seconds=seconds)
    Attempt.objects.filter(kind=kind, at__lt=now - dt.timedelta(days=1)).delete()
    if Attempt.objects.filter(kind=kind, sender=sender, at__gt=since).count() >= count:
        return False
    Attempt.objects.create(kind=kind, sender=sender, at=now)
    return True
