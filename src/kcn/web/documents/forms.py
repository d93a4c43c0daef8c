"""The form of a document: the columns of the documents sheet."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.documents.models import Document
from kcn.documents.sheets import DOCUMENTS
from kcn.web.sheetforms import SheetForm


class DocumentForm(SheetForm):
    # The parent plan is typed as its symbol and must be in the register.
    parent_symbol = forms.CharField(
        label=gettext_lazy("parent plan"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("For a thematic plan: the symbol of the plan it carries out."),
    )

    class Meta:
        sheet = DOCUMENTS
        help_texts = {
            "symbol": gettext_lazy("As written on the document: 166/KH-BQL, 43/2022/QH15."),
            "type": gettext_lazy("KH, CTr, QĐ, NQ …; read from the symbol when it says."),
        }
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

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


class DocumentEditForm(DocumentForm):
    """A registered document's fields (its symbol stays), with its fingerprint as read."""

    fingerprint = forms.CharField(widget=forms.HiddenInput)

    class Meta(DocumentForm.Meta):
        exclude = ("symbol",)
