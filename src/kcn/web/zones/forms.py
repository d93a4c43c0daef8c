"""The forms of a zone: its milestone (the zone_events sheet), its own fields (zones)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from kcn.investors.models import Investor
from kcn.web.sheetforms import SheetForm
from kcn.zones.models import Zone
from kcn.zones.sheets import ZONE_EVENTS, ZONES


class ZoneEventForm(SheetForm):
    confirmable = True  # land above the zone's planned area

    class Meta:
        sheet = ZONE_EVENTS
        exclude = ("zone_code",)  # the zone of the page
        help_texts = {
            "area_ha": gettext_lazy(
                "Needed for land cleared, infrastructure built and land leased."
            ),
            "document": gettext_lazy("The decision's number and symbol, e.g. 123/QĐ-TTg."),
        }


class ZoneEditForm(SheetForm):
    """A zone's own fields (its code stays; its outline comes with the workbook), with the
    fingerprint of the zone as the editor read it."""

    confirmable = True  # a planned area below the land already cleared, built or leased
    parent_code = forms.ModelChoiceField(
        label=gettext_lazy("part of zone"), queryset=Zone.objects.order_by("name"), required=False
    )
    developer = forms.CharField(
        label=gettext_lazy("infrastructure developer"),
        max_length=32,
        required=False,
        help_text=gettext_lazy("The developer's code in the investors' register."),
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        sheet = ZONES
        exclude = ("code", "geometry")

    def __init__(self, *args: Any, zone: Zone, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent: forms.ModelChoiceField[Zone] = self.fields["parent_code"]  # type: ignore[assignment]
        parent.queryset = Zone.objects.exclude(pk=zone.pk).order_by("name")

    def clean_developer(self) -> Investor | None:
        code = self.cleaned_data["developer"].strip()
        if not code:
            return None
        investor = Investor.objects.filter(code=code).first()
        if investor is None:
            raise forms.ValidationError(gettext_lazy("No investor has this code."))
        return investor
