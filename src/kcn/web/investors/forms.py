"""The form of a new investor: the columns of the investors sheet."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.investors.sheets import INVESTORS
from kcn.web.sheetforms import SheetForm


class InvestorForm(SheetForm):
    country = forms.CharField(
        label=gettext_lazy("country"),
        max_length=2,
        initial="VN",
        help_text=gettext_lazy("Two letters (ISO 3166-1): VN, JP, KR, CN …"),
    )

    class Meta:
        sheet = INVESTORS
        help_texts = {
            "code": gettext_lazy(
                "A Vietnamese investor's tax code; for a foreign one, its own code."
            ),
        }


class InvestorEditForm(InvestorForm):
    """An investor's name and country (its code stays), with its fingerprint as read."""

    fingerprint = forms.CharField(widget=forms.HiddenInput)

    class Meta(InvestorForm.Meta):
        exclude = ("code",)
