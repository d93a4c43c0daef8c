"""The form of a zone's milestone."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.web.entry import EntryForm, date_field
from kcn.zones.models import ZoneEventKind


class ZoneEventForm(EntryForm):
    date = date_field(gettext_lazy("date"))
    event = forms.ChoiceField(label=gettext_lazy("event"), choices=ZoneEventKind.choices)
    area_ha = forms.DecimalField(
        label=gettext_lazy("area (ha)"),
        required=False,
        min_value=0,
        decimal_places=4,
        help_text=gettext_lazy("Needed for land cleared, infrastructure built and land leased."),
    )
    document = forms.CharField(
        label=gettext_lazy("decision"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("The decision's number and symbol, e.g. 123/QĐ-TTg."),
    )
