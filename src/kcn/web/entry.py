"""Data entry: a form's cleaned data goes to one service; its refusal comes back to the form.

Services check every record with the same rules as the workbook import and
raise ``RecordError`` naming the field; the message is shown beside that
field, or above the form when the problem is about the record as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import capfirst

from kcn.core.errors import KcnError, RecordError
from kcn.web.inputs import DayField

T = TypeVar("T")

# Model field names that a form shows under another name.
FIELD_ALIASES = {
    "capital": "capital_change",
    "investor": "investor_code",
    "parent": "parent_symbol",
}


def run_service(form: forms.Form, call: Callable[[], T]) -> T | None:
    """``call()``'s result, or None with its refusal added to ``form``."""
    try:
        return call()
    except RecordError as error:
        field = error.field if error.field in form.fields else FIELD_ALIASES.get(error.field)
        form.add_error(field if field in form.fields else None, error.message)
    except KcnError as error:
        form.add_error(None, str(error))
    return None


def date_field(label: Any, *, required: bool = True) -> forms.DateField:
    """A date typed and shown ``dd/mm/yyyy`` in any browser (``web/inputs.py``)."""
    return DayField(label=label, required=required)


class EntryForm(forms.Form):
    """A data-entry form whose labels, taken from the models' field names ("tên",
    "loại tiền"), start with a capital letter, as Django's model forms do."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.label:
                field.label = capfirst(field.label)


def entry_page(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], T],
    *,
    title: str,
    submit: str,
    cancel: str,
    success: Callable[[T], str],
    next_url: Callable[[T], str],
    intro: str = "",
) -> HttpResponse:
    """The one shape of every data-entry view: show the form; on a valid POST call ``save``
    with the cleaned data; on success say so and go to ``next_url``, else show the form
    again with the refusal beside its field (status 400)."""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = run_service(form, lambda: save(data))
        if result is not None:
            messages.success(request, success(result))
            return redirect(next_url(result))
    context = {"form": form, "title": title, "intro": intro, "submit": submit, "cancel": cancel}
    return render(request, "web/form.html", context, status=400 if form.errors else 200)
