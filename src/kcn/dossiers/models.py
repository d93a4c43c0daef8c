"""The one-stop shop: administrative procedures, dossiers and the working-day calendar.

A complete dossier is received and its receipt fixes the date for returning
the result (Decree 61/2018/NĐ-CP, art. 19, as amended by Decree
107/2021/NĐ-CP). "Early" is before that date, "on time" on or before it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kcn.audit.models import Voidable


class Procedure(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    # The time limit the province publishes, in working days.
    working_days = models.PositiveSmallIntegerField(_("working days"))

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(working_days__gt=0), name="procedure_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    COUNTER = "counter", _("at the counter")
    POST = "post", _("by post")


class Result(models.TextChoices):
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")
    RETURNED = "returned", _("returned to the applicant")


class Dossier(Voidable):
    code = models.CharField(_("receipt number"), max_length=40, unique=True)
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("procedure"), on_delete=models.PROTECT, related_name="dossiers"
    )
    applicant = models.CharField(_("applicant"), max_length=255, blank=True)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices, blank=True)
    result = models.CharField(_("result"), max_length=8, choices=Result.choices, blank=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["received_on", "id"]
        indexes = [
            # Covering indexes for the one-stop-shop indicators (counts by date range).
            models.Index(fields=["received_on", "resolved_on"]),
            models.Index(fields=["resolved_on", "due_on"]),
            models.Index(fields=["due_on", "resolved_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(resolved_on__gte=F("received_on")),
                name="dossier_resolved_after_received",
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("received_on")), name="dossier_due_after_received"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=[*Channel.values, ""]), name="dossier_channel_known"
            ),
            models.CheckConstraint(
                condition=Q(result__in=[*Result.values, ""]), name="dossier_result_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.received_on:%d/%m/%Y})"


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("declared day off")
    WORKING_DAY = "working_day", _("declared working day")


class CalendarDay(models.Model):
    """An override of the national working-day calendar declared for the board."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CalendarDayKind.choices)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CalendarDayKind.values), name="calendar_day_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"
