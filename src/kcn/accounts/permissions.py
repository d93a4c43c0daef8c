"""Who may use which page: the one place where views check roles.

Every view of the web application is wrapped in ``role_required`` (or one
of the shorthands below):

- an anonymous visitor is sent to the login page, with ``next`` set;
- a signed-in user whose role is not listed gets 403 Forbidden;
- a deactivated user cannot sign in at all (Django's ModelBackend).

What an enterprise user may see inside a page it is allowed on (only its own
projects) is the selectors' job: they take the user and filter by its
investor, so a record of another enterprise is a 404, not a 403 that would
confirm it exists. See docs/decisions/0006-web-roles-and-dashboard.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from kcn.accounts.models import BOARD_ROLES, Role, User

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

ALL_ROLES = (Role.LEADER, Role.SPECIALIST, Role.ENTERPRISE, Role.VIEWER)
EDITOR_ROLES = (Role.LEADER, Role.SPECIALIST)
LEADER_ROLES = (Role.LEADER,)


def current_user(request: HttpRequest) -> User:
    """The signed-in user of a request that ``role_required`` let through."""
    user = request.user
    assert isinstance(user, User)
    return user


def role_required(*roles: str) -> Callable[[View], View]:
    """Let through signed-in, active users whose role is one of ``roles``."""
    allowed = frozenset(roles)

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if not user.is_authenticated or not user.is_active:
                return redirect_to_login(request.get_full_path())
            if getattr(user, "role", None) not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


signed_in = role_required(*ALL_ROLES)
board_member = role_required(*BOARD_ROLES)
editor = role_required(*EDITOR_ROLES)
leader = role_required(*LEADER_ROLES)
