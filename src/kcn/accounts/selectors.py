"""Reads on users."""

from __future__ import annotations

from django.db.models import Q, QuerySet

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
