"""Reads of reports: the dataset to render (frozen once published) and what changed since;
what staff wrote for reports (narratives and priority tasks)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kcn.core import style
from kcn.core.errors import KcnError
from kcn.core.periods import Period
from kcn.indicators.cache import cached
from kcn.indicators.registry import INDICATORS, Kind
from kcn.reports.dataset import ReportDataset, build_dataset
from kcn.reports.models import Narrative, Priority, PublishedReport, ReportState, ReportWorkflow
from kcn.reports.sections import Section


def published_report(period: Period) -> PublishedReport | None:
    """The latest published version of the report of ``period``."""
    return PublishedReport.objects.filter(period=period.code).order_by("-version").first()


def report_dataset(period: Period, *, live: bool = False) -> ReportDataset:
    """The published dataset of ``period`` if there is one (unless ``live``), else today's."""
    published = None if live else published_report(period)
    if published is not None:
        return ReportDataset.from_json(published.dataset)
    return cached("dataset", (period.code,), lambda: build_dataset(period))


@dataclass(frozen=True)
class Change:
    what: str  # "Dự án đang hoạt động (operating_projects), kỳ báo cáo"
    published: str
    now: str

    def __str__(self) -> str:
        return f"{self.what}: {self.published} → {self.now}"


def report_changes(period: Period) -> tuple[PublishedReport, list[Change]]:
    """What the records say now that differs from the published report of ``period``."""
    published = published_report(period)
    if published is None:
        raise KcnError(
            _("The report of %(period)s has not been published: nothing to compare with.")
            % {"period": period.code}
        )
    return published, dataset_changes(published.dataset, build_dataset(period).to_json())


def approval_changes(period: Period) -> list[Change] | None:
    """What the records say now that differs from the report as its leader approved it, or
    None when it is not approved (``ReportWorkflow.approved_dataset``)."""
    approved = (
        ReportWorkflow.objects.filter(period=period.code, state=ReportState.APPROVED)
        .values_list("approved_dataset", flat=True)
        .first()
    )
    if approved is None:
        return None
    return dataset_changes(approved, build_dataset(period).to_json())


def dataset_changes(frozen_json: dict[str, Any], live: dict[str, Any]) -> list[Change]:
    """The differences, figure by figure and text by text, of two datasets (as JSON)."""
    frozen = ReportDataset.from_json(frozen_json).to_json()
    changes: list[Change] = []
    for code, indicator in INDICATORS.items():
        keys = [("value", _("period"))]
        if indicator.kind is Kind.FLOW:  # a stock's year to date is its value
            keys.append(("ytd", _("year to date")))
        for key, label in keys:
            before = _figure(frozen["indicators"].get(code, {}).get(key))
            after = _figure(live["indicators"].get(code, {}).get(key))
            if before != after:
                what = f"{indicator.name} ({code}), {label}"
                changes.append(Change(what, before, after))
        for key in ("target", "target_max"):
            before = _figure(frozen["indicators"].get(code, {}).get(key))
            after = _figure(live["indicators"].get(code, {}).get(key))
            if before != after:
                changes.append(Change(f"{indicator.name} ({code}), {_('target')}", before, after))
    for section in Section:
        before = frozen["narratives"].get(section.value, "")
        after = live["narratives"].get(section.value, "")
        english = (
            frozen["narratives_en"].get(section.value, ""),
            live["narratives_en"].get(section.value, ""),
        )
        if before != after or english[0] != english[1]:
            what = _("Narrative: %(section)s") % {"section": section.label}
            changes.append(Change(what, _short(before), _short(after)))
    if (frozen["priorities"], frozen["priorities_en"]) != (
        live["priorities"],
        live["priorities_en"],
    ):
        changes.append(
            Change(
                _("Priority tasks"),
                _("%(n)s tasks") % {"n": len(frozen["priorities"])},
                _("%(n)s tasks") % {"n": len(live["priorities"])},
            )
        )
    for key, label in (
        ("zone_approvals", _("Zones with investment policy approved")),
        ("infrastructure_projects", _("Infrastructure projects certified")),
        ("framing", _("Plans and their thematic plans")),
        ("capital_changes", _("New projects and capital changes")),
        ("board", _("Board profile")),
    ):
        if frozen[key] != live[key]:
            changes.append(Change(label, _("as published"), _("changed")))
    return changes


def _figure(raw: Any) -> str:
    if raw is None:
        return "-"
    return style.number(style.rounded(Decimal(str(raw)), 4), 4)


def _short(text: str, limit: int = 60) -> str:
    if not text:
        return "-"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- what staff write for reports ------------------------------------------------------------


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
