"""The aggregates behind the indicators: one query per family and date range.

Each function returns the values of every indicator of its family (splits
included), unrounded. They are set-based SQL through the ORM: conditional
aggregates over the ledger, never Python loops over rows. Definitions:
docs/reference/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext as _

from kcn.core.errors import KcnError
from kcn.documents.models import Direction, Document
from kcn.dossiers.models import Dossier
from kcn.indicators.registry import ORIGINS
from kcn.projects.ledger import VALID, latest_labor_report, ledger_counts
from kcn.projects.models import (
    ExchangeRate,
    Inspection,
    InspectionKind,
    LaborReport,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.zones.models import ZoneEvent, ZoneEventKind

Values = dict[str, Any]
ISSUED, ADJUSTED = ProjectEventKind.ISSUED, ProjectEventKind.ADJUSTED
SECONDARY, INFRASTRUCTURE = ProjectKind.SECONDARY, ProjectKind.INFRASTRUCTURE


def percent(part: int | None, whole: int | None) -> Decimal | None:
    """``part`` × 100 ÷ ``whole``; None over zero items (never 0 or 100)."""
    if not whole:
        return None
    return Decimal(part or 0) * 100 / Decimal(whole)


def zone_events(start: dt.date, end: dt.date) -> Values:
    def area(kind: str) -> Sum:
        return Sum("area_ha", filter=Q(event=kind), default=Decimal(0))

    return ZoneEvent.objects.filter(date__range=(start, end)).aggregate(
        zones_policy_approved=Count("id", filter=Q(event=ZoneEventKind.POLICY_APPROVED)),
        land_cleared_ha=area(ZoneEventKind.LAND_CLEARED),
        infrastructure_built_ha=area(ZoneEventKind.INFRASTRUCTURE_BUILT),
        land_leased_ha=area(ZoneEventKind.LAND_LEASED),
    )


def rate_in_force() -> Subquery:
    """VND per USD in force on the event's date: the latest row valid from it or before."""
    return Subquery(
        ExchangeRate.objects.filter(currency="USD", valid_from__lte=OuterRef("date"))
        .order_by("-valid_from")
        .values("vnd_per_unit")[:1]
    )


def usd_equivalent() -> Case:
    """The event's capital in USD; VND converted at the rate in force (NULL if none)."""
    return Case(
        When(currency="USD", then=Cast("capital", FloatField())),
        When(currency="VND", then=Cast("capital", FloatField()) / Cast("rate", FloatField())),
        output_field=FloatField(),
    )


def events_with_rates(start: dt.date, end: dt.date) -> QuerySet[ProjectEvent]:
    return ProjectEvent.objects.filter(date__range=(start, end)).annotate(rate=rate_in_force())


def project_events(start: dt.date, end: dt.date) -> Values:
    """Flows of the project ledger: certificates, amendments, operation, termination."""
    secondary = Q(project__kind=SECONDARY)
    issued = Q(event=ISSUED)
    increase = Q(event=ADJUSTED, capital__gt=0)
    decrease = Q(event=ADJUSTED, capital__lt=0)
    measures: dict[str, Any] = {}
    for suffix, origin in [("", Q()), *((f".{o}", Q(project__origin=o)) for o in ORIGINS)]:
        sec = secondary & origin
        infra = Q(project__kind=INFRASTRUCTURE) & origin
        measures.update(
            {
                f"infrastructure_projects_issued{suffix}": Count("id", filter=infra & issued),
                f"infrastructure_capital_usd_equiv{suffix}": Sum(
                    "usd", filter=infra & issued, default=0.0
                ),
                f"new_projects{suffix}": Count("id", filter=sec & issued),
                f"new_capital_usd{suffix}": Sum(
                    "capital", filter=sec & issued & Q(currency="USD"), default=Decimal(0)
                ),
                f"new_capital_vnd{suffix}": Sum(
                    "capital", filter=sec & issued & Q(currency="VND"), default=Decimal(0)
                ),
                f"increased_projects{suffix}": Count(
                    "project", filter=sec & increase, distinct=True
                ),
                f"increased_capital_usd{suffix}": Sum(
                    "capital", filter=sec & increase & Q(currency="USD"), default=Decimal(0)
                ),
                f"increased_capital_vnd{suffix}": Sum(
                    "capital", filter=sec & increase & Q(currency="VND"), default=Decimal(0)
                ),
                f"decreased_capital_usd_equiv{suffix}": Sum(
                    "usd", filter=sec & decrease, default=0.0
                ),
                f"attracted_capital_usd_equiv{suffix}": Sum(
                    "usd", filter=sec & (issued | increase), default=0.0
                ),
                f"projects_started_operation{suffix}": Count(
                    "id", filter=sec & Q(event=ProjectEventKind.OPERATIONAL)
                ),
                f"projects_terminated{suffix}": Count(
                    "id", filter=sec & Q(event=ProjectEventKind.TERMINATED)
                ),
            }
        )
    # A VND amount with no rate in force is an error, never a silent zero.
    measures["_missing_rates"] = Count(
        "id",
        filter=Q(currency="VND", capital__isnull=False, rate__isnull=True)
        & (issued | Q(event=ADJUSTED)),
    )
    values = events_with_rates(start, end).annotate(usd=usd_equivalent()).aggregate(**measures)
    if values.pop("_missing_rates"):
        raise_missing_rate(start, end)
    for key, value in values.items():
        if key.startswith("decreased_capital_usd_equiv"):
            values[key] = -value
    return values


def raise_missing_rate(start: dt.date, end: dt.date) -> None:
    event = (
        events_with_rates(start, end)
        .filter(currency="VND", capital__isnull=False, rate__isnull=True)  # type: ignore[misc]
        .filter(event__in=(ISSUED, ADJUSTED))
        .select_related("project")
        .order_by("date", "id")
        .first()
    )
    assert event is not None
    raise KcnError(
        _(
            "Project %(code)s, '%(event)s' on %(date)s: %(amount)s VND has no USD exchange rate in "
            "force; add a row to fx_rates valid from that date or earlier."
        )
        % {
            "code": event.project.code,
            "event": event.event,
            "date": event.date.strftime("%d/%m/%Y"),
            "amount": event.capital,
        }
    )


def project_stocks(as_of: dt.date) -> Values:
    """Valid and operating projects by origin, and the workforce, as of a date."""
    per_project = (
        Project.objects.filter(kind=SECONDARY, events__date__lte=as_of)
        .values("id", "origin")
        .annotate(**ledger_counts(as_of))
        .filter(VALID)
        .annotate(employees=latest_labor_report(as_of))
    )
    measures: dict[str, Any] = {"workforce": Coalesce(Sum("employees"), 0)}
    for suffix, origin in [("", Q()), *((f".{o}", Q(origin=o)) for o in ORIGINS)]:
        measures[f"valid_projects{suffix}"] = Count("id", filter=origin)
        measures[f"operating_projects{suffix}"] = Count(
            "id", filter=origin & Q(n_operational__gt=0, n_suspended__lte=F("n_resumed"))
        )
    values = per_project.aggregate(**measures)
    for suffix in ["", *(f".{o}" for o in ORIGINS)]:
        values[f"operating_share_pct{suffix}"] = percent(
            values[f"operating_projects{suffix}"], values[f"valid_projects{suffix}"]
        )
    return values


def labor(start: dt.date, end: dt.date) -> Values:
    return LaborReport.objects.filter(period_end__range=(start, end)).aggregate(
        jobs_created=Coalesce(Sum("new_jobs"), 0)
    )


def inspections(start: dt.date, end: dt.date) -> Values:
    return Inspection.objects.filter(date__range=(start, end)).aggregate(
        inspections_onsite=Count("id", filter=Q(kind=InspectionKind.ONSITE)),
        inspections_with_violation=Count("id", filter=Q(violation=True)),
    )


def dossier_flows(start: dt.date, end: dt.date) -> Values:
    received = Dossier.objects.filter(received_on__range=(start, end)).count()
    resolved = Dossier.objects.filter(resolved_on__range=(start, end)).aggregate(
        n=Count("id"),
        on_time=Count("id", filter=Q(resolved_on__lte=F("due_on"))),
        early=Count("id", filter=Q(resolved_on__lt=F("due_on"))),
    )
    return {
        "dossiers_received": received,
        "dossiers_resolved": resolved["n"],
        "dossiers_resolved_on_time_pct": percent(resolved["on_time"], resolved["n"]),
        "dossiers_resolved_early_pct": percent(resolved["early"], resolved["n"]),
    }


def pending_dossiers(as_of: dt.date) -> QuerySet[Dossier]:
    return Dossier.objects.filter(received_on__lte=as_of).exclude(resolved_on__lte=as_of)


def dossier_stocks(as_of: dt.date) -> Values:
    """Pending and overdue dossiers as of a date, as index range counts.

    A dossier is resolved on or after it is received, so the pending ones are
    those received by the date minus those resolved by it; a due date is on
    or after receipt, so an overdue one (due before the date) was received.
    """
    received = Dossier.objects.filter(received_on__lte=as_of).count()
    resolved = Dossier.objects.filter(resolved_on__lte=as_of).count()
    overdue = (
        Dossier.objects.filter(due_on__lt=as_of)
        .filter(Q(resolved_on__isnull=True) | Q(resolved_on__gt=as_of))
        .count()
    )
    return {"dossiers_pending": received - resolved, "dossiers_overdue": overdue}


def counted_documents(start: dt.date, end: dt.date) -> QuerySet[Document]:
    """Non-secret documents dated in the range (secret ones are not digitized by rule)."""
    return Document.objects.filter(date__range=(start, end), secret=False)


def documents(start: dt.date, end: dt.date) -> Values:
    in_out = Q(direction__in=(Direction.IN, Direction.OUT))
    out = Q(direction=Direction.OUT)
    counts = counted_documents(start, end).aggregate(
        in_out=Count("id", filter=in_out),
        digitized=Count("id", filter=in_out & Q(digitized=True)),
        out=Count("id", filter=out),
        electronic=Count("id", filter=out & Q(electronic=True)),
    )
    return {
        "documents_digitized_pct": percent(counts["digitized"], counts["in_out"]),
        "documents_electronic_pct": percent(counts["electronic"], counts["out"]),
    }
