"""Data entry of the province's targets for a year."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.accounts.permissions import current_user, editor
from kcn.core.errors import RecordError
from kcn.core.periods import MAX_YEAR, MIN_YEAR
from kcn.documents.models import Document
from kcn.indicators import services
from kcn.indicators.models import Target
from kcn.indicators.registry import INDICATORS
from kcn.web.entry import EntryForm, entry_page


def indicator_choices() -> list[tuple[str, str]]:
    return [(code, f"{indicator.name} ({code})") for code, indicator in INDICATORS.items()]


class TargetForm(EntryForm):
    year = forms.IntegerField(label=gettext_lazy("year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    indicator = forms.ChoiceField(label=gettext_lazy("indicator"))
    target = forms.DecimalField(label=gettext_lazy("target"), decimal_places=4)
    target_max = forms.DecimalField(
        label=gettext_lazy("upper end of range"),
        required=False,
        decimal_places=4,
        help_text=gettext_lazy("For a range such as “01–02 zones”: the target is its low end."),
    )
    description = forms.CharField(
        label=gettext_lazy("description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "How the report states it: “đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp”."
        ),
    )
    assigned_by = forms.CharField(
        label=gettext_lazy("assigned by"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("The symbol of the document that assigned it, e.g. 14/CTr-UBND."),
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the target already set for this year"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicator_choices()  # type: ignore[attr-defined]

    def clean_assigned_by(self) -> Document | None:
        symbol = self.cleaned_data["assigned_by"].strip()
        if not symbol:
            return None
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            raise forms.ValidationError(
                gettext_lazy("No document has this symbol in the register.")
            )
        return document


@editor
def target_new(request: HttpRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Target:
        existing = Target.objects.filter(year=data["year"], indicator=data["indicator"]).first()
        if existing is not None and not data["replace"]:
            raise RecordError(
                _("%(year)s already has a target for this indicator (%(target)s): tick “replace”.")
                % {"year": data["year"], "target": existing.target.normalize()},
                field="indicator",
            )
        return services.target_set(
            year=data["year"],
            indicator=data["indicator"],
            target=data["target"],
            target_max=data["target_max"],
            description=data["description"],
            assigned_by=data["assigned_by"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        TargetForm(request.POST or None),
        save,
        title=_("Set a target"),
        submit=_("Save"),
        cancel=reverse("target_list"),
        success=lambda _target: _("Saved."),
        next_url=lambda target: f"{reverse('target_list')}?year={target.year}",
    )
