"""The period picker of the dashboard."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext, gettext_lazy

from kcn.core.periods import MAX_YEAR, MIN_YEAR


def part_choices() -> list[tuple[str, object]]:
    """Every part of a year a period code can name, grouped, in the active language."""
    return [
        ("", gettext("whole year")),
        (gettext("Half-years"), [("H1", gettext("first half")), ("H2", gettext("second half"))]),
        (
            gettext("Quarters"),
            [(f"Q{n}", gettext("quarter %(n)s") % {"n": n}) for n in range(1, 5)],
        ),
        (
            gettext("Months"),
            [(f"{n:02d}", gettext("month %(n)s") % {"n": n}) for n in range(1, 13)],
        ),
        (
            gettext("First months of the year"),
            [(f"{n}M", gettext("first %(n)s months") % {"n": n}) for n in range(1, 13)],
        ),
    ]


class PeriodForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR, widget=forms.Select
    )
    part = forms.ChoiceField(label=gettext_lazy("Period"), required=False)

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Offer the years with data; accept any year a period code may name.
        self.fields["year"].widget.choices = [(year, str(year)) for year in years]
        self.fields["part"].choices = part_choices()  # type: ignore[attr-defined]

    def period_code(self) -> str:
        year, part = self.cleaned_data["year"], self.cleaned_data["part"]
        return f"{year}-{part}" if part else str(year)
