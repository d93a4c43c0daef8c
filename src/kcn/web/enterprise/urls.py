"""URLs of the enterprise's own pages: its reports to the board."""

from __future__ import annotations

from django.urls import path

from kcn.web.enterprise import views

urlpatterns = [
    path("enterprise/", views.enterprise_home, name="enterprise_home"),
    path(
        "enterprise/workbook/",
        views.enterprise_workbook_download,
        name="enterprise_workbook",
    ),
    path(
        "enterprise/workbook/upload/",
        views.enterprise_workbook_upload,
        name="enterprise_workbook_upload",
    ),
    path(
        "enterprise/reports/<str:code>/<str:period>/",
        views.project_report_form,
        name="enterprise_report",
    ),
    path(
        "enterprise/labor/<str:code>/<str:period>/",
        views.labor_filing_form,
        name="enterprise_labor",
    ),
]
