"""Publishing freezes a report; later changes of the records show as a diff, never silently."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.audit.models import AuditEntry
from kcn.core.errors import KcnError
from kcn.core.periods import parse_period
from kcn.reports.models import PublishedReport
from kcn.reports.selectors import report_changes, report_dataset
from kcn.reports.services import narrative_set, report_publish
from tests import factories

pytestmark = pytest.mark.django_db

Q1 = parse_period("2022-Q1")


@pytest.fixture
def one_project():
    return factories.project("P-1", [(dt.date(2022, 2, 1), "issued", 5_000_000, "USD")])


def test_a_published_report_keeps_its_figures_after_the_records_change(one_project):
    report_publish(period="2022-Q1", number="45", issued_on=dt.date(2022, 3, 28))
    factories.project("P-2", [(dt.date(2022, 3, 1), "issued", 1_000_000, "USD")])

    frozen = report_dataset(Q1)
    live = report_dataset(Q1, live=True)
    assert frozen.value("new_projects") == 1
    assert live.value("new_projects") == 2
    assert (frozen.number, frozen.issued_on, frozen.version) == ("45", dt.date(2022, 3, 28), 1)
    assert live.version == 0


def test_the_diff_lists_each_figure_that_changed_since_publishing(one_project):
    report_publish(period="2022-Q1")
    factories.project("P-2", [(dt.date(2022, 3, 1), "issued", 1_000_000, "USD")])
    narrative_set(period="2022-Q1", section="health", text="Tiêm vắc xin.")

    published, changes = report_changes(Q1)
    lines = [str(change) for change in changes]
    assert published.version == 1
    assert any("(new_projects), period: 1 → 2" in line for line in lines)
    assert any("(new_capital_usd), period: 5,000,000 → 6,000,000" in line for line in lines)
    assert any(line.startswith("Narrative:") and "Tiêm vắc xin." in line for line in lines)


def test_nothing_changed_means_an_empty_diff(one_project):
    report_publish(period="2022-Q1")
    assert report_changes(Q1)[1] == []


def test_publishing_again_makes_a_new_version_and_is_audited(one_project):
    report_publish(period="2022-q1")
    second = report_publish(period="2022-Q1", number="46")
    assert second.version == 2
    assert report_dataset(Q1).number == "46"
    assert PublishedReport.objects.filter(period="2022-Q1").count() == 2
    assert AuditEntry.objects.filter(action="publish").count() == 2


def test_a_report_never_published_has_no_diff():
    with pytest.raises(KcnError, match="has not been published"):
        report_changes(Q1)


def test_a_document_number_is_digits_only():
    with pytest.raises(KcnError, match="number"):
        report_publish(period="2022-Q1", number="45/BC")


def test_the_frozen_dataset_survives_its_json_round_trip(one_project):
    report = report_publish(period="2022-Q1")
    frozen = report_dataset(Q1)
    assert frozen.to_json() == report.dataset
