"""URL map of the web application."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from kcn.indicators import views as indicator_views
from kcn.investors import views as investor_views
from kcn.zones import views as zone_views

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
    path("investors/new/", investor_views.investor_new, name="investor_new"),
    path("zones/<str:code>/events/new/", zone_views.zone_event_new, name="zone_event_new"),
    path("targets/new/", indicator_views.target_new, name="target_new"),
    path("", include("kcn.web.urls")),
]
