"""How a value of a drill-down row reads in a table cell and in a workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.formats import date_format

from kcn.documents.models import Direction, Document
from kcn.dossiers.models import Dossier
from kcn.projects.models import InspectionKind, Origin, Project, ProjectEventKind
from kcn.web.templatetags.kcn import format_number

# Columns that hold a choice code: shown with the choice's translated label.
CHOICES: dict[str, type[models.TextChoices]] = {
    "origin": Origin,
    "project__origin": Origin,
    "event": ProjectEventKind,
    "kind": InspectionKind,
    "direction": Direction,
}


@dataclass(frozen=True)
class Cell:
    text: str
    url: str = ""
    numeric: bool = False


def label(key: str, value: Any) -> Any:
    """The translated label of a choice code; any other value unchanged."""
    choices = CHOICES.get(key)
    if choices is not None and value:
        return str(dict(choices.choices).get(value, value))
    return value


def cell(model: type[models.Model], key: str, row: dict[str, Any]) -> Cell:
    value = row[key]
    if isinstance(value, bool):
        return Cell("✓" if value else "", "", False)
    if isinstance(value, int | float | Decimal):
        return Cell(format_number(value), "", True)
    if isinstance(value, dt.date):
        return Cell(date_format(value, "SHORT_DATE_FORMAT"))
    text = "" if value is None else str(label(key, value))
    return Cell(text, _url(model, key, row))


def _url(model: type[models.Model], key: str, row: dict[str, Any]) -> str:
    value = row[key]
    if not value:
        return ""
    if key == "project__code" or (key == "code" and model is Project):
        return reverse("project_detail", args=[value])
    if key == "zone__code":
        return reverse("zone_detail", args=[value])
    if key == "code" and model is Dossier:
        return reverse("dossier_detail", args=[value])
    if key == "symbol" and model is Document:
        return reverse("document_detail", args=[row["pk"]])
    return ""
