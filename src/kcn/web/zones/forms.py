"""The form of a zone's milestone: the columns of the zone_events sheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kcn.web.sheetforms import SheetForm
from kcn.zones.sheets import ZONE_EVENTS


class ZoneEventForm(SheetForm):
    class Meta:
        sheet = ZONE_EVENTS
        exclude = ("zone_code",)  # the zone of the page
        help_texts = {
            "area_ha": gettext_lazy(
                "Needed for land cleared, infrastructure built and land leased."
            ),
            "document": gettext_lazy("The decision's number and symbol, e.g. 123/QĐ-TTg."),
        }
