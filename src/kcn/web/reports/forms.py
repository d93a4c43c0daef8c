"""Forms of the reports page."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from kcn.documents.models import Document
from kcn.reports.sections import Section
from kcn.reports.workflow import ReportTexts
from kcn.web.inputs import DayField

IN_ENGLISH = gettext_lazy("in English")


def english_area(of: Any, rows: int, help_text: Any = "") -> forms.CharField:
    """The English of the text area labelled ``of``, shown right under it.

    Labelled "In English" alone, so that the Vietnamese area keeps its label to
    itself; the whole name is its title (a tooltip, and read by screen readers).
    """
    return forms.CharField(
        label=gettext_lazy("In English"),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": rows, "title": format_lazy("{} ({})", of, IN_ENGLISH)}
        ),
        help_text=help_text,
    )


class ReportTextsForm(forms.Form):
    """One text area per section and its English, the next period's priority tasks, and the
    framing paragraph's choices: the groups of tasks of the board's yearly plan and which of
    its thematic plans it names, in which order (a place number each; empty: not named)."""

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
    priorities_en = english_area(
        gettext_lazy("Priority tasks of the next period"),
        10,
        gettext_lazy(
            "For the English report: the same tasks in the same order, one per paragraph; or none."
        ),
    )

    task_groups = forms.IntegerField(
        label=gettext_lazy("Groups of tasks in the board's yearly plan"),
        required=False,
        min_value=1,
        help_text=gettext_lazy(
            "“Trong kế hoạch, đã xác định 20 nhóm nhiệm vụ, giải pháp”: the number the plan "
            "sets; empty, the framing paragraph does not say."
        ),
    )

    def __init__(self, *args: Any, candidates: list[Document] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.candidates = candidates or []
        order = []
        for section in Section:
            name = f"section_{section.value}"
            self.fields[name] = forms.CharField(
                label=section.label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
            self.fields[f"{name}_en"] = english_area(section.label, 3)
            order += [name, f"{name}_en"]
        plans = []
        for document in self.candidates:
            place, english = f"plan_{document.pk}", f"plan_{document.pk}_en"
            self.fields[place] = forms.IntegerField(
                label=f"{document.symbol} — {document.title}",
                required=False,
                min_value=1,
                widget=forms.NumberInput(attrs={"class": "place"}),
            )
            self.fields[english] = forms.CharField(
                label=gettext_lazy("In English"),
                required=False,
                widget=forms.TextInput(
                    attrs={"title": format_lazy("{} ({})", document.symbol, IN_ENGLISH)}
                ),
            )
            plans += [place, english]
        # The sections first, in the report's order, each with its English; the priorities, the
        # framing after.
        self.order_fields([*order, "priorities", "priorities_en", "task_groups", *plans])

    @property
    def plan_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """Each thematic plan's place field and its English name, for the page's table."""
        return [
            (self[f"plan_{document.pk}"], self[f"plan_{document.pk}_en"])
            for document in self.candidates
        ]

    @property
    def text_fields(self) -> list[forms.BoundField]:
        """The sections' and priorities' fields, in order (the framing's are apart)."""
        return [
            field
            for field in self.visible_fields()
            if not field.name.startswith("plan_") and field.name != "task_groups"
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        places = [
            data.get(f"plan_{document.pk}")
            for document in self.candidates
            if data.get(f"plan_{document.pk}") is not None
        ]
        if len(places) != len(set(places)):
            raise forms.ValidationError(
                gettext_lazy("Two thematic plans have the same place in the list.")
            )
        return data

    def listed(self) -> list[tuple[int, str]]:
        """The thematic plans named, in the order of their places, with their English names."""
        data = self.cleaned_data
        chosen = [
            (data[f"plan_{document.pk}"], document.pk, data[f"plan_{document.pk}_en"].strip())
            for document in self.candidates
            if data.get(f"plan_{document.pk}") is not None
        ]
        return [(pk, english) for _place, pk, english in sorted(chosen)]

    @staticmethod
    def initial_for(texts: ReportTexts, fingerprint: str) -> dict[str, Any]:
        initial: dict[str, Any] = {f"section_{key}": text for key, text in texts.narratives.items()}
        initial |= {f"section_{key}_en": text for key, text in texts.narratives_en.items()}
        initial["priorities"] = "\n\n".join(texts.priorities)
        initial["priorities_en"] = "\n\n".join(text for text in texts.priorities_en if text)
        initial["fingerprint"] = fingerprint
        initial["task_groups"] = texts.task_groups
        for place, (pk, english) in enumerate(texts.listed, start=1):
            initial[f"plan_{pk}"] = place
            initial[f"plan_{pk}_en"] = english
        return initial

    def narratives(self, suffix: str = "") -> dict[str, str]:
        """The text of each section (``suffix="_en"``: in English)."""
        data = self.cleaned_data
        return {section.value: data[f"section_{section.value}{suffix}"] for section in Section}

    def priority_list(self, name: str = "priorities") -> list[str]:
        """The tasks of the text area ``name``, one per paragraph."""
        text = self.cleaned_data[name].replace("\r\n", "\n")
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
    issued_on = DayField(label=gettext_lazy("Date of the report"))
