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
    # Not a numbered section: a part of its own after them, before the priority tasks, and only
    # when staff wrote it.
    SHORTCOMINGS = "shortcomings", _("Shortcomings, limitations and their causes")


# The sections numbered under "I. Kết quả thực hiện nhiệm vụ", in the report's order.
RESULT_SECTIONS = tuple(section for section in Section if section is not Section.SHORTCOMINGS)
