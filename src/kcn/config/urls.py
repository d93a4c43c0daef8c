"""URL map of the web application."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(next_page="login"), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("reports/", include("kcn.reports.urls")),
    path("exchange/", include("kcn.exchange.urls")),
    path("map/", include("kcn.zones.urls")),
    # Data entry; before kcn.web's "projects/<code>/" so that "projects/new/" is a form.
    path("projects/", include("kcn.projects.urls")),
    path("dossiers/", include("kcn.dossiers.urls")),
    path("documents/", include("kcn.documents.urls")),
    path("", include("kcn.web.urls")),
]
