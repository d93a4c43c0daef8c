"""Reads on the audit trail."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Q

from kcn.audit.models import AuditEntry, DataVersion

HISTORY_LIMIT = 50


def record_history(
    instance: models.Model,
    limit: int = HISTORY_LIMIT,
    *,
    parts: Iterable[models.QuerySet[Any]] = (),
) -> list[AuditEntry]:
    """The latest audit entries of one record, newest first, with their actors.

    ``parts`` are querysets of the records that belong to it (a project's ledger
    events, labor reports and inspections), whose entries are shown with its own.
    """
    wanted = Q(model=instance._meta.label_lower, object_pk=str(instance.pk))
    for part in parts:
        pks = [str(pk) for pk in part.values_list("pk", flat=True)]
        if pks:
            wanted |= Q(model=part.model._meta.label_lower, object_pk__in=pks)
    return list(
        AuditEntry.objects.filter(wanted)
        .select_related("actor", "import_entry")
        .order_by("-at", "-id")[:limit]
    )


def data_version() -> int:
    """The data version: what figures computed from the records are kept under."""
    found = DataVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    return found or 0
