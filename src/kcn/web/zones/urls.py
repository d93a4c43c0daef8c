"""URLs of the staff application: zones: the register, a zone's page and milestones, the map."""

from __future__ import annotations

from django.urls import path

from kcn.web.zones import views

urlpatterns = [
    path("zones/", views.zone_list, name="zone_list"),
    path("zones/<str:code>/", views.zone_detail, name="zone_detail"),
    path("zones/<str:code>/edit/", views.zone_edit, name="zone_edit"),
    path("zones/<str:code>/events/new/", views.zone_event_new, name="zone_event_new"),
    path("zones/<str:code>/events/<int:pk>/void/", views.zone_event_void, name="zone_event_void"),
    path("map/", views.zone_map, name="zone_map"),
]
