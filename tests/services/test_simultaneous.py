"""Use cases run at the same moment by several people: exactly one wins, the others are refused.

Each test starts ten threads (one database connection each) that wait at a barrier and then
call the same use case at once, committed for real (``transactional_db``). On SQLite the
writers queue behind each other (IMMEDIATE transactions and the busy timeout of
``config/settings.py``); on PostgreSQL they run side by side and the row locks and unique
constraints inside each use case's transaction decide.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.utils import translation

from kcn.audit.models import AuditAction, AuditEntry
from kcn.core.errors import KcnError, RecordError
from kcn.core.periods import parse_period
from kcn.documents.models import Document
from kcn.documents.services import document_register
from kcn.indicators.models import Target
from kcn.indicators.services import target_record
from kcn.investors.models import Investor
from kcn.investors.services import investor_register
from kcn.projects.models import LaborReport, Project
from kcn.projects.services import labor_report_record, project_edit, project_fingerprint
from kcn.reports.models import PublishedReport
from kcn.reports.workflow import report_approve, report_publish, report_submit
from tests import factories as f

pytestmark = pytest.mark.slow

PEOPLE = 10


def at_once(work: Callable[[int], Any], people: int = PEOPLE) -> list[Any]:
    """``work(i)`` in ``people`` threads started together: each result, or the exception."""
    barrier = threading.Barrier(people)
    outcomes: list[Any] = [None] * people

    def run(index: int) -> None:
        try:
            barrier.wait()
            with translation.override("en"):  # the language is per thread
                outcomes[index] = work(index)
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def saved_and_refused(outcomes: list[Any]) -> tuple[list[Any], list[RecordError]]:
    unexpected = [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, KcnError)]
    assert unexpected == []  # no IntegrityError, no "database is locked"
    saved = [o for o in outcomes if not isinstance(o, Exception)]
    refused = [o for o in outcomes if isinstance(o, RecordError)]
    return saved, refused


@pytest.fixture
def project(transactional_db: None) -> Project:
    return f.project(
        "P-1",
        [(dt.date(2022, 1, 10), "issued", 1_000_000, "USD"), (dt.date(2022, 1, 20), "operational")],
    )


def test_ten_simultaneous_new_labor_reports_with_one_key_save_one(project):
    outcomes = at_once(
        lambda i: labor_report_record(
            project=project, period_end=dt.date(2022, 3, 31), employees=100 + i
        )
    )
    saved, refused = saved_and_refused(outcomes)
    assert (len(saved), len(refused)) == (1, PEOPLE - 1)
    assert {error.field for error in refused} == {"period_end"}
    winner = LaborReport.objects.get(project=project, period_end=dt.date(2022, 3, 31))
    assert winner.employees == saved[0].employees
    assert str(refused[0]) == (
        "labor report of project P-1 to 31/03/2022, period end: a report to this date is "
        f"already recorded ({winner.employees} employees): replace it to change it"
    )
    assert AuditEntry.objects.filter(model="projects.laborreport").count() == 1


def test_ten_simultaneous_new_targets_investors_and_documents_save_one_each(transactional_db):
    cases: list[tuple[Callable[[int], Any], type[Any], str]] = [
        (
            lambda i: target_record(year=2022, indicator="new_projects", target=10 + i),
            Target,
            "indicator",
        ),
        (
            lambda i: investor_register(code="JP-0100", name=f"Công ty {i}", country="JP"),
            Investor,
            "code",
        ),
        (
            lambda i: document_register(
                symbol="45/BC-BQL", date=dt.date(2022, 3, 28), direction="out", title=f"Bản {i}"
            ),
            Document,
            "symbol",
        ),
    ]
    for work, model, field in cases:
        saved, refused = saved_and_refused(at_once(work))
        assert (len(saved), len(refused)) == (1, PEOPLE - 1), model
        assert {error.field for error in refused} == {field}
        assert model.objects.count() == 1


def test_two_simultaneous_edits_from_the_same_page_save_one(project):
    seen = project_fingerprint(project)
    outcomes = at_once(
        lambda i: project_edit(
            project=project,
            fingerprint=seen,
            name=f"Tên {i}",
            zone=project.zone,
            investor=project.investor,
            origin=project.origin,
        ),
        people=2,
    )
    saved, refused = saved_and_refused(outcomes)
    assert (len(saved), len(refused)) == (1, 1)
    assert "Someone else changed this project" in str(refused[0])
    assert Project.objects.get(pk=project.pk).name == saved[0].name
    assert (
        AuditEntry.objects.filter(model="projects.project", action=AuditAction.UPDATE).count() == 1
    )


def test_an_approved_report_published_twice_at_once_is_published_once(project):
    period = parse_period("2022-Q1")
    report_submit(period=period, actor=None)
    report_approve(period=period, actor=None)
    outcomes = at_once(lambda i: report_publish(period=period, number=str(45 + i), actor=None), 3)
    published = [o for o in outcomes if isinstance(o, PublishedReport)]
    refused = [o for o in outcomes if isinstance(o, KcnError)]
    assert (len(published), len(refused)) == (1, 2)
    assert all("Only an approved report" in str(error) for error in refused)
    assert PublishedReport.objects.get().version == 1
