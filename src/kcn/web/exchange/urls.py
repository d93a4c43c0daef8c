"""URLs of the staff application: import and export of the exchange workbook."""

from __future__ import annotations

from django.urls import path

from kcn.web.exchange import views

urlpatterns = [
    path("exchange/", views.exchange_page, name="exchange_page"),
    path("exchange/import/", views.exchange_import, name="exchange_import"),
    path("exchange/export/", views.exchange_export, name="exchange_export"),
]
