"""The enterprise's forms: the quarterly report (form A.III.1) and the half-year labor report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from kcn.enterprise_reports.models import LaborFiling, ProjectReport
from kcn.enterprise_reports.services import LABOR_FIGURES, REPORT_FIGURES
from kcn.jobs.services import upload_problem
from kcn.web.entry import EntryForm
from kcn.web.inputs import AmountField, CountField


def _figure_field(model: type[Any], name: str) -> forms.Field:
    field = model._meta.get_field(name)
    if name in ("employees", "foreign_employees", "new_jobs"):
        return CountField(label=field.verbose_name, min_value=0, required=False)
    return AmountField(
        label=field.verbose_name, min_value=0, required=False, max_digits=20, decimal_places=2
    )


class FilingForm(EntryForm):
    """Figures (all optional in a draft), the difficulties and requests, and the confirmation
    that the warnings were read."""

    model: type[Any]
    figures: tuple[str, ...]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.figures:
            self.fields[name] = _figure_field(self.model, name)
        self.fields["note"] = forms.CharField(
            label=gettext_lazy("difficulties and requests"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        self.fields["confirmed"] = forms.BooleanField(
            label=gettext_lazy("I have checked these figures: they are right"), required=False
        )
        # Capitalised like every entry form's labels.
        for field in self.fields.values():
            if field.label:
                field.label = str(field.label)[:1].upper() + str(field.label)[1:]

    def figure_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.figures}


class ProjectReportForm(FilingForm):
    model = ProjectReport
    figures = REPORT_FIGURES


class LaborFilingForm(FilingForm):
    model = LaborFiling
    figures = LABOR_FIGURES


class WorkbookUploadForm(EntryForm):
    """The enterprise's workbook, filled in, sent back."""

    workbook = forms.FileField(
        label=gettext_lazy("Your workbook of reports (.xlsx)"),
        help_text=gettext_lazy("The workbook downloaded above, with its figures filled in."),
    )
    confirmed = forms.BooleanField(
        label=gettext_lazy("I have checked these figures: they are right"), required=False
    )

    def clean_workbook(self) -> object:
        upload = self.cleaned_data["workbook"]
        problem = upload_problem(upload.name, upload.size)
        if problem is not None:
            raise forms.ValidationError(problem)
        return upload
