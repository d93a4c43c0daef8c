"""Reads on what staff write for reports: narratives and priority tasks.

They live here rather than in ``kcn.reports`` because that app is being
built in another branch (the report documents); move them there once both
have landed.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kcn.reports.models import Narrative, Priority


def narrative_list(*, period: str = "", section: str = "", search: str = "") -> QuerySet[Narrative]:
    narratives = Narrative.objects.all()
    if period:
        narratives = narratives.filter(period=period)
    if section:
        narratives = narratives.filter(section=section)
    if search:
        narratives = narratives.filter(Q(text__icontains=search) | Q(period__icontains=search))
    return narratives.order_by("-period", "section")


PRIORITY_SORTS = {"period": "period", "order": "order"}


def priority_list(
    *, period: str = "", search: str = "", order: list[str] | None = None
) -> QuerySet[Priority]:
    priorities = Priority.objects.all()
    if period:
        priorities = priorities.filter(period=period)
    if search:
        priorities = priorities.filter(text__icontains=search)
    return priorities.order_by(*(order or ["-period", "order"]))


def written_periods() -> list[str]:
    """Periods that have a narrative or a priority task, newest first."""
    found = set(Narrative.objects.values_list("period", flat=True)) | set(
        Priority.objects.values_list("period", flat=True)
    )
    return sorted(found, reverse=True)
