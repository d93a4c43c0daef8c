"""Forms of receiving and resolving a dossier."""

from __future__ import annotations

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy

from kcn.core.collation import Vietnamese
from kcn.dossiers.models import Procedure, Result
from kcn.dossiers.sheets import DOSSIERS
from kcn.web.entry import EntryForm, date_field
from kcn.web.sheetforms import SheetForm


class DossierReceiveForm(SheetForm):
    procedure = forms.ModelChoiceField(
        label=gettext_lazy("procedure"), queryset=Procedure.objects.order_by(Vietnamese(F("name")))
    )

    class Meta:
        sheet = DOSSIERS
        # What is known on receipt; the due date is computed, the rest comes with the result.
        fields = ("code", "procedure_code", "applicant", "received_on", "channel")


class DossierResolveForm(EntryForm):
    """The resolution: both required here, though a dossier pending has neither."""

    resolved_on = date_field(gettext_lazy("resolved on"))
    result = forms.ChoiceField(label=gettext_lazy("result"), choices=Result.choices)
    correction = forms.BooleanField(
        label=gettext_lazy("Correct the resolution already recorded"), required=False
    )
