"""URLs of the staff application:
inspections: the register, an inspection's page, recording one for a project.
"""

from __future__ import annotations

from django.urls import path

from kcn.web.inspections import views

urlpatterns = [
    path("inspections/", views.inspection_list, name="inspection_list"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("projects/<str:code>/inspections/new/", views.inspection_new, name="inspection_new"),
]
