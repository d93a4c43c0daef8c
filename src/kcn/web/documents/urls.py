"""URLs of the staff application: documents: the register, a document's page, registering one."""

from __future__ import annotations

from django.urls import path

from kcn.web.documents import views

urlpatterns = [
    path("documents/", views.document_list, name="document_list"),
    path("documents/new/", views.document_new, name="document_new"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("documents/<int:pk>/void/", views.document_void, name="document_void"),
]
