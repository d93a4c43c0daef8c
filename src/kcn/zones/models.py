"""Industrial zones (khu công nghiệp) and the dated milestones of their development."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kcn.audit.models import Voidable
from kcn.core.fields import area_field


class Zone(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    province = models.CharField(_("province"), max_length=100, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    area_ha = area_field(_("planned area (ha)"), null=True, blank=True)
    industrial_land_ha = area_field(_("industrial land (ha)"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of zone"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="phases",
    )
    developer = models.ForeignKey(
        "investors.Investor",
        verbose_name=_("infrastructure developer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="developed_zones",
    )
    geometry = models.JSONField(_("outline (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("industrial zone")
        verbose_name_plural = _("industrial zones")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area_ha__gte=0), name="zone_area_nonnegative"
            ),
            models.CheckConstraint(
                condition=models.Q(industrial_land_ha__gte=0), name="zone_land_nonnegative"
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="zone_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ZoneEventKind(models.TextChoices):
    PLANNED = "planned", _("added to the master plan")
    POLICY_APPROVED = "policy_approved", _("investment policy approved")
    ESTABLISHED = "established", _("established")
    LAND_CLEARED = "land_cleared", _("land cleared")
    INFRASTRUCTURE_BUILT = "infrastructure_built", _("infrastructure built")
    LAND_LEASED = "land_leased", _("land leased")


# Events that add an area and must say how much (docs/reference/workbook.md, zone_events).
ZONE_EVENTS_WITH_AREA = (
    ZoneEventKind.LAND_CLEARED,
    ZoneEventKind.INFRASTRUCTURE_BUILT,
    ZoneEventKind.LAND_LEASED,
)


class ZoneEvent(Voidable):
    zone = models.ForeignKey(
        Zone, verbose_name=_("zone"), on_delete=models.PROTECT, related_name="events"
    )
    date = models.DateField(_("date"))
    event = models.CharField(_("event"), max_length=32, choices=ZoneEventKind.choices)
    area_ha = area_field(_("area (ha)"), null=True, blank=True)
    document = models.CharField(_("decision"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("zone milestone")
        verbose_name_plural = _("zone milestones")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["event", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__in=ZoneEventKind.values), name="zone_event_known"
            ),
            models.CheckConstraint(
                condition=models.Q(area_ha__gte=0), name="zone_event_area_nonnegative"
            ),
            models.CheckConstraint(
                condition=~models.Q(event__in=ZONE_EVENTS_WITH_AREA)
                | models.Q(area_ha__isnull=False),
                name="zone_event_area_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.zone.code} {self.date:%d/%m/%Y} {self.get_event_display()}"
