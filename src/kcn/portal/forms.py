"""The portal's forms: a reader's comment, the dossier lookup, the search box."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kcn.publishing.rules import COMMENT_MAX_CHARS


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("Never shown on the portal; the board may use it to answer you."),
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # The honeypot: hidden from people by the stylesheet (and from screen readers with it),
    # filled by robots that fill every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "comment-%s")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class LookupForm(forms.Form):
    ma = forms.CharField(
        label=_("Receipt number of the dossier"),
        max_length=40,
        help_text=_("As printed on the receipt the board gave you."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the portal"), max_length=100, required=False)
