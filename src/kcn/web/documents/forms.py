"""The form of a document."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.documents.models import Direction, Document
from kcn.web.entry import EntryForm, date_field


class DocumentForm(EntryForm):
    symbol = forms.CharField(
        label=gettext_lazy("number and symbol"),
        max_length=64,
        help_text=gettext_lazy("As written on the document: 166/KH-BQL, 43/2022/QH15."),
    )
    date = date_field(gettext_lazy("date"))
    direction = forms.ChoiceField(label=gettext_lazy("direction"), choices=Direction.choices)
    type = forms.CharField(
        label=gettext_lazy("type"),
        max_length=8,
        required=False,
        help_text=gettext_lazy("KH, CTr, QĐ, NQ …; read from the symbol when it says."),
    )
    title = forms.CharField(
        label=gettext_lazy("title"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    issuer = forms.CharField(label=gettext_lazy("issuer"), max_length=255, required=False)
    parent_symbol = forms.CharField(
        label=gettext_lazy("parent plan"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("For a thematic plan: the symbol of the plan it carries out."),
    )
    secret = forms.BooleanField(label=gettext_lazy("secret"), required=False)
    digitized = forms.BooleanField(label=gettext_lazy("digitized"), required=False)
    electronic = forms.BooleanField(
        label=gettext_lazy("sent or received electronically"), required=False
    )

    def clean_parent_symbol(self) -> Document | None:
        symbol = self.cleaned_data["parent_symbol"].strip()
        if not symbol:
            return None
        parent = Document.objects.filter(symbol=symbol).first()
        if parent is None:
            raise forms.ValidationError(
                gettext_lazy("No document has this symbol in the register.")
            )
        return parent
