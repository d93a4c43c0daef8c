"""Investors (nhà đầu tư)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Investor(models.Model):
    # The tax code (mã số thuế) for a Vietnamese company; any unique code for a foreign one.
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    country = models.CharField(_("country"), max_length=2)  # ISO 3166-1 alpha-2

    class Meta:
        verbose_name = _("investor")
        verbose_name_plural = _("investors")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country__regex=r"^[A-Z][A-Z]$"), name="investor_country_iso"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_domestic(self) -> bool:
        return self.country == "VN"
