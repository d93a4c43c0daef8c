"""URLs of the staff application: import and export of the exchange workbook."""

from __future__ import annotations

from django.urls import path

from kcn.web.exchange import views

urlpatterns = [
    path("exchange/", views.exchange_page, name="exchange_page"),
    path("exchange/import/", views.exchange_import, name="exchange_import"),
    path("exchange/jobs/<uuid:job_id>/", views.exchange_job, name="exchange_job"),
    path(
        "exchange/jobs/<uuid:job_id>/cancel/",
        views.exchange_job_cancel,
        name="exchange_job_cancel",
    ),
    path("exchange/export/", views.exchange_export, name="exchange_export"),
]
