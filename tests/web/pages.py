"""Every page of the staff application and of the public portal, as an address to open.

``page_urls`` gives one address per GET page, filled in with the records of
the small valid workbook of ``tests/exchange/samples.py``; the security tests
open them all. ``test_every_page_has_an_address`` fails when a page is added
without one here, so that no new page escapes those tests.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

from kcn.accounts.models import User
from kcn.documents.models import Document
from kcn.enterprise_reports.models import ProjectReport
from kcn.jobs import files
from kcn.jobs.models import Job, JobKind, JobStatus
from kcn.projects.models import Inspection, LaborReport, ProjectEvent
from kcn.publishing.models import Article
from kcn.zones.models import ZoneEvent

# Pages that only take a POST (a form's action); they answer a GET with 405 or a redirect.
POST_ONLY = {
    "logout",
    "set_language",
    "report_texts",
    "report_submit",
    "report_approve",
    "report_return",
    "report_publish",
    "exchange_import",
    "exchange_job_cancel",
    "report_job_start",
    "reminders_job_start",
    "job_cancel",
    "report_remind",
    "news_publish",
    "news_unpublish",
    "comment_approve",
    "comment_reject",
    "user_unlock",
    "token_create",
    "token_revoke",
}


def route_names() -> Iterator[str]:
    def walk(patterns: list[URLPattern | URLResolver]) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "api":
                    continue  # the REST API answers JSON: tests/api
                yield from walk(pattern.url_patterns)
            elif pattern.name:
                yield pattern.name

    yield from walk(get_resolver().url_patterns)


def page_urls(user: User) -> dict[str, str]:
    """{route name: address} of every GET page a board member opens, for the sample
    workbook's records."""
    plan = Document.objects.get(symbol="166/KH-BQL")
    inspection = Inspection.objects.order_by("pk").first()
    assert inspection is not None
    report = ProjectReport.objects.get(project__code="P2", period="2022-Q1")
    article = Article.objects.order_by("pk").first()
    assert article is not None
    event = ProjectEvent.objects.filter(project__code="P2").order_by("pk").first()
    labor = LaborReport.objects.order_by("pk").first()
    milestone = ZoneEvent.objects.filter(zone__code="TLII-3").order_by("pk").first()
    assert event is not None
    assert labor is not None
    assert milestone is not None
    job = Job.objects.create(kind=JobKind.IMPORT, file_name="ho-so.xlsx", created_by=user)
    report_job = Job.objects.create(
        kind=JobKind.REPORT,
        status=JobStatus.SUCCEEDED,
        options={"period": "2022-Q1", "format": "pdf", "live": True},
        file_name="bao-cao-2022-Q1.pdf",
        summary={"content_type": "application/pdf", "bytes": 9, "seconds": 0.1},
        created_by=user,
    )
    files.store_result(report_job.pk, b"%PDF-1.7\n")
    return {
        "login": "/accounts/login/",
        "home": "/?period=2022-Q1",
        "indicator": "/indicators/new_projects/?period=2022-Q1",
        "password_change": "/accounts/password/",
        "user_list": "/users/",
        "user_new": "/users/new/",
        "user_edit": f"/users/{user.pk}/",
        "report_page": "/reports/?period=2022-Q1",
        "report_preview": "/reports/2022-Q1/preview/?live=1",
        "report_download": "/reports/2022-Q1/download/md/?live=1",
        "report_form": "/reports/2022-Q1/forms/2104/",
        "exchange_page": "/exchange/",
        "exchange_export": "/exchange/export/",
        "exchange_job": f"/exchange/jobs/{job.pk}/",
        "job_page": f"/jobs/{report_job.pk}/",
        "job_file": f"/jobs/{report_job.pk}/file/",
        "token_list": "/tokens/",
        "zone_map": "/map/",
        "zone_list": "/zones/",
        "zone_detail": "/zones/TLII-3/",
        "zone_event_new": "/zones/TLII-3/events/new/",
        "zone_edit": "/zones/TLII-3/edit/",
        "zone_event_void": f"/zones/TLII-3/events/{milestone.pk}/void/",
        "investor_edit": "/investors/JP-0001/edit/",
        "investor_search": "/investors/search.json?q=JP",
        "investor_list": "/investors/",
        "investor_detail": "/investors/JP-0001/",
        "investor_new": "/investors/new/",
        "project_list": "/projects/",
        "project_detail": "/projects/P2/",
        "project_new": "/projects/new/",
        "project_edit": "/projects/P2/edit/",
        "ledger_event_new": "/projects/P2/events/adjusted/",
        "labor_report_new": "/projects/P2/labor/",
        "ledger_event_void": f"/projects/P2/events/{event.pk}/void/",
        "labor_report_void": f"/projects/{labor.project.code}/labor/{labor.pk}/void/",
        "inspection_new": "/projects/P2/inspections/new/",
        "dossier_list": "/dossiers/",
        "dossier_detail": "/dossiers/D1/",
        "dossier_new": "/dossiers/new/",
        "dossier_resolve": "/dossiers/D2/resolve/",
        "dossier_void": "/dossiers/D2/void/",
        "inspection_list": "/inspections/",
        "inspection_detail": f"/inspections/{inspection.pk}/",
        "document_list": "/documents/",
        "document_detail": f"/documents/{plan.pk}/",
        "document_new": "/documents/new/",
        "document_edit": f"/documents/{plan.pk}/edit/",
        "document_void": f"/documents/{plan.pk}/void/",
        "target_list": "/targets/",
        "target_new": "/targets/new/",
        "narrative_list": "/narratives/",
        "priority_list": "/priorities/",
        "report_inbox": "/enterprise-reports/?period=2022-Q1",
        "report_review": f"/enterprise-reports/quarter/{report.pk}/",
        # The public portal (no login).
        "portal_home": "/portal/",
        "portal_search": "/portal/tim-kiem/?q=img",
        "portal_news_list": "/portal/tin-tuc/",
        "portal_article": f"/portal/tin-tuc/{article.slug}/",
        "portal_picture": f"/portal/anh/{article.picture}",
        "portal_report_list": "/portal/bao-cao/",
        "portal_report": "/portal/bao-cao/2022-Q1/",
        "portal_report_file": "/portal/bao-cao/2022-Q1/tai-ve.docx",
        "portal_report_chart": "/portal/bao-cao/2022-Q1/bieu-do/targets.png",
        "portal_zone_list": "/portal/khu-cong-nghiep/",
        "portal_zone": "/portal/khu-cong-nghiep/TLII-3/",
        "portal_procedures": "/portal/thu-tuc/?ma=D1",
        "portal_data": "/portal/du-lieu/",
        "portal_data_catalogue": "/portal/du-lieu/catalog.jsonld",
        "portal_data_json": "/portal/du-lieu/2022-Q1.json",
        "portal_data_csv": "/portal/du-lieu/2022-Q1.csv",
        "portal_feed": "/portal/feed/",
        # The portal from the staff's side.
        "news_list": "/news/",
        "news_new": "/news/new/",
        "news_detail": f"/news/{article.pk}/",
        "news_edit": f"/news/{article.pk}/edit/",
        "news_picture": f"/news/{article.pk}/picture/",
        "comment_list": "/comments/?status=all",
        "portal_settings": "/portal-settings/",
        "portal_zone_edit": "/portal-settings/zones/TLII-3/",
        "portal_preview": "/portal-preview/",
    }


def enterprise_page_urls() -> dict[str, str]:
    """{route name: address} of the pages only an enterprise user opens (its own reports),
    for the hostile board's enterprise user (investor JP-0001, project P2)."""
    return {
        "enterprise_home": "/enterprise/",
        "enterprise_report": "/enterprise/reports/P2/2022-Q1/",
        "enterprise_labor": "/enterprise/labor/P2/2022-H1/",
        "enterprise_workbook": "/enterprise/workbook/",
        "enterprise_workbook_upload": "/enterprise/workbook/upload/",
    }
