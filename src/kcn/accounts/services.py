"""Writes on users: each a use case in one durable transaction that locks what it reads,
checks, writes and audits. A user name is taken once, also by two simultaneous creations
(the database's unique constraint refuses the second)."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditAction
from kcn.audit.services import audit_record
from kcn.core.errors import KcnError
from kcn.investors.models import Investor


@transaction.atomic(durable=True)
def user_create_or_update(
    *,
    username: str,
    role: str,
    password: str,
    update: bool = False,
    investor: Investor | None = None,
    email: str | None = None,
    actor: User | None = None,
) -> tuple[User, bool]:
    """Create a user, or with ``update`` set the role and password of an existing one.

    An enterprise user needs the ``investor`` it reports for (its ``email``
    receives the reminders of reports due). Returns the user and whether it
    was created.
    """
    investor = _check_investor(role, investor)
    if not username.strip():
        raise KcnError(_("The user name is empty."))
    user = User.objects.select_for_update().filter(username=username).first()
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
    before = None if created else {"role": user.role, "investor": user.investor_id}
    user.role = role
    user.investor = investor
    if email is not None:
        user.email = email.strip()
    user.is_staff = role == Role.LEADER
    user.set_password(password)
    _save(user, created=created)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        instance=user,
        before=before,
        after={"role": role, "investor": investor.pk if investor else None, "password": "***"},
    )
    return user, created


def _check_investor(role: str, investor: Investor | None) -> Investor | None:
    """An enterprise user reports for one investor; other roles for none."""
    if role not in Role.values:
        raise KcnError(
            _("Unknown role %(role)s: use one of %(roles)s.")
            % {"role": role, "roles": ", ".join(Role.values)}
        )
    if role == Role.ENTERPRISE:
        if investor is None:
            raise KcnError(_("An enterprise user needs the investor it reports for."))
        return investor
    return None


def _checked_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise KcnError(_("Password: %(problem)s") % {"problem": " ".join(error.messages)}) from None


@transaction.atomic(durable=True)
def user_create(
    *,
    actor: User | None,
    username: str,
    role: str,
    password: str,
    investor: Investor | None = None,
    full_name: str = "",
) -> User:
    """Create a user with a role (and, for an enterprise user, its investor)."""
    username = username.strip()
    if not username:
        raise KcnError(_("The user name is empty."))
    if User.objects.filter(username=username).exists():
        raise KcnError(_("User %(name)s already exists.") % {"name": username})
    user = User(username=username, first_name=full_name.strip()[:150])
    user.investor = _check_investor(role, investor)
    user.role = role
    user.is_staff = role == Role.LEADER
    _checked_password(password, user)
    user.set_password(password)
    _save(user, created=True)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=user,
        after={**_user_state(user), "password": "***"},
    )
    return user


@transaction.atomic(durable=True)
def user_update(
    *,
    actor: User,
    user: User,
    role: str,
    investor: Investor | None = None,
    is_active: bool = True,
    full_name: str | None = None,
) -> User:
    """Change a user's role, investor or active flag; a leader cannot lock itself out."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.pk == actor.pk and (role != Role.LEADER or not is_active):
        raise KcnError(_("You cannot take away your own leader role or deactivate yourself."))
    before = _user_state(user)
    user.investor = _check_investor(role, investor)
    user.role = role
    user.is_staff = role == Role.LEADER
    user.is_active = is_active
    if full_name is not None:
        user.first_name = full_name.strip()[:150]
    after = _user_state(user)
    if after == before:
        return user
    user.save()
    changed = [key for key in after if after[key] != before[key]]
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=user,
        before={key: before[key] for key in changed},
        after={key: after[key] for key in changed},
    )
    return user


@transaction.atomic(durable=True)
def user_change_password(*, user: User, password: str) -> User:
    """A user sets a new password for itself (the old one checked by the form)."""
    _checked_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=user, action=AuditAction.UPDATE, instance=user, after={"password": "***"})
    return user


@transaction.atomic(durable=True)
def user_unlock(*, actor: User | None, username: str) -> int:
    """Clear the failed logins of ``username`` (from every address), so that it may sign in
    again at once; audited with the addresses it was locked out from. Returns how many
    addresses' counts were cleared (0: it was not locked out, and nothing is audited)."""
    user = User.objects.filter(username=username).first()
    attempts = list(
        AccessAttempt.objects.select_for_update()
        .filter(username=username)
        .values_list("ip_address", "failures_since_start")
    )
    if user is None and not attempts:
        raise KcnError(_("No user %(name)s.") % {"name": username})
    if not attempts:
        return 0
    AccessAttempt.objects.filter(username=username).delete()
    audit_record(
        actor=actor,
        action=AuditAction.UNLOCK,
        instance=user,
        model="" if user is not None else User._meta.label_lower,
        object_repr="" if user is not None else username,
        before={"failed_logins": {address or "?": count for address, count in attempts}},
        after={"failed_logins": {}},
    )
    return len(attempts)


def _save(user: User, *, created: bool) -> None:
    """Save ``user``; a new user whose name was taken meanwhile is refused, not a crash."""
    if not created:
        user.save()
        return
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        if not User.objects.filter(username=user.username).exists():
            raise
        raise KcnError(_("User %(name)s already exists.") % {"name": user.username}) from None


def _user_state(user: User) -> dict[str, Any]:
    return {
        "role": user.role,
        "investor": user.investor.code if user.investor is not None else None,
        "is_active": user.is_active,
        "full_name": user.first_name,
    }
