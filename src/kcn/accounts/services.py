"""Writes on users."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import Role, User
from kcn.audit.services import audit_record
from kcn.core.errors import KcnError


@transaction.atomic
def user_create_or_update(
    *, username: str, role: str, password: str, update: bool = False, actor: User | None = None
) -> tuple[User, bool]:
    """Create a user, or with ``update`` set the role and password of an existing one.

    Returns the user and whether it was created.
    """
    if role not in Role.values:
        raise KcnError(
            _("Unknown role %(role)s: use one of %(roles)s.")
            % {"role": role, "roles": ", ".join(Role.values)}
        )
    if not username.strip():
        raise KcnError(_("The user name is empty."))
    user = User.objects.filter(username=username).first()
    if user is not None and not update:
        raise KcnError(
            _("User %(name)s already exists (use --update to change it).") % {"name": username}
        )
    created = user is None
    if user is None:
        user = User(username=username)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise KcnError(_("Password: %(problem)s") % {"problem": " ".join(error.messages)}) from None
    before = None if created else {"role": user.role}
    user.role = role
    user.is_staff = role == Role.LEADER
    user.set_password(password)
    user.save()
    audit_record(
        actor=actor,
        action="create" if created else "update",
        instance=user,
        before=before,
        after={"role": role, "password": "***"},
    )
    return user, created
