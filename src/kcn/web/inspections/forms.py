"""The form of an inspection."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.projects.models import InspectionKind
from kcn.web.entry import EntryForm, date_field


class InspectionForm(EntryForm):
    date = date_field(gettext_lazy("date"))
    kind = forms.ChoiceField(label=gettext_lazy("kind"), choices=InspectionKind.choices)
    violation = forms.BooleanField(label=gettext_lazy("violation found"), required=False)
    note = forms.CharField(
        label=gettext_lazy("note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
