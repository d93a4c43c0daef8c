"""URLs of the staff application: readers' comments from the portal, moderated."""

from __future__ import annotations

from django.urls import path

from kcn.web.comments import views

urlpatterns = [
    path("comments/", views.comment_list, name="comment_list"),
    path("comments/<int:pk>/approve/", views.comment_approve, name="comment_approve"),
    path("comments/<int:pk>/reject/", views.comment_reject, name="comment_reject"),
]
