"""The staff web application's pages."""

from __future__ import annotations

from django.urls import path

from kcn.web.views import accounts, dashboard, registries

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("indicators/<str:code>/", dashboard.indicator_records, name="indicator"),
    path("accounts/password/", accounts.password_change, name="password_change"),
    path("users/", accounts.user_list, name="user_list"),
    path("users/new/", accounts.user_new, name="user_new"),
    path("users/<int:pk>/", accounts.user_edit, name="user_edit"),
    path("zones/", registries.zone_list, name="zone_list"),
    path("zones/<str:code>/", registries.zone_detail, name="zone_detail"),
    path("investors/", registries.investor_list, name="investor_list"),
    path("investors/<str:code>/", registries.investor_detail, name="investor_detail"),
    path("projects/", registries.project_list, name="project_list"),
    path("projects/<str:code>/", registries.project_detail, name="project_detail"),
    path("dossiers/", registries.dossier_list, name="dossier_list"),
    path("dossiers/<str:code>/", registries.dossier_detail, name="dossier_detail"),
    path("inspections/", registries.inspection_list, name="inspection_list"),
    path("inspections/<int:pk>/", registries.inspection_detail, name="inspection_detail"),
    path("documents/", registries.document_list, name="document_list"),
    path("documents/<int:pk>/", registries.document_detail, name="document_detail"),
    path("targets/", registries.target_list, name="target_list"),
    path("narratives/", registries.narrative_list, name="narrative_list"),
    path("priorities/", registries.priority_list, name="priority_list"),
]
