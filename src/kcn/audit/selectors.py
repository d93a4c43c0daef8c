"""Reads on the audit trail."""

from __future__ import annotations

from django.db import models

from kcn.audit.models import AuditEntry

HISTORY_LIMIT = 50


def record_history(instance: models.Model, limit: int = HISTORY_LIMIT) -> list[AuditEntry]:
    """The latest audit entries of one record, newest first, with their actors."""
    return list(
        AuditEntry.objects.filter(model=instance._meta.label_lower, object_pk=str(instance.pk))
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )
