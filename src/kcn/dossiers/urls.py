"""URLs of data entry for dossiers (the lists and pages are in kcn.web)."""

from __future__ import annotations

from django.urls import path

from kcn.dossiers import views

urlpatterns = [
    path("new/", views.dossier_new, name="dossier_new"),
    path("<str:code>/resolve/", views.dossier_resolve, name="dossier_resolve"),
]
