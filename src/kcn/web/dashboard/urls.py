"""URLs of the staff application: the dashboard and the records behind each figure."""

from __future__ import annotations

from django.urls import path

from kcn.web.dashboard import views

urlpatterns = [
    path("", views.home, name="home"),
    path("indicators/<str:code>/", views.indicator_records, name="indicator"),
]
