"""The sections of the periodic report (docs/reference/indicators.md, "The report document")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    PLANNING = "planning", _("On the planning and development of industrial zones")
    INFRASTRUCTURE = (
        "infrastructure",
        _("On land clearance and investment in the zones' infrastructure"),
    )
    INVESTMENT = "investment", _("On attracting investment")
    OPERATIONS = "operations", _("On the implementation and business of the projects")
    INSPECTION = "inspection", _("On inspection and supervision")
    HEALTH = "health", _("On disease prevention and care for workers")
    ADMIN_REFORM = "admin_reform", _("On administrative procedure reform")
    OTHER = "other", _("Other tasks")
