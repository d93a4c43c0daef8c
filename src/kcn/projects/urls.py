"""URLs of data entry for projects (the lists and pages are in kcn.web)."""

from __future__ import annotations

from django.urls import path

from kcn.projects import views

urlpatterns = [
    path("new/", views.project_new, name="project_new"),
    path("<str:code>/events/<str:kind>/", views.ledger_event_new, name="ledger_event_new"),
    path("<str:code>/edit/", views.project_edit, name="project_edit"),
    path("<str:code>/labor/", views.labor_report_new, name="labor_report_new"),
    path("<str:code>/inspections/new/", views.inspection_new, name="inspection_new"),
]
