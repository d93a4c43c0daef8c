"""The report's way to publication: draft → submitted → approved → published.

Specialists write the narratives and priorities and submit; a leader approves
or returns the report with a note, then publishes it (``report_publish``).
Any change of the texts sends a submitted or approved report back to draft,
so a leader never publishes what they did not approve. Two people editing
the texts at once do not overwrite each other: a save carries the
fingerprint of the texts it started from and is refused if they changed.

Each step is one use case in one durable transaction: it locks the period's
workflow row, checks the state (and the role of the person acting), writes
and audits. The web pages and ``kcn report`` call the same functions, so the
rules hold on both. The actor is a user, or None for the system (the command
line without ``--user``), which may take every step; a leader may approve a
report they submitted themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.models import AuditAction
from kcn.audit.records import clean_text, refusal
from kcn.audit.services import audit_record
from kcn.board.models import BoardProfile
from kcn.core.errors import KcnError
from kcn.core.periods import Period
from kcn.documents.models import Document
from kcn.reports.dataset import build_dataset, thematic_plan_candidates
from kcn.reports.models import (
    ListedPlan,
    Narrative,
    Priority,
    PublishedReport,
    ReportFraming,
    ReportState,
    ReportWorkflow,
)
from kcn.reports.sections import Section
from kcn.reports.services import (
    narrative_clear,
    narrative_set,
    priorities_replace,
    report_framing_set,
)


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
    # The framing paragraph: the groups of tasks of the board's plan, and the thematic plans
    # it names, in order, as (document, English name).
    task_groups: int | None = None
    listed: tuple[tuple[int, str], ...] = ()


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
    framing = ReportFraming.objects.filter(period=period.code).first()
    listed = (
        tuple(
            ListedPlan.objects.filter(framing=framing)
            .order_by("order", "pk")
            .values_list("document_id", "title_en")
        )
        if framing is not None
        else ()
    )
    return ReportTexts(
        narratives={section: text for section, text, _english in written},
        priorities=[text for text, _english in tasks],
        narratives_en={section: english for section, _text, english in written if english},
        priorities_en=[english for _text, english in tasks],
        task_groups=framing.task_groups if framing is not None else None,
        listed=listed,
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
            texts.task_groups,
            [list(item) for item in texts.listed],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@transaction.atomic(durable=True)
def report_texts_save(
    *,
    period: Period,
    narratives: dict[str, str],
    priorities: list[str],
    fingerprint: str,
    actor: User | None,
    narratives_en: dict[str, str] | None = None,
    priorities_en: list[str] | None = None,
    task_groups: int | None = None,
    listed: list[tuple[int, str]] | None = None,
) -> bool:
    """Save the staff's texts of the report; returns whether anything changed.

    The English texts are translations: a section's English needs its
    Vietnamese text, and the English tasks are none or one for each task, in
    the same order. ``listed``, when given, are the thematic plans the framing
    paragraph names, in order, as (document id, English name), with
    ``task_groups`` of the board's plan; they must be thematic plans of the
    year issued by the period's end. ``KcnError`` when any of this is not so,
    or when someone else changed the texts since ``fingerprint`` was read.
    """
    _require_editor(actor)
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
    if listed is not None:
        _framing_save(period, task_groups, listed, actor)
    changed = texts_fingerprint(period) != before
    if changed and workflow.state != ReportState.DRAFT:
        _move(
            workflow,
            ReportState.DRAFT,
            actor,
            AuditAction.RETURN,
            note=_("The texts changed after submission."),
        )
    return changed


def _framing_save(
    period: Period, task_groups: int | None, listed: list[tuple[int, str]], actor: User | None
) -> None:
    candidates = {document.pk: document for document in thematic_plan_candidates(period)}
    unknown = [pk for pk, _title in listed if pk not in candidates]
    if unknown:
        found = Document.objects.filter(pk__in=unknown).values_list("symbol", flat=True)
        raise KcnError(
            _(
                "%(symbols)s: not a thematic plan of the board's plans of %(year)s issued by "
                "the end of the period."
            )
            % {"symbols": ", ".join(found) or "?", "year": period.year}
        )
    if (
        task_groups is None
        and not listed
        and not ReportFraming.objects.filter(period=period.code).exists()
    ):
        return  # nothing chosen, nothing to record
    report_framing_set(
        period=period.code,
        task_groups=task_groups,
        listed=[(candidates[pk], title) for pk, title in listed],
        actor=actor,
    )


@transaction.atomic(durable=True)
def report_submit(*, period: Period, actor: User | None) -> ReportWorkflow:
    """Submit a draft, or a published report again (to publish a new version)."""
    _require_editor(actor)
    workflow = _locked_workflow(period, actor)
    _require_state(workflow, (ReportState.DRAFT, ReportState.PUBLISHED), ReportState.SUBMITTED)
    return _move(workflow, ReportState.SUBMITTED, actor, AuditAction.SUBMIT)


def submit_warnings(period: Period) -> list[str]:
    """What to confirm before submitting: the sections whose narrative is empty (the report
    then has only the sentences made from the figures there)."""
    written = report_texts(period).narratives
    empty = [str(section.label) for section in Section if not written.get(section.value, "")]
    if not empty:
        return []
    return [
        _("No narrative is written for: %(sections)s. The report will have only the sentences "
          "made from the figures there.") % {"sections": ", ".join(empty)}
    ]  # fmt: skip


@transaction.atomic(durable=True)
def report_approve(*, period: Period, actor: User | None) -> ReportWorkflow:
    """A leader approves a submitted report: its figures as they are now are kept, and the
    reports page lists what differs from them before anyone publishes.

    A leader does not approve a report they submitted, unless the board allows it
    (``BoardProfile.self_approval``, ``kcn board --self-approval yes``).
    """
    _require_leader(actor)
    workflow = _locked_workflow(period, actor)
    _require_state(workflow, (ReportState.SUBMITTED,), ReportState.APPROVED)
    submitter = workflow.changed_by_id
    if actor is not None and submitter is not None and submitter == actor.pk:
        allowed = BoardProfile.objects.filter(pk=1).values_list("self_approval", flat=True)
        if not allowed.first():
            raise KcnError(
                _(
                    "You submitted this report: another leader approves it. (The board may "
                    "allow a leader to approve their own submission: kcn board "
                    "--self-approval yes.)"
                )
            )
    workflow.approved_dataset = build_dataset(period).to_json()
    return _move(workflow, ReportState.APPROVED, actor, AuditAction.APPROVE)


@transaction.atomic(durable=True)
def report_return(*, period: Period, actor: User | None, note: str) -> ReportWorkflow:
    """A leader sends a submitted or approved report back to draft, saying why."""
    _require_leader(actor)
    note = note.strip()
    if not note:
        raise KcnError(_("Say what needs changing."))
    workflow = _locked_workflow(period, actor)
    if workflow.state == ReportState.DRAFT:
        raise KcnError(_("The report is already a draft."))
    return _move(workflow, ReportState.DRAFT, actor, AuditAction.RETURN, note=note)


@transaction.atomic(durable=True)
def report_publish(
    *,
    period: Period,
    number: str = "",
    issued_on: dt.date | None = None,
    actor: User | None,
) -> PublishedReport:
    """Publish the approved report of ``period``: freeze it as it reads now, a new version.

    In one transaction: lock the workflow row, check that the report is
    approved, freeze its dataset (``PublishedReport``), mark it published and
    audit both. Rendering the period later gives this dataset, whatever
    happens to the records; ``report_changes`` lists what differs since.
    Publishing again needs a new round of submission and approval.
    """
    _require_leader(actor)
    label = _("report of %(period)s") % {"period": period.code}
    number = clean_text(number)
    if number and not number.isdigit():
        raise refusal(label, PublishedReport, "number", _("The number is digits only, e.g. 45."))
    workflow = _locked_workflow(period, actor)
    if workflow.state != ReportState.APPROVED:
        raise KcnError(_("Only an approved report can be published: submit it, then approve it."))
    report = _freeze(period, number, issued_on, actor)
    _move(workflow, ReportState.PUBLISHED, actor, AuditAction.PUBLISH)
    return report


def _freeze(
    period: Period, number: str, issued_on: dt.date | None, actor: User | None
) -> PublishedReport:
    """The report's dataset as it reads now, saved as the period's next published version."""
    now = timezone.now()
    issued_on = issued_on or timezone.localdate(now)
    latest = PublishedReport.objects.filter(period=period.code).order_by("-version").first()
    dataset = build_dataset(period, now=now, issued_on=issued_on)
    dataset.number = number
    dataset.version = (latest.version if latest else 0) + 1
    report = PublishedReport.objects.create(
        period=period.code,
        version=dataset.version,
        number=number,
        issued_on=issued_on,
        dataset=dataset.to_json(),
        published_at=now,
        published_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.PUBLISH,
        instance=report,
        after={"period": report.period, "version": report.version, "number": number,
               "issued_on": issued_on.isoformat()},
    )  # fmt: skip
    return report


def _require_editor(actor: User | None) -> None:
    if actor is not None and not actor.can_edit_records:
        raise KcnError(_("Only a leader or a specialist writes and submits a report."))


def _require_leader(actor: User | None) -> None:
    if actor is not None and not actor.can_publish_reports:
        raise KcnError(_("Only a leader approves, returns or publishes a report."))


def _require_state(
    workflow: ReportWorkflow, sources: tuple[ReportState, ...], target: ReportState
) -> None:
    if workflow.state not in sources:
        raise KcnError(
            _("The report is %(state)s: it cannot be %(action)s now.")
            % {"state": workflow.get_state_display(), "action": ReportState(target).label}
        )


def _locked_workflow(period: Period, actor: User | None) -> ReportWorkflow:
    """The period's workflow row, locked until the end of the transaction (created as a draft
    when there is none yet): the steps on one report run one after the other."""
    workflow, _created = ReportWorkflow.objects.select_for_update().get_or_create(
        period=period.code,
        defaults={
            "state": ReportState.DRAFT,
            "changed_at": timezone.now(),
            "changed_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    return workflow


def _move(
    workflow: ReportWorkflow,
    state: ReportState,
    actor: User | None,
    action: AuditAction,
    note: str = "",
) -> ReportWorkflow:
    before = {"state": workflow.state}
    workflow.state = state
    workflow.note = note
    if state != ReportState.APPROVED:
        workflow.approved_dataset = None  # the approved figures matter until publication
    workflow.changed_at = timezone.now()
    workflow.changed_by = actor if getattr(actor, "pk", None) else None
    workflow.save()
    audit_record(
        actor=actor,
        action=action,
        instance=workflow,
        before=before,
        after={"state": state.value, "note": note},
    )
    return workflow
