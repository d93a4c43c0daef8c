"""URLs of the staff application: background jobs other than imports (report documents,
reminders), their files, and starting them."""

from __future__ import annotations

from django.urls import path

from kcn.web.jobs import views

urlpatterns = [
    path("jobs/report/<str:code>/<str:fmt>/", views.report_job_start, name="report_job_start"),
    path("jobs/reminders/", views.reminders_job_start, name="reminders_job_start"),
    path("jobs/<uuid:job_id>/", views.job_page, name="job_page"),
    path("jobs/<uuid:job_id>/cancel/", views.job_cancel_view, name="job_cancel"),
    path("jobs/<uuid:job_id>/file/", views.job_file_download, name="job_file"),
]
