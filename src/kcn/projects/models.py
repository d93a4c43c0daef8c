"""Investment projects and their ledger of dated events, exchange rates,
enterprises' labor reports and inspections.

A project is never a row whose capital gets overwritten: it is a certificate
issued on a date and later amendments, operation, suspension and
termination, each an event. Every figure about projects is derived from the
events as of a date.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kcn.audit.models import Voidable
from kcn.core.fields import area_field, money_field
from kcn.core.money import CURRENCY_CHOICES, Currency


class ProjectKind(models.TextChoices):
    SECONDARY = "secondary", _("project in a zone")
    INFRASTRUCTURE = "infrastructure", _("zone infrastructure project")


class Origin(models.TextChoices):
    FOREIGN = "foreign", _("foreign-invested (FDI)")
    DOMESTIC = "domestic", _("domestic (DDI)")


class Project(models.Model):
    code = models.CharField(_("project code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    zone = models.ForeignKey(
        "zones.Zone", verbose_name=_("zone"), on_delete=models.PROTECT, related_name="projects"
    )
    investor = models.ForeignKey(
        "investors.Investor",
        verbose_name=_("investor"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ProjectKind.choices, default=ProjectKind.SECONDARY
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices)
    sector = models.CharField(_("sector (VSIC)"), max_length=16, blank=True)
    land_ha = area_field(_("land (ha)"), null=True, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["code"]
        indexes = [models.Index(fields=["kind", "origin"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ProjectKind.values), name="project_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(origin__in=Origin.values), name="project_origin_known"
            ),
            models.CheckConstraint(condition=Q(land_ha__gte=0), name="project_land_nonnegative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ProjectEventKind(models.TextChoices):
    ISSUED = "issued", _("certificate issued")
    ADJUSTED = "adjusted", _("certificate amended")
    OPERATIONAL = "operational", _("entered operation")
    SUSPENDED = "suspended", _("suspended")
    RESUMED = "resumed", _("resumed")
    TERMINATED = "terminated", _("terminated")


# Order of events that share a date; the ledger is read in (date, rank, id) order.
EVENT_RANK = {kind: rank for rank, kind in enumerate(ProjectEventKind.values)}
CAPITAL_EVENTS = (ProjectEventKind.ISSUED, ProjectEventKind.ADJUSTED)


class ProjectEvent(Voidable):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="events"
    )
    date = models.DateField(_("date"))
    event = models.CharField(_("event"), max_length=16, choices=ProjectEventKind.choices)
    # `issued`: the registered capital; `adjusted`: the change (+/-), null if untouched.
    capital = money_field(_("capital"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, blank=True)
    certificate_no = models.CharField(_("certificate number"), max_length=64, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("project event")
        verbose_name_plural = _("project events")
        ordering = ["project_id", "date", "id"]
        indexes = [
            models.Index(fields=["event", "date"]),
            models.Index(fields=["project", "date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(event__in=ProjectEventKind.values), name="project_event_known"
            ),
            models.CheckConstraint(
                condition=(Q(capital__isnull=True) & Q(currency=""))
                | (Q(capital__isnull=False) & Q(currency__in=[c.value for c in Currency])),
                name="project_event_capital_has_currency",
            ),
            models.CheckConstraint(
                condition=~Q(event=ProjectEventKind.ISSUED) | Q(capital__gt=0),
                name="project_event_issued_capital_positive",
            ),
            models.CheckConstraint(
                condition=Q(event__in=CAPITAL_EVENTS) | Q(capital__isnull=True),
                name="project_event_capital_only_on_certificates",
            ),
            # Exactly one certificate, at most one start of operation and one end, in force:
            # a voided one leaves room for the right one.
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(event=ProjectEventKind.ISSUED, voided_at__isnull=True),
                name="project_issued_once",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(event=ProjectEventKind.OPERATIONAL, voided_at__isnull=True),
                name="project_operational_once",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(event=ProjectEventKind.TERMINATED, voided_at__isnull=True),
                name="project_terminated_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.date:%d/%m/%Y} {self.get_event_display()}"

    @property
    def rank(self) -> int:
        return EVENT_RANK[self.event]


class ExchangeRate(models.Model):
    """VND for one unit of a currency, in force from ``valid_from`` until the next row."""

    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    valid_from = models.DateField(_("valid from"))
    vnd_per_unit = models.DecimalField(_("VND per unit"), max_digits=14, decimal_places=4)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="rate_once_per_day"),
            models.CheckConstraint(condition=Q(vnd_per_unit__gt=0), name="rate_positive"),
            models.CheckConstraint(condition=Q(currency=Currency.USD), name="rate_currency_usd"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.valid_from:%d/%m/%Y} {self.vnd_per_unit}"


class LaborReport(Voidable):
    """An enterprise's periodic report of its workforce on ``period_end``."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="labor_reports"
    )
    period_end = models.DateField(_("period end"))
    employees = models.PositiveIntegerField(_("employees"))
    foreign_employees = models.PositiveIntegerField(_("of which foreign"), null=True, blank=True)
    new_jobs = models.PositiveIntegerField(_("new jobs"), null=True, blank=True)

    class Meta:
        verbose_name = _("labor report")
        verbose_name_plural = _("labor reports")
        ordering = ["project_id", "period_end"]
        indexes = [models.Index(fields=["period_end"])]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_end"],
                condition=Q(voided_at__isnull=True),
                name="labor_report_once_per_period",
            ),
            models.CheckConstraint(
                condition=Q(foreign_employees__lte=models.F("employees")),
                name="labor_report_foreign_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.period_end:%d/%m/%Y}: {self.employees}"


class InspectionKind(models.TextChoices):
    ONSITE = "onsite", _("on-site supervision")
    DESK = "desk", _("desk review")


class Inspection(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="inspections"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=8, choices=InspectionKind.choices)
    violation = models.BooleanField(_("violation found"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["date", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=InspectionKind.values), name="inspection_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.date:%d/%m/%Y} {self.get_kind_display()}"
