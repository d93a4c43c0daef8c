"""A project's status as of a date, from its ledger: issued, terminated, operating, suspended.

The ledger's rules (kcn.projects.rules) keep events in a sensible order, so
a status is a matter of counting each kind of event up to the date. Every
reader of status — the registers, the indicators, the drill-downs — uses
these expressions, so that "operating" means one thing everywhere.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from kcn.projects.models import LaborReport, Project, ProjectEventKind, ProjectKind

ISSUED = ProjectEventKind.ISSUED
SECONDARY = ProjectKind.SECONDARY


def ledger_counts(as_of: dt.date) -> dict[str, Count]:
    """Per project: how many of each lifecycle event happened on or before ``as_of``.

    Only events in force: a voided event counts nowhere (a join does not go through the
    default manager, so the condition is written here).
    """

    def count(kind: str) -> Count:
        return Count(
            "events",
            filter=Q(events__event=kind, events__date__lte=as_of, events__voided_at__isnull=True),
        )

    return {
        "n_issued": count(ISSUED),
        "n_terminated": count(ProjectEventKind.TERMINATED),
        "n_operational": count(ProjectEventKind.OPERATIONAL),
        "n_suspended": count(ProjectEventKind.SUSPENDED),
        "n_resumed": count(ProjectEventKind.RESUMED),
    }


# Given the ledger rules (suspended and resumed alternate, each at most once a
# day in that order), "the latest suspended/resumed is suspended" is "more
# suspensions than resumptions".
VALID = Q(n_issued__gt=0, n_terminated=0)
OPERATING = VALID & Q(n_operational__gt=0, n_suspended__lte=F("n_resumed"))
SUSPENDED = VALID & Q(n_operational__gt=0, n_suspended__gt=F("n_resumed"))
NOT_OPERATING = VALID & Q(n_operational=0)


def secondary_projects_as_of(as_of: dt.date) -> QuerySet[Project]:
    """Secondary projects with their ledger counts as of a date (for filters on VALID etc.)."""
    return Project.objects.filter(kind=SECONDARY).annotate(**ledger_counts(as_of))


def latest_labor_report(as_of: dt.date, field: str = "employees") -> Subquery:
    return Subquery(
        LaborReport.objects.filter(project=OuterRef("pk"), period_end__lte=as_of)
        .order_by("-period_end")
        .values(field)[:1]
    )
