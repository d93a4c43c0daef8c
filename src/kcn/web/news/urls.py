"""URLs of the staff application: news for the portal."""

from __future__ import annotations

from django.urls import path

from kcn.web.news import views

urlpatterns = [
    path("news/", views.news_list, name="news_list"),
    path("news/new/", views.news_new, name="news_new"),
    path("news/<int:pk>/", views.news_detail, name="news_detail"),
    path("news/<int:pk>/edit/", views.news_edit, name="news_edit"),
    path("news/<int:pk>/publish/", views.news_publish, name="news_publish"),
    path("news/<int:pk>/unpublish/", views.news_unpublish, name="news_unpublish"),
    path("news/<int:pk>/picture/", views.news_picture, name="news_picture"),
]
