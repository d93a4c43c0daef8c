"""URLs of the zones' map."""

from __future__ import annotations

from django.urls import path

from kcn.zones import views

urlpatterns = [path("", views.zone_map, name="zone_map")]
