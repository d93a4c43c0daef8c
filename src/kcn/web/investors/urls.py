"""URLs of the staff application: investors: the register, an investor's page, adding one."""

from __future__ import annotations

from django.urls import path

from kcn.web.investors import views

urlpatterns = [
    path("investors/", views.investor_list, name="investor_list"),
    path("investors/new/", views.investor_new, name="investor_new"),
    path("investors/search.json", views.investor_search, name="investor_search"),
    path("investors/<str:code>/", views.investor_detail, name="investor_detail"),
    path("investors/<str:code>/edit/", views.investor_edit, name="investor_edit"),
]
