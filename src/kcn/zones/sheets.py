"""The sheets of industrial zones and their milestones (docs/reference/workbook.md,
``zones``, ``zone_events``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kcn.audit.models import VOID_FIELDS
from kcn.core.cells import NON_NEGATIVE, read_choice, read_code, read_date
from kcn.core.sheets import Check, Column, Lookup, Sheet
from kcn.investors.sheets import INVESTOR
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind
from kcn.zones.rules import check_event_area, geometry_from_text

# How another sheet names a zone (a project's zone, a zone's parent zone).
ZONE = Lookup("zones", "code", gettext_lazy("zone"))

ZONES = Sheet(
    "zones",
    "Khu công nghiệp",
    Zone,
    key=("code",),
    columns=(
        Column("code", "Mã KCN", read_code, required=True),
        Column("name", "Tên KCN", required=True),
        Column("province", "Tỉnh"),
        Column("district", "Huyện, thị xã"),
        Column("area_ha", "Diện tích quy hoạch (ha)", NON_NEGATIVE),
        Column("industrial_land_ha", "Diện tích đất công nghiệp (ha)", NON_NEGATIVE),
        # Linked once the sheet is written; never the zone itself, nor a loop of parents.
        Column("parent_code", "Thuộc KCN", field="parent", lookup=ZONE),
        Column("developer", "Chủ đầu tư hạ tầng", lookup=INVESTOR),
        Column("geometry", "Ranh giới (GeoJSON)", clean=geometry_from_text),
    ),
)

ZONE_EVENTS = Sheet(
    "zone_events",
    "Tiến trình KCN",
    ZoneEvent,
    key=(),
    columns=(
        Column("zone_code", "Mã KCN", required=True, field="zone", lookup=ZONE),
        Column("date", "Ngày", read_date, required=True),
        Column("event", "Sự kiện", read_choice(ZoneEventKind.values), required=True),
        Column(
            "area_ha",
            "Diện tích (ha)",
            NON_NEGATIVE,
            checks=(Check(check_event_area, ("event", "area_ha")),),
        ),
        Column("document", "Văn bản"),
    ),
    order=("zone__code", "date", "id"),
    app_only=VOID_FIELDS,  # a voided milestone is left out of the workbook (decision 0014)
)
