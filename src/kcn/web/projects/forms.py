"""Data-entry forms of projects: the certificate, the project's own fields, the ledger's events,
labor reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from kcn.core.money import CURRENCY_CHOICES
from kcn.investors.models import Investor
from kcn.projects.models import Origin, ProjectEventKind, ProjectKind
from kcn.web.entry import EntryForm, date_field
from kcn.zones.models import Zone


class CertificateForm(EntryForm):
    """A new project and its investment registration certificate, in one go."""

    code = forms.CharField(label=gettext_lazy("project code"), max_length=32)
    name = forms.CharField(label=gettext_lazy("name"), max_length=255)
    zone = forms.ModelChoiceField(
        label=gettext_lazy("industrial zone"), queryset=Zone.objects.order_by("name")
    )
    investor_code = forms.CharField(
        label=gettext_lazy("Investor code"),
        max_length=32,
        help_text=gettext_lazy("The investor's tax code, or its code in the register."),
    )
    origin = forms.ChoiceField(label=gettext_lazy("origin"), choices=Origin.choices)
    kind = forms.ChoiceField(
        label=gettext_lazy("kind"), choices=ProjectKind.choices, initial=ProjectKind.SECONDARY
    )
    sector = forms.CharField(label=gettext_lazy("sector (VSIC)"), max_length=16, required=False)
    land_ha = forms.DecimalField(
        label=gettext_lazy("land (ha)"), required=False, min_value=0, decimal_places=4
    )
    date = date_field(gettext_lazy("date of the certificate"))
    capital = forms.DecimalField(label=gettext_lazy("registered capital"), decimal_places=2)
    currency = forms.ChoiceField(label=gettext_lazy("currency"), choices=CURRENCY_CHOICES)
    certificate_no = forms.CharField(
        label=gettext_lazy("certificate number"), max_length=64, required=False
    )

    def clean_investor_code(self) -> Investor:
        code = self.cleaned_data["investor_code"].strip()
        investor = Investor.objects.filter(code=code).first()
        if investor is None:
            raise forms.ValidationError(gettext_lazy("No investor has this code."))
        return investor


# The events a form may add to a project's ledger (the certificate comes with the project).
LEDGER_KINDS = (
    ProjectEventKind.ADJUSTED,
    ProjectEventKind.OPERATIONAL,
    ProjectEventKind.SUSPENDED,
    ProjectEventKind.RESUMED,
    ProjectEventKind.TERMINATED,
)


class LedgerEventForm(EntryForm):
    date = date_field(gettext_lazy("date"))
    capital_change = forms.DecimalField(
        label=gettext_lazy("change of registered capital"),
        required=False,
        decimal_places=2,
        help_text=gettext_lazy("+ for an increase, − for a decrease; empty if unchanged."),
    )
    currency = forms.ChoiceField(
        label=gettext_lazy("currency"), choices=[("", "—"), *CURRENCY_CHOICES], required=False
    )
    certificate_no = forms.CharField(
        label=gettext_lazy("certificate number"), max_length=64, required=False
    )
    note = forms.CharField(
        label=gettext_lazy("note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != ProjectEventKind.ADJUSTED:  # only an amendment changes capital
            for name in ("capital_change", "currency", "certificate_no"):
                del self.fields[name]


class LaborReportForm(EntryForm):
    period_end = date_field(gettext_lazy("period end"))
    employees = forms.IntegerField(label=gettext_lazy("employees"), min_value=0)
    foreign_employees = forms.IntegerField(
        label=gettext_lazy("of which foreign"), min_value=0, required=False
    )
    new_jobs = forms.IntegerField(label=gettext_lazy("new jobs"), min_value=0, required=False)
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the report already recorded for this date"), required=False
    )


class ProjectEditForm(EntryForm):
    """The project's own fields (its certificate and events are in the ledger)."""

    fingerprint = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(label=gettext_lazy("name"), max_length=255)
    zone = forms.ModelChoiceField(
        label=gettext_lazy("industrial zone"), queryset=Zone.objects.order_by("name")
    )
    investor_code = forms.CharField(label=gettext_lazy("Investor code"), max_length=32)
    origin = forms.ChoiceField(label=gettext_lazy("origin"), choices=Origin.choices)
    kind = forms.ChoiceField(label=gettext_lazy("kind"), choices=ProjectKind.choices)
    sector = forms.CharField(label=gettext_lazy("sector (VSIC)"), max_length=16, required=False)
    land_ha = forms.DecimalField(
        label=gettext_lazy("land (ha)"), required=False, min_value=0, decimal_places=4
    )

    clean_investor_code = CertificateForm.clean_investor_code
