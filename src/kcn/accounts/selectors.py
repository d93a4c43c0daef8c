"""Reads on users."""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from kcn.accounts.models import User


def user_list(*, search: str = "", role: str = "") -> QuerySet[User]:
    users = User.objects.select_related("investor").order_by("-is_active", "username")
    if search:
        users = users.filter(
            Q(username__icontains=search)
            | Q(first_name__icontains=search)
            | Q(investor__name__icontains=search)
        )
    if role:
        users = users.filter(role=role)
    return users


@dataclass(frozen=True)
class Lockout:
    """A user name locked out from one address after too many failed logins."""

    address: str
    failures: int
    last_failure_at: object  # an aware datetime
    until: object  # an aware datetime: when it unlocks by itself


def user_lockouts(username: str) -> list[Lockout]:
    """The addresses ``username`` is locked out from now (django-axes' failure counts of the
    last cool-off period, at or above the limit)."""
    cool_off = settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(
        username=username,
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gt=timezone.now() - cool_off,
    ).order_by("-attempt_time")
    return [
        Lockout(
            address=attempt.ip_address or "",
            failures=attempt.failures_since_start,
            last_failure_at=attempt.attempt_time,
            until=attempt.attempt_time + cool_off,
        )
        for attempt in attempts
    ]
