"""A background job as its users see it: what it does, where it stands, what came of it.

The queue itself (which job a worker takes next) is django-tasks' database backend; a
``Job`` is the record the pages and the API show: its state, its progress, the summary of
what it wrote or the problems that stopped it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    IMPORT = "import", _("workbook import")
    REPORT = "report", _("report document")
    REMINDERS = "reminders", _("reminders to enterprises")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("done")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


class Job(models.Model):
    # A random id: a job's address does not reveal how many jobs there are.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=JobKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    # An import's uploaded file; a report document's file, once it is written.
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    # What the job is asked to do beyond its kind: a report's {period, format, live}.
    options = models.JSONField(_("options"), default=dict, blank=True)
    # The day a job the worker queues by itself is for (the daily reminders): one a day.
    scheduled_for = models.DateField(_("scheduled for"), null=True, blank=True)
    # The language of the person who started it: the problems are written in it.
    language = models.CharField(_("language"), max_length=8, default="vi")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Rows read so far (while it runs, the live count is in the job's folder: progress.py).
    rows_done = models.PositiveIntegerField(_("rows read"), default=0)
    # What it wrote ({sheet: {rows, added, updated, unchanged}}), or why it stopped; a
    # report's {bytes, seconds}; the reminders' {sent, letters, without_address}.
    summary = models.JSONField(_("summary"), null=True, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)  # [{sheet, cell, message}]
    problems_total = models.PositiveIntegerField(_("number of problems"), default=0)
    # Rows possible but unlikely, listed beside the summary ([{sheet, cell, message}]).
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=JobKind.values), name="job_kind_known"),
            models.CheckConstraint(
                condition=Q(status__in=JobStatus.values), name="job_status_known"
            ),
            models.UniqueConstraint(
                fields=["kind", "scheduled_for"], name="job_scheduled_once_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED
