"""The upload form of a workbook."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.jobs.services import upload_problem


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
        problem = upload_problem(upload.name, upload.size, upload)
        if problem is not None:
            raise forms.ValidationError(problem)
        return upload
