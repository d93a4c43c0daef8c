"""Data-entry forms derived from the sheets' definitions (``kcn.core.sheets``).

A ``SheetForm`` names a sheet in its ``Meta``; each column it takes becomes a
field built from the model field the column fills (its verbose name as the
label, the model's type, length, decimal places and choices), required as
the column is. A field the form declares itself stands for its column (a
lookup typed as a code, a year between limits); ``Meta.exclude`` leaves
columns out, ``Meta.fields`` takes only the columns listed; ``Meta.help_texts``
and ``Meta.widgets`` dress derived fields. The fields follow the sheet's
column order, then the form's other fields. So a column added to a sheet
appears on every form that takes all its columns.

``record_arguments`` turns the cleaned data back into the service's keyword
arguments (model field names), so that a view's save does not name columns
either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db import models
from django.forms.forms import DeclarativeFieldsMetaclass

from kcn.core.sheets import Column, Sheet
from kcn.web.entry import FIELD_ALIASES, EntryForm, date_field
from kcn.web.inputs import AmountField, CountField


def column_field(sheet: Sheet, column: Column, **options: Any) -> forms.Field:
    """The form field of a column: the model field's, required as the column is.

    A date is typed ``dd/mm/yyyy`` and a number ``25.000.000`` or ``5,2`` (``web/inputs.py``),
    whatever the browser's language; a choice offers an empty "—" only
    when the column may be empty and has no default; a number keeps the lower
    bound of the column's reader (``at_least``); a long text is a text area.
    """
    model_field = sheet.model_field(column)
    if isinstance(model_field, models.DateField):
        return date_field(model_field.verbose_name, required=column.required)
    options.setdefault("required", column.required)
    if model_field.choices:
        blank = not column.required and not model_field.has_default()
        choices = list(model_field.choices)
        options.setdefault("choices", [("", "—"), *choices] if blank else choices)
    minimum = getattr(column.read, "minimum", None)
    if minimum is not None and not getattr(column.read, "strict", False):
        options.setdefault("min_value", minimum)
    if isinstance(model_field, models.TextField):
        options.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
    if not model_field.choices:  # numbers typed "25.000.000" or "5,2" in any browser
        if isinstance(model_field, models.DecimalField):
            options.setdefault("form_class", AmountField)
        elif isinstance(model_field, models.IntegerField):
            options.setdefault("form_class", CountField)
    field = model_field.formfield(**options)
    if field is None:  # pragma: no cover - every column's field has a form field
        raise TypeError(f"{sheet.name}.{column.key} has no form field")
    return field


def form_names(column: Column) -> tuple[str, ...]:
    """The names a form may give a column's field: its key, its model field, their alias."""
    names = [column.key, column.field]
    if column.field in FIELD_ALIASES:
        names.append(FIELD_ALIASES[column.field])
    return tuple(dict.fromkeys(names))


def _column_of(sheet: Sheet, name: str) -> Column | None:
    for column in sheet.columns:
        if name in form_names(column):
            return column
    return None


class SheetFormMetaclass(DeclarativeFieldsMetaclass):
    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> type:
        new_class: Any = super().__new__(mcs, name, bases, attrs)
        meta = getattr(new_class, "Meta", None)
        sheet: Sheet | None = getattr(meta, "sheet", None)
        if sheet is None:
            return new_class  # type: ignore[no-any-return]
        declared: dict[str, forms.Field] = dict(new_class.declared_fields)
        only = getattr(meta, "fields", None)
        exclude = set(getattr(meta, "exclude", ()))
        help_texts: Mapping[str, Any] = getattr(meta, "help_texts", {})
        widgets: Mapping[str, Any] = getattr(meta, "widgets", {})
        fields: dict[str, forms.Field] = {}
        for column in sheet.columns:
            given = next((n for n in form_names(column) if n in declared), None)
            if given is not None:
                fields[given] = declared.pop(given)
                continue
            if column.key in exclude or (only is not None and column.key not in only):
                continue
            if column.lookup is not None:
                raise TypeError(
                    f"{name}: declare the field of lookup column {sheet.name}.{column.key} "
                    "or exclude it"
                )
            options: dict[str, Any] = {}
            if column.key in help_texts:
                options["help_text"] = help_texts[column.key]
            if column.key in widgets:
                options["widget"] = widgets[column.key]
            fields[column.key] = column_field(sheet, column, **options)
        new_class.base_fields = {**fields, **declared}
        return new_class  # type: ignore[no-any-return]


class SheetForm(EntryForm, metaclass=SheetFormMetaclass):
    """An entry form whose fields are the columns of ``Meta.sheet`` (see the module)."""

    class Meta:
        sheet: Sheet | None = None

    @classmethod
    def initial_from(cls, instance: models.Model) -> dict[str, Any]:
        """The values of ``instance`` for the fields that stand for columns (an edit form).

        A lookup shown as a key (``investor_code``) gets the named record's key.
        """
        sheet: Sheet = cls.Meta.sheet  # type: ignore[assignment]
        initial: dict[str, Any] = {}
        for name in cls.base_fields:
            column = _column_of(sheet, name)
            if column is None:
                continue
            value = getattr(instance, column.field)
            if column.lookup is not None and name != column.field and value is not None:
                value = getattr(value, column.lookup.key)
            initial[name] = value
        return initial


def record_arguments(sheet: Sheet, data: Mapping[str, Any]) -> dict[str, Any]:
    """The cleaned ``data`` of a sheet's columns, by model field: a service's arguments.

    Only the columns the form has are given; the others keep the service's defaults.
    """
    arguments: dict[str, Any] = {}
    for column in sheet.columns:
        for name in form_names(column):
            if name in data:
                arguments[column.field] = data[name]
                break
    return arguments
