"""The web app's roles, for the API (docs/decisions/0006-web-roles-and-dashboard.md).

Each view says which roles may read (``read_roles``, for GET) and which may write
(``write_roles``, for POST); an action may narrow its own (``action_roles``). Not signed
in: 401; signed in with another role: 403. What an enterprise user may see inside a list
it is allowed (its investor's projects only) is the selectors' job: another investor's
object is then a 404.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from kcn.accounts.models import BOARD_ROLES, Role, User
from kcn.accounts.permissions import ALL_ROLES, EDITOR_ROLES

__all__ = ["ALL_ROLES", "BOARD_ROLES", "EDITOR_ROLES", "ENTERPRISE_ROLES", "RolePermission"]

ENTERPRISE_ROLES = (Role.ENTERPRISE,)


class RolePermission(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not isinstance(user, User) or not user.is_active:
            return False
        action_roles = getattr(view, "action_roles", {})
        action = getattr(view, "action", None)
        if action in action_roles:
            roles = action_roles[action]
        elif request.method in SAFE_METHODS:
            roles = getattr(view, "read_roles", BOARD_ROLES)
        else:
            roles = getattr(view, "write_roles", ())
        return user.role in roles


def api_user(request: Request) -> User:
    """The signed-in user of a request that ``RolePermission`` let through."""
    user = request.user
    assert isinstance(user, User)
    return user
