"""The report's way to publication: draft → submitted → approved → published.

Specialists write the narratives and priorities and submit; a leader approves
or returns the report with a note, then publishes it (``report_publish``).
Any change of the texts sends a submitted or approved report back to draft,
so a leader never publishes what they did not approve. Two people editing
the texts at once do not overwrite each other: a save carries the
fingerprint of the texts it started from and is refused if they changed.
"""

from __future__ import annotations

import hashlib
import json
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.models import Role, User
from kcn.audit.services import audit_record
from kcn.core.errors import KcnError
from kcn.core.periods import Period
from kcn.reports.models import Narrative, Priority, ReportState, ReportWorkflow
from kcn.reports.sections import Section
from kcn.reports.services import narrative_clear, narrative_set, priorities_replace


def workflow_of(period: Period) -> ReportWorkflow:
    """The workflow record of ``period`` (a draft, unsaved, when there is none yet)."""
    found = ReportWorkflow.objects.filter(period=period.code).first()
    return found or ReportWorkflow(period=period.code, state=ReportState.DRAFT)


class ReportTexts(NamedTuple):
    """What the staff wrote for a report, in Vietnamese and in English.

    Narratives by section; the priority tasks in their order, the English ones
    in the same order (a task without English has "").
    """

    narratives: dict[str, str]
    priorities: list[str]
    narratives_en: dict[str, str]
    priorities_en: list[str]


def report_texts(period: Period) -> ReportTexts:
    """The narratives of ``period`` and the priority tasks of the period after it."""
    written = Narrative.objects.filter(period=period.code).values_list("section", "text", "text_en")
    following = period.next_period()
    tasks = (
        list(
            Priority.objects.filter(period=following.code)
            .order_by("order")
            .values_list("text", "text_en")
        )
        if following
        else []
    )
    return ReportTexts(
        narratives={section: text for section, text, _english in written},
        priorities=[text for text, _english in tasks],
        narratives_en={section: english for section, _text, english in written if english},
        priorities_en=[english for _text, english in tasks],
    )


def texts_fingerprint(period: Period) -> str:
    return fingerprint_of(report_texts(period))


def fingerprint_of(texts: ReportTexts) -> str:
    """A short digest of the report's texts, carried by the form that edits them."""
    data = json.dumps(
        [
            sorted(texts.narratives.items()),
            texts.priorities,
            sorted(texts.narratives_en.items()),
            texts.priorities_en,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@transaction.atomic
def report_texts_save(
    *,
    period: Period,
    narratives: dict[str, str],
    priorities: list[str],
    fingerprint: str,
    actor: User,
    narratives_en: dict[str, str] | None = None,
    priorities_en: list[str] | None = None,
) -> bool:
    """Save the staff's texts of the report; returns whether anything changed.

    The English texts are translations: a section's English needs its
    Vietnamese text, and the English tasks are none or one for each task, in
    the same order. ``KcnError`` when they are not, or when someone else
    changed the texts since ``fingerprint`` was read.
    """
    # Lock the workflow row so two saves of the same report run one after the other.
    workflow = _locked_workflow(period, actor)
    if fingerprint != texts_fingerprint(period):
        raise KcnError(
            _(
                "Someone else changed the texts of this report while you were editing. "
                "Nothing was saved: reload the page to see their changes."
            )
        )
    before = fingerprint  # the texts as they are now: checked just above
    for section in Section:
        text = narratives.get(section.value, "").strip()
        english = (narratives_en or {}).get(section.value, "").strip()
        if text:
            narrative_set(
                period=period.code, section=section.value, text=text, text_en=english, actor=actor
            )
        elif english:
            raise KcnError(
                _("%(section)s: the English text needs the Vietnamese text it translates.")
                % {"section": section.label}
            )
        else:
            narrative_clear(period=period.code, section=section.value, actor=actor)
    following = period.next_period()
    cleaned = [text.strip() for text in priorities if text.strip()]
    cleaned_en = [text.strip() for text in priorities_en or [] if text.strip()]
    if cleaned_en and len(cleaned_en) != len(cleaned):
        raise KcnError(
            _(
                "Priority tasks: write one English task for each task, in the same order "
                "(%(tasks)s tasks, %(english)s in English)."
            )
            % {"tasks": len(cleaned), "english": len(cleaned_en)}
        )
    if following is not None:
        priorities_replace(period=following.code, texts=cleaned, texts_en=cleaned_en, actor=actor)
    elif cleaned:
        raise KcnError(_("A report of an explicit date range has no next period for priorities."))
    changed = texts_fingerprint(period) != before
    if changed and workflow.state != ReportState.DRAFT:
        _move(workflow, ReportState.DRAFT, actor, note=_("The texts changed after submission."))
    return changed


def report_submit(*, period: Period, actor: User) -> ReportWorkflow:
    """Submit a draft, or a published report again (to publish a new version)."""
    return _transition(
        period, actor, (ReportState.DRAFT, ReportState.PUBLISHED), ReportState.SUBMITTED
    )


def report_approve(*, period: Period, actor: User) -> ReportWorkflow:
    _require_leader(actor)
    return _transition(period, actor, (ReportState.SUBMITTED,), ReportState.APPROVED)


def report_return(*, period: Period, actor: User, note: str) -> ReportWorkflow:
    """A leader sends a submitted or approved report back to draft, saying why."""
    _require_leader(actor)
    with transaction.atomic():
        workflow = _locked_workflow(period, actor)
        if workflow.state == ReportState.DRAFT:
            raise KcnError(_("The report is already a draft."))
        return _move(workflow, ReportState.DRAFT, actor, note=note.strip())


def require_approved(period: Period) -> None:
    if workflow_of(period).state != ReportState.APPROVED:
        raise KcnError(_("Only an approved report can be published: submit it, then approve it."))


def _require_leader(actor: User) -> None:
    if actor.role != Role.LEADER:
        raise KcnError(_("Only a leader approves, returns or publishes a report."))


@transaction.atomic
def _transition(
    period: Period, actor: User, sources: tuple[ReportState, ...], target: ReportState
) -> ReportWorkflow:
    workflow = _locked_workflow(period, actor)
    if workflow.state not in sources:
        raise KcnError(
            _("The report is %(state)s: it cannot be %(action)s now.")
            % {"state": workflow.get_state_display(), "action": ReportState(target).label}
        )
    return _move(workflow, target, actor)


def _locked_workflow(period: Period, actor: User | None) -> ReportWorkflow:
    workflow, _created = ReportWorkflow.objects.select_for_update().get_or_create(
        period=period.code,
        defaults={"state": ReportState.DRAFT, "changed_at": timezone.now(), "changed_by": actor},
    )
    return workflow


def _move(
    workflow: ReportWorkflow, state: ReportState, actor: User | None, note: str = ""
) -> ReportWorkflow:
    before = {"state": workflow.state}
    workflow.state = state
    workflow.note = note
    workflow.changed_at = timezone.now()
    workflow.changed_by = actor if getattr(actor, "pk", None) else None
    workflow.save()
    audit_record(
        actor=actor,
        action="update",
        instance=workflow,
        before=before,
        after={"state": state.value, "note": note},
    )
    return workflow


def after_publishing(period: Period, actor: User | None) -> None:
    """Mark the report published; changing its texts later starts a new draft."""
    with transaction.atomic():
        workflow = _locked_workflow(period, actor)
        _move(workflow, ReportState.PUBLISHED, actor)
