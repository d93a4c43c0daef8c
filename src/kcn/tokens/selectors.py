"""Reads of API tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from kcn.accounts.models import User


def users_with_tokens() -> QuerySet[User]:
    """Every active user with its token if it has one, those with a token first."""
    return (
        User.objects.filter(is_active=True)
        .select_related("api_token", "investor")
        .order_by("api_token__isnull", "username")
    )
