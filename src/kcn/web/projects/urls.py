"""URLs of the staff application:
projects: the register, a project's page, its certificate, edits, ledger and labor reports.
"""

from __future__ import annotations

from django.urls import path

from kcn.web.projects import views

urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_new, name="project_new"),
    path("projects/<str:code>/", views.project_detail, name="project_detail"),
    path("projects/<str:code>/edit/", views.project_edit, name="project_edit"),
    path("projects/<str:code>/events/<str:kind>/", views.ledger_event_new, name="ledger_event_new"),
    path("projects/<str:code>/labor/", views.labor_report_new, name="labor_report_new"),
    path(
        "projects/<str:code>/events/<int:pk>/void/",
        views.ledger_event_void,
        name="ledger_event_void",
    ),
    path(
        "projects/<str:code>/labor/<int:pk>/void/",
        views.labor_report_void,
        name="labor_report_void",
    ),
]
