"""An enterprise saves, submits and corrects its reports; staff accept or return them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kcn.audit.models import AuditEntry
from kcn.core.errors import KcnError, RecordError, RecordWarnings
from kcn.enterprise_reports import services
from kcn.enterprise_reports.models import LaborFiling, ProjectReport, ReportStatus
from kcn.projects.models import LaborReport
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date
APRIL_5 = d(2022, 4, 5)


@pytest.fixture
def project():
    return f.project("P1", [(d(2021, 5, 1), "issued", 10_000_000, "USD")])


def submit(project, period="2022-Q1", today=APRIL_5, **figures):
    return services.project_report_save(
        project=project, period=period, figures=figures, submit=True, today=today
    )


def test_a_draft_may_be_incomplete_and_is_not_sent(project):
    report = services.project_report_save(
        project=project, period="2022-q1", figures={"revenue": Decimal(5)}, today=APRIL_5
    )
    assert report.period == "2022-Q1"
    assert report.status == ReportStatus.DRAFT
    assert report.submitted_on is None
    assert report.period_end == d(2022, 3, 31)


def test_submitting_sends_it_dated_today_and_it_can_no_longer_be_changed(project):
    report = submit(project, revenue=Decimal(5_000_000), employees=120)
    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_on == APRIL_5
    with pytest.raises(RecordError, match="can no longer be changed") as refused:
        submit(project, revenue=Decimal(1))
    assert refused.value.field == "status"


def test_a_quarter_cannot_be_reported_before_it_ends(project):
    with pytest.raises(RecordError, match="before 31/03/2022") as refused:
        submit(project, today=d(2022, 3, 30))
    assert refused.value.field == "submitted_on"


def test_a_project_reports_only_for_quarters_it_is_certified_in(project):
    late = f.project("P2", [(d(2022, 5, 1), "issued", 1_000_000, "USD")])
    with pytest.raises(RecordError, match="no certificate on or before 31/03/2022"):
        submit(late)
    f.add_event(project, d(2021, 12, 1), "terminated")
    with pytest.raises(RecordError, match="terminated on 01/12/2021"):
        submit(project)


def test_figures_must_not_be_negative_and_foreign_workers_are_some_of_the_workers(project):
    with pytest.raises(RecordError) as refused:
        submit(project, revenue=Decimal(-1))
    assert refused.value.field == "revenue"
    with pytest.raises(RecordError) as refused:
        submit(project, employees=10, foreign_employees=11)
    assert refused.value.field == "foreign_employees"


def test_the_detail_of_capital_realized_adds_up_to_it(project):
    with pytest.raises(RecordError, match="add up to 90") as refused:
        submit(
            project,
            capital_realized=Decimal(100),
            capital_contributed=Decimal(60),
            capital_loans=Decimal(30),
        )
    assert refused.value.field == "capital_realized"
    report = submit(
        project,
        capital_realized=Decimal(100),
        capital_contributed=Decimal(60),
        capital_loans=Decimal(30),
        capital_reinvested=Decimal(10),
    )
    assert report.capital_realized == 100


def test_a_period_that_is_not_a_quarter_is_refused(project):
    with pytest.raises(KcnError, match="not a quarter"):
        submit(project, period="2022-13")


def test_a_revenue_ten_times_the_previous_quarters_asks_for_a_confirmation(project):
    submit(project, revenue=Decimal(1_000_000), employees=100)
    with pytest.raises(RecordWarnings) as warned:
        submit(project, "2022-Q2", d(2022, 7, 2), revenue=Decimal(10_000_000), employees=40)
    assert [field for field, _message in warned.value.warnings] == ["revenue", "employees"]
    assert not ProjectReport.objects.filter(period="2022-Q2").exists()
    report = services.project_report_save(
        project=project,
        period="2022-Q2",
        figures={"revenue": Decimal(10_000_000), "employees": 40},
        submit=True,
        confirmed=True,
        today=d(2022, 7, 2),
    )
    assert report.status == ReportStatus.SUBMITTED


def test_staff_return_a_report_with_a_reason_and_the_enterprise_corrects_it(project):
    sent = submit(project, revenue=Decimal(5_000_000))
    with pytest.raises(RecordError, match="say why") as refused:
        services.project_report_review(report_id=sent.pk, accept=False, reason="  ")
    assert refused.value.field == "return_reason"
    returned = services.project_report_review(
        report_id=sent.pk, accept=False, reason="Doanh thu ghi theo nghìn đồng"
    )
    assert returned.status == ReportStatus.RETURNED
    again = submit(project, today=d(2022, 4, 12), revenue=Decimal(5_000_000))
    assert again.status == ReportStatus.SUBMITTED
    assert again.submitted_on == d(2022, 4, 12)  # the last submission
    accepted = services.project_report_review(report_id=sent.pk, accept=True)
    assert accepted.status == ReportStatus.ACCEPTED
    assert accepted.return_reason == ""
    with pytest.raises(RecordError, match="only a report waiting for review"):
        services.project_report_review(report_id=sent.pk, accept=True)
    changes = AuditEntry.objects.filter(model="enterprise_reports.projectreport")
    assert changes.count() == 4  # submitted, returned, submitted again, accepted


def test_an_accepted_labor_filing_becomes_the_projects_labor_report(project):
    filing = services.labor_filing_save(
        project=project,
        period="2022-H1",
        figures={"employees": 300, "foreign_employees": 4, "new_jobs": 25},
        submit=True,
        today=d(2022, 6, 3),
    )
    assert filing.period_end == d(2022, 5, 31)
    assert not LaborReport.objects.exists()
    services.labor_filing_review(filing_id=filing.pk, accept=True)
    report = LaborReport.objects.get()
    assert (report.period_end, report.employees, report.foreign_employees, report.new_jobs) == (
        d(2022, 5, 31),
        300,
        4,
        25,
    )
    assert LaborFiling.objects.get().status == ReportStatus.ACCEPTED


def test_a_labor_filing_needs_its_headcount_to_be_sent(project):
    with pytest.raises(RecordError) as refused:
        services.labor_filing_save(
            project=project, period="2022-H2", figures={}, submit=True, today=d(2022, 12, 1)
        )
    assert refused.value.field == "employees"
