"""Reads on projects, their ledgers, labor reports and inspections.

Every read takes the user: an enterprise user sees only the projects of its
investor (and their inspections); anything else does not exist for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils.translation import gettext_lazy

from kcn.accounts.models import User
from kcn.core.collation import collated
from kcn.investors.models import Investor
from kcn.projects import ledger
from kcn.projects.models import (
    CAPITAL_EVENTS,
    EVENT_RANK,
    Inspection,
    LaborReport,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.zones.models import Zone

STATUS_LABELS = {
    "operating": gettext_lazy("operating"),
    "not_operating": gettext_lazy("valid, not yet operating"),
    "suspended": gettext_lazy("suspended"),
    "terminated": gettext_lazy("terminated"),
    "not_issued": gettext_lazy("no certificate yet"),
}
STATUS_CONDITIONS = {
    "operating": ledger.OPERATING,
    "suspended": ledger.SUSPENDED,
    "not_operating": ledger.NOT_OPERATING,
    "terminated": Q(n_terminated__gt=0),
    "not_issued": Q(n_issued=0),
}
# Sorted in Vietnamese order (kcn.core.collation).
NAMES = {"name", "investor__name"}
PROJECT_SORTS = {
    "code": "code",
    "name": "name",
    "zone": "zone__code",
    "investor": "investor__name",
    "origin": "origin",
    "issued": "issued_on",
}
INSPECTION_SORTS = {"date": "date", "project": "project__code", "kind": "kind"}


def visible_projects(user: User) -> QuerySet[Project]:
    """Every project for the board; an enterprise user's own projects only."""
    if user.is_board_member:
        return Project.objects.all()
    if user.is_enterprise and user.investor_id is not None:
        return Project.objects.filter(investor_id=user.investor_id)
    return Project.objects.none()


def project_list(
    *,
    user: User,
    as_of: dt.date,
    search: str = "",
    zone: str = "",
    origin: str = "",
    kind: str = "",
    status: str = "",
    order: list[str] | None = None,
) -> QuerySet[Project]:
    """Projects with zone and investor, filtered (status as of a date) and ordered.

    Only what filtering and ordering need is computed over every project;
    ``with_status`` adds the status and certificate date to the page shown.
    """
    projects = visible_projects(user).select_related("zone", "investor")
    if search:
        projects = projects.filter(
            Q(code__icontains=search)
            | Q(name__icontains=search)
            | Q(investor__name__icontains=search)
            | Q(investor__code__icontains=search)
        )
    if zone:
        projects = projects.filter(zone__code=zone)
    if origin:
        projects = projects.filter(origin=origin)
    if kind:
        projects = projects.filter(kind=kind)
    if status in STATUS_CONDITIONS:
        projects = projects.filter(
            pk__in=Project.objects.annotate(**ledger.ledger_counts(as_of))
            .filter(STATUS_CONDITIONS[status])
            .values("pk")
        )
    order = order or ["code"]
    if any(key.lstrip("-") == "issued_on" for key in order):
        projects = projects.annotate(
            issued_on=Subquery(
                ProjectEvent.objects.filter(project=OuterRef("pk"), event=ProjectEventKind.ISSUED)
                .order_by()
                .values("date")[:1]
            )
        )
    return projects.order_by(*collated(order, NAMES))


def with_status(projects: Iterable[Project], as_of: dt.date) -> list[Project]:
    """The projects with ``status`` and ``issued_on`` set, from one query over their ledgers."""
    found = list(projects)
    ledgers = {
        pk: (status, issued_on)
        for pk, status, issued_on in Project.objects.filter(pk__in=[p.pk for p in found])
        .annotate(
            **ledger.ledger_counts(as_of),
            issued_on=Min(
                "events__date",
                filter=Q(events__event=ProjectEventKind.ISSUED, events__voided_at__isnull=True),
            ),
        )
        .annotate(
            status=Case(
                *(When(condition, then=Value(key)) for key, condition in STATUS_CONDITIONS.items()),
                default=Value("not_issued"),
                output_field=CharField(),
            )
        )
        .values_list("pk", "status", "issued_on")
    }
    for project in found:
        project.status, project.issued_on = ledgers[project.pk]  # type: ignore[attr-defined]
    return found


def project_timeline(project: Project, *, with_voided: bool = False) -> list[ProjectEvent]:
    """The ledger in the order it is read: date, then the kind's rank, then entry; with the
    voided events too (shown marked, with their reason) if ``with_voided``."""
    manager = ProjectEvent.all_objects if with_voided else ProjectEvent.objects
    events = list(manager.filter(project=project).select_related("voided_by"))
    return sorted(events, key=lambda event: (event.date, EVENT_RANK[event.event], event.pk))


def project_capital(project: Project) -> list[tuple[str, Decimal]]:
    """Registered capital by currency: the certificate plus every amendment's change."""
    rows = (
        project.events.filter(event__in=CAPITAL_EVENTS, capital__isnull=False)
        .values("currency")
        .annotate(total=Sum("capital"))
        .order_by("currency")
    )
    return [(row["currency"], row["total"]) for row in rows]


def project_labor_reports(project: Project, *, with_voided: bool = False) -> QuerySet[LaborReport]:
    manager = LaborReport.all_objects if with_voided else LaborReport.objects
    return (
        manager.filter(project=project)
        .select_related("voided_by")
        .order_by("-period_end", "voided_at", "-pk")
    )


def inspection_list(
    *,
    user: User,
    search: str = "",
    kind: str = "",
    violation: str = "",
    year: int | None = None,
    order: list[str] | None = None,
) -> QuerySet[Inspection]:
    inspections = Inspection.objects.select_related("project", "project__zone", "project__investor")
    if not user.is_board_member:  # a board member sees all; no subquery to filter by
        inspections = inspections.filter(project__in=visible_projects(user))
    if search:
        inspections = inspections.filter(
            Q(project__code__icontains=search)
            | Q(project__name__icontains=search)
            | Q(note__icontains=search)
        )
    if kind:
        inspections = inspections.filter(kind=kind)
    if violation in ("yes", "no"):
        inspections = inspections.filter(violation=violation == "yes")
    if year:
        inspections = inspections.filter(date__year=year)
    return inspections.order_by(*(order or ["-date", "-pk"]))


def investors_with_project_counts(investors: Iterable[Investor]) -> list[Investor]:
    """The investors with ``n_projects`` set, from one query."""
    found = list(investors)
    counts = dict(
        Project.objects.filter(investor__in=[investor.pk for investor in found])
        .order_by()
        .values("investor")
        .annotate(n=Count("pk"))
        .values_list("investor", "n")
    )
    for investor in found:
        investor.n_projects = counts.get(investor.pk, 0)  # type: ignore[attr-defined]
    return found


def secondary_project_count(relation: str = "projects") -> Count:
    """The number of secondary projects reached through ``relation``, as an annotation."""
    return Count(relation, filter=Q(**{f"{relation}__kind": ProjectKind.SECONDARY}))


def zones_with_project_counts(zones: Iterable[Zone]) -> list[Zone]:
    """The zones with ``n_projects`` (projects in the zone) set, from one query."""
    found = list(zones)
    counts = dict(
        Project.objects.filter(zone__in=[zone.pk for zone in found], kind=ProjectKind.SECONDARY)
        .order_by()
        .values("zone")
        .annotate(n=Count("pk"))
        .values_list("zone", "n")
    )
    for zone in found:
        zone.n_projects = counts.get(zone.pk, 0)  # type: ignore[attr-defined]
    return found
