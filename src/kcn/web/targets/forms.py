"""The form of a target: the columns of the targets sheet."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from kcn.core.periods import MAX_YEAR, MIN_YEAR
from kcn.documents.models import Document
from kcn.indicators.registry import INDICATORS
from kcn.indicators.sheets import TARGETS
from kcn.web.sheetforms import SheetForm


def indicator_choices() -> list[tuple[str, str]]:
    return [(code, f"{indicator.name} ({code})") for code, indicator in INDICATORS.items()]


class TargetForm(SheetForm):
    year = forms.IntegerField(
        label=gettext_lazy("year"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "pattern": r"\d{4}", "size": 6}),
    )
    indicator = forms.ChoiceField(label=gettext_lazy("indicator"))
    assigned_by = forms.CharField(
        label=gettext_lazy("assigned by"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("The symbol of the document that assigned it, e.g. 14/CTr-UBND."),
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the target already set for this year"), required=False
    )

    class Meta:
        sheet = TARGETS
        help_texts = {
            "target_max": gettext_lazy(
                "For a range such as “01–02 zones”: the target is its low end."
            ),
            "description": gettext_lazy(
                "How the report states it: “đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp”."
            ),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

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
