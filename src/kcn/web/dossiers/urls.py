"""URLs of the staff application:
dossiers: the register, a dossier's page, receiving and resolving one.
"""

from __future__ import annotations

from django.urls import path

from kcn.web.dossiers import views

urlpatterns = [
    path("dossiers/", views.dossier_list, name="dossier_list"),
    path("dossiers/new/", views.dossier_new, name="dossier_new"),
    path("dossiers/<str:code>/", views.dossier_detail, name="dossier_detail"),
    path("dossiers/<str:code>/resolve/", views.dossier_resolve, name="dossier_resolve"),
    path("dossiers/<str:code>/void/", views.dossier_void, name="dossier_void"),
]
