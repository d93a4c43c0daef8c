"""The form of a new investor."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.web.entry import EntryForm


class InvestorForm(EntryForm):
    code = forms.CharField(
        label=gettext_lazy("code"),
        max_length=32,
        help_text=gettext_lazy(
            "A Vietnamese investor's tax code; for a foreign one, its own code."
        ),
    )
    name = forms.CharField(label=gettext_lazy("name"), max_length=255)
    country = forms.CharField(
        label=gettext_lazy("country"),
        max_length=2,
        initial="VN",
        help_text=gettext_lazy("Two letters (ISO 3166-1): VN, JP, KR, CN …"),
    )
