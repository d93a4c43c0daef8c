"""URLs of the reports page."""

from __future__ import annotations

from django.urls import path

from kcn.reports import views

urlpatterns = [
    path("", views.report_page, name="report_page"),
    path("<str:code>/texts/", views.report_texts, name="report_texts"),
    path("<str:code>/submit/", views.report_submit, name="report_submit"),
    path("<str:code>/approve/", views.report_approve, name="report_approve"),
    path("<str:code>/return/", views.report_return, name="report_return"),
    path("<str:code>/publish/", views.report_publish_view, name="report_publish"),
    path("<str:code>/preview/", views.report_preview, name="report_preview"),
    path("<str:code>/download/<str:fmt>/", views.report_download, name="report_download"),
]
