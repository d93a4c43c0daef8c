"""What staff write for a report: section narratives and the next period's priorities."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kcn.reports.sections import Section


class Narrative(models.Model):
    period = models.CharField(_("period"), max_length=32)  # a period code: "2022-Q1"
    section = models.CharField(_("section"), max_length=16, choices=Section.choices)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        ordering = ["period", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "section"], name="narrative_once_per_section"
            ),
            models.CheckConstraint(
                condition=Q(section__in=Section.values), name="narrative_section_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.section}"


class Priority(models.Model):
    period = models.CharField(_("period"), max_length=32)  # the period the task is for
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("priority task")
        verbose_name_plural = _("priority tasks")
        ordering = ["period", "order"]
        constraints = [
            models.UniqueConstraint(fields=["period", "order"], name="priority_once_per_order"),
            models.CheckConstraint(condition=Q(order__gt=0), name="priority_order_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.period} #{self.order}"
