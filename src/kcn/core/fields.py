"""Model fields used across apps, so that areas and money have one precision everywhere."""

from __future__ import annotations

from typing import Any

from django.db import models


def area_field(verbose_name: Any, **options: Any) -> models.DecimalField[Any, Any]:
    """An area in hectares, to a ten-thousandth (a square metre)."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=4, **options)


def money_field(verbose_name: Any, **options: Any) -> models.DecimalField[Any, Any]:
    """An amount in its currency's unit (USD with cents, or VND)."""
    return models.DecimalField(verbose_name, max_digits=20, decimal_places=2, **options)
