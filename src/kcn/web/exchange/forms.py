"""The upload form of a workbook."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


MAX_UPLOAD_MB = 200


class UploadForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("Exchange workbook (.xlsx)"),
        help_text=gettext_lazy(
            "All or nothing: a workbook with a problem writes nothing, and every problem is "
            "listed with its sheet and cell."
        ),
    )

    def clean_workbook(self) -> object:
        upload = self.cleaned_data["workbook"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(gettext_lazy("Choose an .xlsx file."))
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                gettext_lazy("The file is larger than %(mb)s MB: import it with `kcn import`.")
                % {"mb": MAX_UPLOAD_MB}
            )
        return upload
