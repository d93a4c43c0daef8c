"""URL of data entry for the register of documents."""

from __future__ import annotations

from django.urls import path

from kcn.documents import views

urlpatterns = [path("new/", views.document_new, name="document_new")]
