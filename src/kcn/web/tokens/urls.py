"""URLs of the staff application: the leader's page of API tokens."""

from __future__ import annotations

from django.urls import path

from kcn.web.tokens import views

urlpatterns = [
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<int:pk>/new/", views.token_create, name="token_create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
