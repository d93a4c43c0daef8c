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
from django.utils.translation import gettext_lazy

from kcn.core.errors import KcnError, RecordError, RecordWarnings
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
    except RecordWarnings as found:  # possible but unlikely: the form asks to confirm
        form.warned = True  # type: ignore[attr-defined]
        for name, message in found.warnings:
            field = name if name in form.fields else FIELD_ALIASES.get(name)
            form.add_error(field if field in form.fields else None, message)
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
    "loại tiền"), start with a capital letter, as Django's model forms do.

    A form whose service may warn (``RecordWarnings``: possible but unlikely values) sets
    ``confirmable``: it gets a ``confirmed`` box, shown once the service has warned, which
    the view passes to the service.
    """

    confirmable = False
    warned = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.confirmable:
            self.fields["confirmed"] = forms.BooleanField(
                label=gettext_lazy("I have checked these figures: they are right"),
                required=False,
            )
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
    cancel_label: str = "",
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
    context = {
        "form": form,
        "title": title,
        "intro": intro,
        "submit": submit,
        "cancel": cancel,
        "warned": getattr(form, "warned", False),
        "cancel_label": cancel_label,
    }
    return render(request, "web/form.html", context, status=400 if form.errors else 200)
