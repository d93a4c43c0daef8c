"""Narratives and priority tasks: stored under the period's canonical code."""

from __future__ import annotations

import pytest

from kcn.audit.models import AuditEntry
from kcn.reports.models import Narrative, Priority
from kcn.reports.services import (
    narrative_clear,
    narrative_set,
    priorities_replace,
    priority_set,
)
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db


def texts(period: str) -> list[str]:
    return list(
        Priority.objects.filter(period=period).order_by("order").values_list("text", flat=True)
    )


def test_a_narrative_is_stored_under_the_canonical_period_code(specialist):
    narrative = narrative_set(
        period="2022-q1", section="health", text=" Tiêm vắc xin Covid-19. ", actor=specialist
    )
    assert (narrative.period, narrative.text) == ("2022-Q1", "Tiêm vắc xin Covid-19.")
    assert only_audit_entry(narrative).after == {
        "period": "2022-Q1",
        "section": "health",
        "text": "Tiêm vắc xin Covid-19.",
        "text_en": "",
    }
    narrative_set(period="2022-Q1", section="health", text="Đã tiêm mũi 3.")
    assert Narrative.objects.get().text == "Đã tiêm mũi 3."
    assert audit_of(narrative)[-1].before == {"text": "Tiêm vắc xin Covid-19."}


def test_it_refuses_a_narrative_for_what_is_not_a_period(refused):
    with refused("Period 2022-Q5 is not a period code") as error:
        narrative_set(period="2022-Q5", section="health", text="…")
    assert error.value.field == "period"


def test_it_refuses_a_narrative_for_an_unknown_section(refused):
    with refused("'covid' is not one of: planning, infrastructure"):
        narrative_set(period="2022-Q1", section="covid", text="…")


def test_it_refuses_an_empty_narrative(refused):
    with refused("narrative 2022-Q1 health, text: a value is required"):
        narrative_set(period="2022-Q1", section="health", text=" ")


def test_a_narrative_is_cleared_with_the_text_kept_in_the_audit():
    narrative = narrative_set(period="2022-Q1", section="other", text="Công tác khác.")
    assert narrative_clear(period="2022-q1", section="other")
    assert not Narrative.objects.exists()
    before = audit_of(narrative)[-1].before
    assert before is not None
    assert before["text"] == "Công tác khác."
    assert not narrative_clear(period="2022-Q1", section="other")


def test_a_priority_task_is_set_by_its_order(specialist):
    task = priority_set(period="2022-q2", order=1, text="Một là, …", actor=specialist)
    assert (task.period, only_audit_entry(task).action) == ("2022-Q2", "create")


@pytest.mark.parametrize(
    ("order", "text", "problem"),
    [
        (0, "Một là", "priority task 0 of 2022-Q2, order: '0' must be greater than 0"),
        (1, "", "priority task 1 of 2022-Q2, text: a value is required"),
    ],
)
def test_it_refuses_a_priority_task_that_breaks_a_rule(refused, order, text, problem):
    with refused(problem):
        priority_set(period="2022-Q2", order=order, text=text)


def test_replacing_the_tasks_writes_only_what_changed(specialist):
    priorities_replace(period="2022-Q2", texts=["Một", "Hai", "Ba"])
    assert AuditEntry.objects.filter(action="create").count() == 3
    priorities_replace(period="2022-q2", texts=["Một", "Hai (sửa)"], actor=specialist)
    assert texts("2022-Q2") == ["Một", "Hai (sửa)"]
    mine = AuditEntry.objects.filter(actor=specialist)
    assert sorted(mine.values_list("action", flat=True)) == ["delete", "update"]
    assert mine.get(action="update").after == {"text": "Hai (sửa)"}
    assert mine.get(action="delete").before == {
        "period": "2022-Q2",
        "order": 3,
        "text": "Ba",
        "text_en": "",
    }


def test_replacing_with_an_empty_task_writes_nothing(refused):
    priorities_replace(period="2022-Q2", texts=["Một", "Hai"])
    with refused("priority task 2 of 2022-Q2, text: a value is required"):
        priorities_replace(period="2022-Q2", texts=["Một (sửa)", " "])
    assert texts("2022-Q2") == ["Một", "Hai"]


def test_a_narrative_and_a_task_keep_their_english_text(specialist):
    narrative = narrative_set(
        period="2022-Q1",
        section="health",
        text="Tiêm vắc xin Covid-19.",
        text_en=" Covid-19 vaccination. ",
        actor=specialist,
    )
    assert Narrative.objects.get(pk=narrative.pk).text_en == "Covid-19 vaccination."
    narrative_set(period="2022-Q1", section="health", text="Tiêm vắc xin Covid-19.")
    assert audit_of(narrative)[-1].before == {"text_en": "Covid-19 vaccination."}
    task = priority_set(period="2022-Q2", order=1, text="Một là", text_en="First")
    assert Priority.objects.get(pk=task.pk).text_en == "First"


def test_english_tasks_go_with_the_tasks_of_their_order(refused):
    priorities_replace(period="2022-Q2", texts=["Một", "Hai", "Ba"], texts_en=["One", "Two"])
    rows = Priority.objects.filter(period="2022-Q2").order_by("order")
    assert list(rows.values_list("text", "text_en")) == [("Một", "One"), ("Hai", "Two"), ("Ba", "")]
    with refused("priority tasks of 2022-Q2, text in English: 2 tasks in English for 1 tasks"):
        priorities_replace(period="2022-Q2", texts=["Một"], texts_en=["One", "Two"])
