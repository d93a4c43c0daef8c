"""The portal's settings and what it says about a zone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from kcn.documents.models import Document
from kcn.publishing.selectors import plan_choices
from kcn.web.entry import EntryForm


class PlanChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, Document)
        return f"{obj.symbol} ({obj.date:%d/%m/%Y}) {obj.title}".strip()


class PortalSettingsForm(EntryForm):
    address = forms.CharField(label=gettext_lazy("address"), max_length=255, required=False)
    phone = forms.CharField(label=gettext_lazy("telephone"), max_length=64, required=False)
    email = forms.EmailField(label=gettext_lazy("e-mail"), required=False)
    office_hours = forms.CharField(
        label=gettext_lazy("office hours"), max_length=255, required=False
    )
    about = forms.CharField(
        label=gettext_lazy("about the board"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("A sentence or two at the top of the portal's home page."),
    )
    licence = forms.CharField(
        label=gettext_lazy("licence of the open data"),
        max_length=100,
        help_text=gettext_lazy("CC BY 4.0 unless the board decides otherwise."),
    )
    licence_url = forms.URLField(
        label=gettext_lazy("address of the licence"), assume_scheme="https"
    )
    plans = PlanChoice(
        label=gettext_lazy("thematic plans shown"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Plans (KH) that are not secret; the home page lists those ticked."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plans = self.fields["plans"]
        assert isinstance(plans, PlanChoice)
        plans.queryset = plan_choices()


class ZoneListingForm(EntryForm):
    shown = forms.BooleanField(label=gettext_lazy("shown on the portal"), required=False)
    contact = forms.CharField(
        label=gettext_lazy("contact for investors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Who to call or write to about land in this zone."),
    )
    description = forms.CharField(
        label=gettext_lazy("description (Vietnamese)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_en = forms.CharField(
        label=gettext_lazy("description (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
