"""Recording audit entries, inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F

from kcn.audit.models import AuditAction, AuditEntry, DataVersion


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    instance: models.Model | None = None,
    model: str = "",
    object_repr: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry, and raise the data version. Call it inside the transaction of
    the change itself."""
    data_version_raise()
    if instance is not None:
        model = model or instance._meta.label_lower
        object_repr = object_repr or str(instance)[:255]
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=AuditAction(action),
        model=model,
        object_pk=str(instance.pk) if instance is not None else "",
        object_repr=object_repr[:255],
        before=before,
        after=after,
    )


def data_version_raise() -> None:
    """One more write: the data version grows, in the caller's transaction (``DataVersion``)."""
    if not DataVersion.objects.filter(pk=1).update(value=F("value") + 1):
        DataVersion.objects.get_or_create(pk=1, defaults={"value": 1})
