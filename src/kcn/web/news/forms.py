"""The news editor's form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.publishing.rules import PICTURE_MAX_BYTES
from kcn.web.entry import EntryForm


class ArticleForm(EntryForm):
    title = forms.CharField(label=gettext_lazy("title"), max_length=255)
    summary = forms.CharField(
        label=gettext_lazy("summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One or two sentences, shown in the lists of news."),
    )
    body = forms.CharField(
        label=gettext_lazy("text (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=gettext_lazy(
            "Markdown: a blank line between paragraphs, ## for a heading, **bold**, *italic*, "
            "- for a list, [words](https://…) for a link. HTML is shown as text."
        ),
    )
    picture = forms.FileField(
        label=gettext_lazy("picture"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=gettext_lazy("JPEG, PNG or WebP, at most 5 MB, each side 200 to 8000 pixels."),
    )
    picture_alt = forms.CharField(
        label=gettext_lazy("picture's description"),
        max_length=255,
        required=False,
        help_text=gettext_lazy(
            "What the picture shows, for readers who cannot see it. Required with a picture."
        ),
    )
    remove_picture = forms.BooleanField(label=gettext_lazy("remove the picture"), required=False)
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_picture(self) -> bytes | None:
        upload = self.cleaned_data.get("picture")
        if not upload:
            return None
        if upload.size > PICTURE_MAX_BYTES:
            raise forms.ValidationError(gettext_lazy("The picture is larger than 5 MB."))
        return bytes(upload.read())
