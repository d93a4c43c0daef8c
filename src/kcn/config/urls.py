"""URL map of the whole application."""

from __future__ import annotations

from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", include("kcn.api.urls")),  # the REST API: docs/api.md
    path("", include("kcn.portal.urls")),  # the public portal: portal/…, no login
    path("", include("kcn.web.urls")),
]
