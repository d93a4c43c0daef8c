"""Targets the province assigns to the board, on the same (indicator, year) grid as actuals."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Target(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    indicator = models.CharField(_("indicator"), max_length=64)
    # The target, or the low end of a range ("01–02 KCN").
    target = models.DecimalField(_("target"), max_digits=22, decimal_places=4)
    target_max = models.DecimalField(
        _("upper end of range"), max_digits=22, decimal_places=4, null=True, blank=True
    )
    assigned_by = models.ForeignKey(
        "documents.Document",
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    # How the target reads in a report: "đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp".
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["year", "indicator"], name="target_once_per_year"),
            models.CheckConstraint(
                condition=Q(target_max__gte=F("target")), name="target_range_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.indicator}: {self.target}"
