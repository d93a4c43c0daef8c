"""Creating, revoking and checking API tokens; creation and revocation are audited (the
audit entry names the user and the token's first characters, never the token)."""

from __future__ import annotations

import contextlib
import hashlib
import secrets

from django.db import OperationalError, transaction
from django.utils import timezone

from kcn.accounts.models import User
from kcn.audit.models import AuditAction
from kcn.audit.services import audit_record
from kcn.tokens.models import ApiToken

PREFIX = "kcn_"
PREFIX_SHOWN = 10  # "kcn_" and six characters


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic(durable=True)
def token_create(*, user: User, actor: User | None = None) -> str:
    """A new token for ``user``, replacing the one it had; returns the token, the only
    time it can be read."""
    user = User.objects.select_for_update().get(pk=user.pk)
    old = ApiToken.objects.filter(user=user).first()
    if old is not None:
        _revoke(old, actor)
    token = PREFIX + secrets.token_urlsafe(32)
    created = ApiToken.objects.create(
        user=user, digest=digest_of(token), prefix=token[:PREFIX_SHOWN]
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=created,
        object_repr=f"{user.username} {created.prefix}…",
        after={"user": user.username, "token": f"{created.prefix}…"},
    )
    return token


@transaction.atomic(durable=True)
def token_revoke(*, user: User, actor: User | None = None) -> bool:
    """Revoke ``user``'s token; returns whether it had one."""
    token = ApiToken.objects.select_for_update().filter(user=user).first()
    if token is None:
        return False
    _revoke(token, actor)
    return True


def _revoke(token: ApiToken, actor: User | None) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=token,
        object_repr=f"{token.user.username} {token.prefix}…",
        before={"user": token.user.username, "token": f"{token.prefix}…"},
    )
    token.delete()


def token_user(token: str) -> User | None:
    """The active user whose token this is, or None; notes the day the token was used."""
    if not token.startswith(PREFIX):
        return None
    found = ApiToken.objects.select_related("user").filter(digest=digest_of(token)).first()
    if found is None or not found.user.is_active:
        return None
    today = timezone.localdate()
    if found.last_used_on != today:  # one write a day at most, not one a request
        # SQLite's write lock held by an import: note it another time.
        with contextlib.suppress(OperationalError):
            ApiToken.objects.filter(pk=found.pk).update(last_used_on=today)
    return found.user
