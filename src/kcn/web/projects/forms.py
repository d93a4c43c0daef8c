"""Data-entry forms of projects: the certificate, the project's own fields, the ledger's events,
labor reports. Their fields are the columns of the projects' sheets (``projects/sheets.py``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy

from kcn.core.collation import Vietnamese
from kcn.core.money import CURRENCY_CHOICES
from kcn.investors.models import Investor
from kcn.projects.models import ProjectEventKind
from kcn.projects.sheets import LABOR_REPORTS, PROJECT_EVENTS, PROJECTS
from kcn.web.entry import date_field
from kcn.web.sheetforms import SheetForm
from kcn.zones.models import Zone


def zone_field() -> forms.ModelChoiceField[Zone]:
    return forms.ModelChoiceField(
        label=gettext_lazy("industrial zone"), queryset=Zone.objects.order_by(Vietnamese(F("name")))
    )


class ProjectFields(SheetForm):
    """The project's own columns; the zone from a list, the investor typed as its code."""

    zone = zone_field()
    investor_code = forms.CharField(
        label=gettext_lazy("Investor code"),
        max_length=32,
        help_text=gettext_lazy("The investor's tax code, or its code in the register."),
    )

    class Meta:
        sheet = PROJECTS

    def clean_investor_code(self) -> Investor:
        code = self.cleaned_data["investor_code"].strip()
        investor = Investor.objects.filter(code=code).first()
        if investor is None:
            raise forms.ValidationError(gettext_lazy("No investor has this code."))
        return investor


class CertificateForm(ProjectFields):
    """A new project and its investment registration certificate, in one go."""

    date = date_field(gettext_lazy("date of the certificate"))
    capital = forms.DecimalField(label=gettext_lazy("registered capital"), decimal_places=2)
    currency = forms.ChoiceField(label=gettext_lazy("currency"), choices=CURRENCY_CHOICES)
    certificate_no = forms.CharField(
        label=gettext_lazy("certificate number"), max_length=64, required=False
    )


# The events a form may add to a project's ledger (the certificate comes with the project).
LEDGER_KINDS = (
    ProjectEventKind.ADJUSTED,
    ProjectEventKind.OPERATIONAL,
    ProjectEventKind.SUSPENDED,
    ProjectEventKind.RESUMED,
    ProjectEventKind.TERMINATED,
)


class LedgerEventForm(SheetForm):
    capital_change = forms.DecimalField(
        label=gettext_lazy("change of registered capital"),
        required=False,
        decimal_places=2,
        help_text=gettext_lazy("+ for an increase, − for a decrease; empty if unchanged."),
    )

    class Meta:
        sheet = PROJECT_EVENTS
        # The project is the page's, the kind the form's; an 'issued' event is a certificate.
        fields = ("date", "capital", "currency", "certificate_no", "note")

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != ProjectEventKind.ADJUSTED:  # only an amendment changes capital
            for name in ("capital_change", "currency", "certificate_no"):
                del self.fields[name]


class LaborReportForm(SheetForm):
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the report already recorded for this date"), required=False
    )

    class Meta:
        sheet = LABOR_REPORTS
        exclude = ("project_code",)  # the project of the page


class ProjectEditForm(ProjectFields):
    """The project's own fields (its certificate and events are in the ledger)."""

    fingerprint = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        sheet = PROJECTS
        exclude = ("code",)  # the key: a project keeps its code
