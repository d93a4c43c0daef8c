"""URLs of import and export in the browser."""

from __future__ import annotations

from django.urls import path

from kcn.exchange import views

urlpatterns = [
    path("", views.exchange_page, name="exchange_page"),
    path("import/", views.exchange_import, name="exchange_import"),
    path("export/", views.exchange_export, name="exchange_export"),
]
