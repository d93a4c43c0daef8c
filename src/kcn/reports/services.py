"""Writes of what staff write for a report: section narratives and priority tasks.

Periods are stored as their canonical code (``2022-Q1``), whatever way the
caller spelled them. These are the building blocks of ``workflow.report_texts_save``
(the use case that saves the report's texts); publishing is ``workflow.report_publish``.
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    check_minimum,
    checked_choice,
    clean_text,
    record_delete,
    record_upsert,
    refusal,
    required_text,
)
from kcn.core.errors import KcnError
from kcn.documents.models import Document
from kcn.reports.models import ListedPlan, Narrative, Priority, ReportFraming
from kcn.reports.rules import period_code
from kcn.reports.sections import Section
from kcn.reports.sheets import NARRATIVES, PRIORITIES

NARRATIVE_FIELDS = NARRATIVES.fields
PRIORITY_FIELDS = PRIORITIES.fields
FRAMING_FIELDS = ("period", "task_groups")
LISTED_PLAN_FIELDS = ("framing", "order", "document", "title_en")


def _period(label: str, model: type[models.Model], raw: str) -> str:
    try:
        return period_code(clean_text(raw))
    except KcnError as error:
        raise refusal(label, model, "period", str(error)) from None


@transaction.atomic
def narrative_set(
    *, period: str, section: str, text: str, text_en: str = "", actor: User | None = None
) -> Narrative:
    """Set the staff's text for ``section`` of the report for ``period`` (and in English)."""
    label = _("narrative %(period)s %(section)s") % {"period": period, "section": section}
    code = _period(label, Narrative, period)
    section = checked_choice(label, Narrative, "section", section, Section.values)
    label = _("narrative %(period)s %(section)s") % {"period": code, "section": section}
    text = required_text(label, Narrative, "text", text)
    return record_upsert(
        Narrative,
        key={"period": code, "section": section},
        values={
            "text": text,
            "text_en": clean_text(text_en),
        },
        label=label,
        fields=NARRATIVE_FIELDS,
        actor=actor,
    )


@transaction.atomic
def narrative_clear(*, period: str, section: str, actor: User | None = None) -> bool:
    """Remove the text of ``section`` for ``period``; returns whether there was one."""
    label = _("narrative %(period)s %(section)s") % {"period": period, "section": section}
    code = _period(label, Narrative, period)
    narrative = Narrative.objects.filter(period=code, section=clean_text(section)).first()
    if narrative is None:
        return False
    record_delete(narrative, fields=NARRATIVE_FIELDS, actor=actor)
    return True


@transaction.atomic
def priority_set(
    *, period: str, order: int, text: str, text_en: str = "", actor: User | None = None
) -> Priority:
    """Set the ``order``-th priority task (from 1) for ``period`` (and in English)."""
    label = _("priority task %(order)s of %(period)s") % {"order": order, "period": period}
    code = _period(label, Priority, period)
    label = _("priority task %(order)s of %(period)s") % {"order": order, "period": code}
    check_minimum(label, Priority, "order", order, strict=True)
    text = required_text(label, Priority, "text", text)
    return _priority_write(code, order, text, clean_text(text_en), actor)


@transaction.atomic
def priorities_replace(
    *,
    period: str,
    texts: list[str],
    texts_en: list[str] | None = None,
    actor: User | None = None,
) -> list[Priority]:
    """Make ``texts`` the priority tasks of ``period``, numbered from 1 in their order.

    ``texts_en`` are the same tasks in English, in the same order (fewer: the
    last ones have none). Tasks past the end of ``texts`` are removed. Each
    record added, changed or removed gets its own audit entry; unchanged ones
    get none.
    """
    label = _("priority tasks of %(period)s") % {"period": period}
    code = _period(label, Priority, period)
    cleaned = []
    for order, text in enumerate(texts, start=1):
        item = _("priority task %(order)s of %(period)s") % {"order": order, "period": code}
        cleaned.append(required_text(item, Priority, "text", text))
    english = [clean_text(text) for text in texts_en or []]
    if len(english) > len(cleaned):
        raise refusal(
            label,
            Priority,
            "text_en",
            _("%(english)s tasks in English for %(tasks)s tasks")
            % {"english": len(english), "tasks": len(cleaned)},
        )
    english += [""] * (len(cleaned) - len(english))
    written = [
        _priority_write(code, order, text, text_en, actor)
        for order, (text, text_en) in enumerate(zip(cleaned, english, strict=True), 1)
    ]
    for extra in Priority.objects.filter(period=code, order__gt=len(cleaned)):
        record_delete(extra, fields=PRIORITY_FIELDS, actor=actor)
    return written


@transaction.atomic
def report_framing_set(
    *,
    period: str,
    task_groups: int | None,
    listed: list[tuple[Document, str]],
    actor: User | None = None,
) -> ReportFraming:
    """What the framing paragraph of ``period``'s report says beyond the records: the groups
    of tasks of the board's yearly plan, and the thematic plans it names, in ``listed``'s
    order, each with its English name. Plans no longer listed are removed; each record added,
    changed or removed is audited."""
    label = _("framing of the report of %(period)s") % {"period": period}
    code = _period(label, ReportFraming, period)
    if task_groups is not None:
        check_minimum(label, ReportFraming, "task_groups", task_groups, strict=True)
    documents = [document.pk for document, _title in listed]
    if len(set(documents)) != len(documents):
        raise refusal(label, ListedPlan, "document", _("A thematic plan is listed twice."))
    framing = record_upsert(
        ReportFraming,
        key={"period": code},
        values={"task_groups": task_groups},
        label=label,
        fields=FRAMING_FIELDS,
        actor=actor,
    )
    current = {item.document_id: item for item in ListedPlan.objects.filter(framing=framing)}
    wanted = {document.pk for document, _title in listed}
    for document_id, item in current.items():
        if document_id not in wanted:
            record_delete(item, fields=LISTED_PLAN_FIELDS, actor=actor)
    for order, (document, title_en) in enumerate(listed, start=1):
        record_upsert(
            ListedPlan,
            key={"framing": framing, "document": document},
            values={"order": order, "title_en": clean_text(title_en)},
            label=_("thematic plan %(symbol)s listed in %(period)s")
            % {"symbol": document.symbol, "period": code},
            fields=LISTED_PLAN_FIELDS,
            actor=actor,
        )
    return framing


def _priority_write(code: str, order: int, text: str, text_en: str, actor: User | None) -> Priority:
    label = _("priority task %(order)s of %(period)s") % {"order": order, "period": code}
    return record_upsert(
        Priority,
        key={"period": code, "order": order},
        values={
            "text": text,
            "text_en": text_en,
        },
        label=label,
        fields=PRIORITY_FIELDS,
        actor=actor,
    )
