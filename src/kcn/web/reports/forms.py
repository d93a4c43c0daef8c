"""Forms of the reports page."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from kcn.reports.sections import Section


class ReportTextsForm(forms.Form):
    """One text area per section, and the next period's priority tasks."""

    fingerprint = forms.CharField(widget=forms.HiddenInput)
    priorities = forms.CharField(
        label=gettext_lazy("Priority tasks of the next period"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "One task per paragraph: separate tasks with an empty line. They are numbered "
            "“Một là, Hai là, …” in the report."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in Section:
            self.fields[f"section_{section.value}"] = forms.CharField(
                label=section.label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        # The sections first, in the report's order; the priorities after them.
        self.order_fields([f"section_{section.value}" for section in Section] + ["priorities"])

    @staticmethod
    def initial_for(
        narratives: dict[str, str], priorities: list[str], fingerprint: str
    ) -> dict[str, str]:
        initial = {f"section_{key}": text for key, text in narratives.items()}
        initial["priorities"] = "\n\n".join(priorities)
        initial["fingerprint"] = fingerprint
        return initial

    def narratives(self) -> dict[str, str]:
        return {section.value: self.cleaned_data[f"section_{section.value}"] for section in Section}

    def priority_list(self) -> list[str]:
        text = self.cleaned_data["priorities"].replace("\r\n", "\n")
        return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What needs changing"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PublishForm(forms.Form):
    number = forms.RegexField(
        label=gettext_lazy("Document number"),
        regex=r"^\d{1,6}$",
        required=False,
        help_text=gettext_lazy("The number the clerk gives the report, e.g. 45 for 45/BC-BQL."),
        error_messages={"invalid": gettext_lazy("The number is digits only, e.g. 45.")},
    )
    issued_on = forms.DateField(label=gettext_lazy("Date of the report"))
