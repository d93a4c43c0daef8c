"""URLs of the staff application: the reports page and the staff's texts for reports."""

from __future__ import annotations

from django.urls import path

from kcn.web.reports import views

urlpatterns = [
    path("reports/", views.report_page, name="report_page"),
    path("reports/<str:code>/texts/", views.report_texts, name="report_texts"),
    path("reports/<str:code>/submit/", views.report_submit, name="report_submit"),
    path("reports/<str:code>/approve/", views.report_approve, name="report_approve"),
    path("reports/<str:code>/return/", views.report_return, name="report_return"),
    path("reports/<str:code>/publish/", views.report_publish_view, name="report_publish"),
    path("reports/<str:code>/preview/", views.report_preview, name="report_preview"),
    path("reports/<str:code>/download/<str:fmt>/", views.report_download, name="report_download"),
    path("reports/<str:code>/forms/<str:form>/", views.report_form, name="report_form"),
    path("narratives/", views.narrative_list, name="narrative_list"),
    path("priorities/", views.priority_list, name="priority_list"),
]
