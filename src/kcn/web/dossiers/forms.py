"""Forms of receiving and resolving a dossier."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.dossiers.models import Channel, Procedure, Result
from kcn.web.entry import EntryForm, date_field


class DossierReceiveForm(EntryForm):
    code = forms.CharField(label=gettext_lazy("receipt number"), max_length=64)
    procedure = forms.ModelChoiceField(
        label=gettext_lazy("procedure"), queryset=Procedure.objects.order_by("name")
    )
    received_on = date_field(gettext_lazy("received on"))
    applicant = forms.CharField(label=gettext_lazy("applicant"), max_length=255, required=False)
    channel = forms.ChoiceField(
        label=gettext_lazy("channel"), choices=[("", "—"), *Channel.choices], required=False
    )


class DossierResolveForm(EntryForm):
    resolved_on = date_field(gettext_lazy("resolved on"))
    result = forms.ChoiceField(label=gettext_lazy("result"), choices=Result.choices)
    correction = forms.BooleanField(
        label=gettext_lazy("Correct the resolution already recorded"), required=False
    )
