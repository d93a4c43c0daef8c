"""Reads of API tokens."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from kcn.accounts.models import User
from kcn.tokens.models import ApiToken


def users_with_tokens() -> QuerySet[User]:
    """Every active user with its token if it has one, those with a token first."""
    return (
        User.objects.filter(is_active=True)
        .select_related("api_token", "investor")
        .annotate(has_token=Exists(ApiToken.objects.filter(user=OuterRef("pk"))))
        .order_by("-has_token", "username")
    )
