"""URLs of the staff application: the portal's settings, its zones' texts, its preview."""

from __future__ import annotations

from django.urls import path

from kcn.web.publishing import views

urlpatterns = [
    path("portal-settings/", views.portal_settings, name="portal_settings"),
    path("portal-settings/zones/<str:code>/", views.portal_zone_edit, name="portal_zone_edit"),
    path("portal-preview/", views.portal_preview, name="portal_preview"),
]
