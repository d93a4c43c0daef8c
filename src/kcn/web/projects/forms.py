"""Data-entry forms of projects: the certificate, the project's own fields, the ledger's events,
labor reports. Their fields are the columns of the projects' sheets (``projects/sheets.py``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from kcn.core.collation import Vietnamese
from kcn.core.money import CURRENCY_CHOICES
from kcn.investors.models import Investor
from kcn.investors.services import NewInvestor
from kcn.projects.models import ProjectEventKind
from kcn.projects.sheets import LABOR_REPORTS, PROJECT_EVENTS, PROJECTS
from kcn.web.entry import date_field
from kcn.web.inputs import AmountField, DatalistInput, SectorField
from kcn.web.sheetforms import SheetForm
from kcn.zones.models import Zone


def zone_field() -> forms.ModelChoiceField[Zone]:
    return forms.ModelChoiceField(
        label=gettext_lazy("industrial zone"), queryset=Zone.objects.order_by(Vietnamese(F("name")))
    )


class ProjectFields(SheetForm):
    """The project's own columns; the zone from a list, the investor searched by its code or
    name (``investors/search.json`` fills the suggestions as one types), the sector picked
    from the VSIC list."""

    zone = zone_field()
    investor_code = forms.CharField(
        label=gettext_lazy("Investor code"),
        max_length=255,
        help_text=gettext_lazy(
            "Type the investor's tax code or a part of its name and pick it from the list."
        ),
        widget=DatalistInput(attrs={"data-kcn-search": reverse_lazy("investor_search")}),
    )
    sector = SectorField(
        label=gettext_lazy("sector (VSIC)"),
        max_length=16,
        required=False,
        help_text=gettext_lazy("Pick a division from the list, or type a finer code: 2610."),
    )

    class Meta:
        sheet = PROJECTS

    def clean_investor_code(self) -> Investor | str:
        """The investor of the code typed, or of the name typed if one investor has it; the
        code itself when none has it (a form that registers a new investor takes it)."""
        typed = " ".join(self.cleaned_data["investor_code"].split())
        investor = Investor.objects.filter(code=typed).first()
        if investor is None:
            named = list(Investor.objects.filter(name__iexact=typed)[:2])
            investor = named[0] if len(named) == 1 else None
        if investor is not None:
            return investor
        if not self.allows_new_investor:
            raise forms.ValidationError(gettext_lazy("No investor has this code."))
        return typed

    allows_new_investor = False


class CertificateForm(ProjectFields):
    """A new project and its investment registration certificate, in one go; an investor not
    yet in the register is registered with it (its code typed above, its name and country
    below), in the same transaction."""

    allows_new_investor = True
    # The new investor's fields right under the investor's.
    field_order = (
        "code",
        "name",
        "zone",
        "investor_code",
        "new_investor_name",
        "new_investor_country",
    )

    date = date_field(gettext_lazy("date of the certificate"))
    capital = AmountField(label=gettext_lazy("registered capital"), max_digits=20, decimal_places=2)
    currency = forms.ChoiceField(label=gettext_lazy("currency"), choices=CURRENCY_CHOICES)
    certificate_no = forms.CharField(
        label=gettext_lazy("certificate number"), max_length=64, required=False
    )
    new_investor_name = forms.CharField(
        label=gettext_lazy("Name of a new investor"),
        max_length=255,
        required=False,
        help_text=gettext_lazy(
            "Only for an investor not yet in the register: it is registered with the "
            "certificate, under the code typed above."
        ),
    )
    new_investor_country = forms.CharField(
        label=gettext_lazy("Country of the new investor"),
        max_length=2,
        required=False,
        help_text=gettext_lazy("Two letters (ISO 3166-1): VN, JP, KR, CN …"),
    )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or self.cleaned_data
        investor = data.get("investor_code")
        name = data.get("new_investor_name", "").strip()
        data["new_investor"] = None
        if isinstance(investor, str):
            if not name:
                self.add_error(
                    "investor_code",
                    gettext_lazy(
                        "No investor has this code or name. Pick one from the list, or give "
                        "the new investor's name and country below to register it."
                    ),
                )
            elif not data.get("new_investor_country", "").strip():
                self.add_error(
                    "new_investor_country", gettext_lazy("Say the new investor's country.")
                )
            else:
                data["new_investor"] = NewInvestor(
                    code=investor, name=name, country=data["new_investor_country"].strip()
                )
                data["investor_code"] = None
        elif investor is not None and name:
            self.add_error(
                "new_investor_name",
                gettext_lazy(
                    "This investor is already registered: leave the new investor's name empty."
                ),
            )
        return data


# The events a form may add to a project's ledger (the certificate comes with the project).
LEDGER_KINDS = (
    ProjectEventKind.ADJUSTED,
    ProjectEventKind.OPERATIONAL,
    ProjectEventKind.SUSPENDED,
    ProjectEventKind.RESUMED,
    ProjectEventKind.TERMINATED,
)


class LedgerEventForm(SheetForm):
    capital_change = AmountField(
        label=gettext_lazy("change of registered capital"),
        required=False,
        max_digits=20,
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
    confirmable = True  # new jobs above the headcount; a project not operating
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
