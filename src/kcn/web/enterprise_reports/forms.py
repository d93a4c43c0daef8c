"""The staff's review of an enterprise's report."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.web.entry import EntryForm


class ReviewForm(EntryForm):
    return_reason = forms.CharField(
        label=gettext_lazy("reason for return"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required to return the report; the enterprise reads it."),
    )
