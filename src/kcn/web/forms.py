"""The period picker of the dashboard and the reports page."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy

from kcn.core.errors import KcnError
from kcn.core.periods import MAX_YEAR, MIN_YEAR, Period, PeriodKind, parse_period
from kcn.indicators import selectors


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


@dataclass
class PeriodChoice:
    """The period a page shows, its picker, or where the picker sends the reader."""

    period: Period
    picker: PeriodForm
    redirect_to: str = ""  # set when the picker was submitted: go to ?period=<code>


def requested_period(request: HttpRequest) -> Period:
    """``?period=`` if given and valid (a message otherwise), else the default period."""
    code = request.GET.get("period", "").strip()
    if code:
        try:
            return parse_period(code)
        except KcnError as error:
            messages.error(request, str(error))
    return selectors.default_period(timezone.localdate())


def period_choice(request: HttpRequest, url_name: str) -> PeriodChoice:
    """The period of ``?period=`` (a message if it is not one), else the default period;
    a submitted picker (``?year=…&part=…``) asks for a redirect to ``?period=<code>``."""
    today = timezone.localdate()
    years = selectors.data_years(today)
    if "year" in request.GET:
        picked = PeriodForm(request.GET, years=years)
        if picked.is_valid():
            url = f"{reverse(url_name)}?{urlencode({'period': picked.period_code()})}"
            return PeriodChoice(selectors.default_period(today), picked, redirect_to=url)
    period = requested_period(request)
    if period.year not in years:
        years = sorted({*years, period.year}, reverse=True)
    part = "" if period.kind is PeriodKind.RANGE else period.code.partition("-")[2]
    picker = PeriodForm(initial={"year": period.year, "part": part}, years=years)
    return PeriodChoice(period, picker)
