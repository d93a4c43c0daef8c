"""URLs of the staff's inbox of enterprises' reports."""

from __future__ import annotations

from django.urls import path

from kcn.web.enterprise_reports import views

urlpatterns = [
    path("enterprise-reports/", views.report_inbox, name="report_inbox"),
    path("enterprise-reports/<str:kind>/<int:pk>/", views.report_review, name="report_review"),
    path(
        "enterprise-reports/remind/<str:code>/<str:period>/",
        views.report_remind,
        name="report_remind",
    ),
]
