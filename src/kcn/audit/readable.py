"""Audit entries as people read them: field labels and formatted values, never a dict.

An entry stores its values as JSON (``records.record_values``): dates as ISO
strings, decimals as plain strings, a foreign key as the referenced record's
code. ``entry_changes`` turns them back into "Vốn đăng ký: 11.200.000 →
12.000.000" with the model's own field labels (``verbose_name``), dates
dd/mm/yyyy, numbers in the language's style, choices by their label and
references by their code and name. Keys that are not fields of the record
(a report's version, a token's prefix) have their label here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.audit.models import AuditEntry
from kcn.core.style import number

# Labels of the keys some entries carry that are not fields of their record's model.
KEY_LABELS = {
    "password": gettext_lazy("password"),
    "token": gettext_lazy("token"),
    "user": gettext_lazy("user"),
    "period": gettext_lazy("period"),
    "version": gettext_lazy("version"),
    "number": gettext_lazy("number"),
    "state": gettext_lazy("state"),
    "note": gettext_lazy("note"),
    "reason": gettext_lazy("reason"),
    "status": gettext_lazy("status"),
    "name": gettext_lazy("name"),
    "sha256": gettext_lazy("SHA-256"),
    "bytes": gettext_lazy("size (bytes)"),
    "rows": gettext_lazy("rows"),
    "sheets": gettext_lazy("sheets"),
    "records": gettext_lazy("records"),
    "workbook": gettext_lazy("workbook"),
    "article": gettext_lazy("article"),
    "report": gettext_lazy("report"),
    "issued_on": gettext_lazy("issued on"),
    "full_name": gettext_lazy("full name"),
    "role": gettext_lazy("role"),
    "investor": gettext_lazy("investor"),
    "is_active": gettext_lazy("active"),
}
# A long text (a narrative, a comment) is cut in the history; the record shows it whole.
LONGEST = 200
NOTHING = "–"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Change:
    """One value of an entry: its label, and the value before and after, as text."""

    label: str
    before: str
    after: str


def entry_model(entry: AuditEntry) -> type[models.Model] | None:
    """The model of the entry's record, if it still exists ("projects.project")."""
    try:
        return apps.get_model(entry.model)
    except (LookupError, ValueError):
        return None


def record_type(entry: AuditEntry) -> str:
    """The kind of record, as its model names itself ("dự án"), or "" if unknown."""
    model = entry_model(entry)
    return "" if model is None else str(model._meta.verbose_name)


def entry_changes(entry: AuditEntry) -> list[Change]:
    """The entry's values, field by field, in the model's order of fields."""
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    model = entry_model(entry)
    keys = list(after) + [key for key in before if key not in after]
    if model is not None:
        order = {field.name: n for n, field in enumerate(model._meta.get_fields())}
        keys.sort(key=lambda key: order.get(key, len(order)))
    changes = []
    for key in keys:
        field = _field(model, key)
        change = Change(
            label=_label(field, key),
            before=display(field, before[key]) if key in before else "",
            after=display(field, after[key]) if key in after else "",
        )
        if {change.before, change.after} <= {"", NOTHING}:
            continue  # an empty field of a record created or deleted says nothing
        changes.append(change)
    return changes


def _field(model: type[models.Model] | None, key: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _label(field: models.Field[Any, Any] | None, key: str) -> str:
    if field is not None:
        label = str(field.verbose_name)
    elif key in KEY_LABELS:
        label = str(KEY_LABELS[key])
    else:
        label = key.replace("_", " ")
    return label[:1].upper() + label[1:]


def display(field: models.Field[Any, Any] | None, value: Any) -> str:
    """A stored value as text, the way the field shows it on a page."""
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return "; ".join(f"{key}: {display(None, item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(display(field, item) for item in value)
    if field is not None:
        shown = _display_field(field, value)
        if shown is not None:
            return _cut(shown)
    if isinstance(value, int | float):
        return number(Decimal(repr(value)) if isinstance(value, float) else value, 2)
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            pass
    return _cut(str(value))


def _display_field(field: models.Field[Any, Any], value: Any) -> str | None:
    if field.choices:
        labels = {str(key): label for key, label in field.flatchoices}
        if str(value) in labels:
            return str(labels[str(value)])
    if isinstance(field, models.ForeignKey):
        return _reference(field, value)
    if isinstance(field, models.DateTimeField):
        moment = _parse_datetime(value)
        if moment is not None:
            return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")
    elif isinstance(field, models.DateField):
        try:
            return dt.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return None
    if isinstance(field, models.DecimalField | models.IntegerField | models.FloatField):
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            return None
        if not amount.is_finite():
            return None
        places = field.decimal_places if isinstance(field, models.DecimalField) else 2
        return number(amount, places or 0)
    if isinstance(field, models.BooleanField):
        return _("yes") if value in (True, "true", "True", 1) else _("no")
    return None


def _parse_datetime(value: Any) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt.UTC)


def _reference(field: models.ForeignKey[Any, Any], value: Any) -> str:
    """A referenced record by its code (as stored) and its name, if it still exists."""
    related = field.related_model
    assert isinstance(related, type)
    names = {f.name for f in related._meta.get_fields()}
    found = None
    for key in ("code", "symbol"):
        if key in names:
            found = related._default_manager.filter(**{key: value}).first()
            break
    if found is None and str(value).isdigit():
        found = related._default_manager.filter(pk=value).first()
    if found is None:
        return str(value)
    code = next((getattr(found, key) for key in ("code", "symbol") if key in names), "")
    shown = str(found)
    if code and code not in shown:
        return f"{code} – {shown}"
    return shown


def _cut(text: str) -> str:
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"
