"""URLs of the staff application: the province's targets."""

from __future__ import annotations

from django.urls import path

from kcn.web.targets import views

urlpatterns = [
    path("targets/", views.target_list, name="target_list"),
    path("targets/new/", views.target_new, name="target_new"),
]
