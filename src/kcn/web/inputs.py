"""Form fields that follow Vietnamese habits in any browser (issue 12).

- Dates are typed and shown ``dd/mm/yyyy`` in a text input (a browser's ``type=date``
  shows its own language's order, ``mm/dd/yyyy`` in an en-US browser); the pattern says
  the shape and the placeholder says the order.
- Numbers are typed ``25.000.000`` or ``5,2`` (``core.cells.parse_typed_number``), in a
  text input that ``kcn/inputs.js`` follows with the amount as understood, read the same
  way; a number input would read "25.000.000" as 25 in an en-US browser.

Without scripts both still work: the server reads what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy

from kcn.core import vsic
from kcn.core.cells import FIRST_DAY, LAST_DAY, parse_typed_number

DATE_PATTERN = r"\s*\d{1,2}/\d{1,2}/\d{4}\s*"


class DateText(forms.DateInput):
    """A date typed ``dd/mm/yyyy``, shown the same way."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            attrs={
                "placeholder": "dd/mm/yyyy",
                "pattern": DATE_PATTERN,
                "inputmode": "numeric",
                "autocomplete": "off",
                "data-kcn-date": "",
                "size": 12,
                **(attrs or {}),
            },
            format="%d/%m/%Y",
        )


class DayField(forms.DateField):
    """A date between 1990 and 2100, typed ``dd/mm/yyyy`` (or ``yyyy-mm-dd``)."""

    widget = DateText
    input_formats = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
    default_error_messages = {
        "invalid": gettext_lazy("%(field)s: enter a date as dd/mm/yyyy, e.g. 20/01/2022."),
    }

    def to_python(self, value: Any) -> dt.date | None:
        try:
            return super().to_python(value.strip() if isinstance(value, str) else value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"field": self.label}
            ) from None

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise ValidationError(
                gettext_lazy("%(field)s: enter a date between 01/01/1990 and 31/12/2100."),
                code="range",
                params={"field": self.label},
            )


class NumberText(forms.TextInput):
    """A number typed the Vietnamese way; its value shown the same way."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            attrs={
                "inputmode": "decimal",
                "autocomplete": "off",
                "data-kcn-number": "",
                "data-understood": gettext_lazy("Understood as"),
                "data-unreadable": gettext_lazy("Not a number: write 25.000.000 or 5,2"),
                "data-million": gettext_lazy("million"),
                "data-billion": gettext_lazy("billion"),
                "data-trillion": gettext_lazy("trillion"),
                **(attrs or {}),
            }
        )

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return typed_number(value)
        return super().format_value(value)


def typed_number(value: Decimal | int) -> str:
    """``value`` as a Vietnamese types it, whatever the page's language: "25.000.000",
    "5,2", "-1.500,75" (what ``parse_typed_number`` reads back unchanged)."""
    number = Decimal(value)
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.normalize()
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def _typed(field: forms.Field, value: Any) -> Decimal | None:
    if value in field.empty_values:
        return None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return Decimal(value)
    try:
        number = parse_typed_number(str(value))
    except (ValueError, ArithmeticError):
        raise _invalid(field) from None
    return number


def _invalid(field: forms.Field) -> ValidationError:
    return ValidationError(
        field.error_messages["invalid"], code="invalid", params={"field": field.label}
    )


class AmountField(forms.DecimalField):
    """A decimal typed ``25.000.000`` or ``5,2``."""

    widget = NumberText
    default_error_messages = {
        "invalid": gettext_lazy("%(field)s: enter a number, e.g. 25.000.000 or 5,2."),
    }

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        number = _typed(self, value)
        if number is not None and not number.is_finite():
            raise _invalid(self)
        return number

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # a text input: no spinner, no step
        attrs.pop("min", None)
        attrs.pop("max", None)
        return attrs


class CountField(forms.IntegerField):
    """A whole number typed ``1.200`` or ``1200``."""

    widget = NumberText
    default_error_messages = {
        "invalid": gettext_lazy("%(field)s: enter a whole number, e.g. 1.200."),
    }

    def to_python(self, value: Any) -> int | None:
        number = _typed(self, value)
        if number is None:
            return None
        if number != number.to_integral_value() or abs(number) >= 10**15:
            raise _invalid(self)
        return int(number)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        for name in ("step", "min", "max"):
            attrs.pop(name, None)
        attrs["inputmode"] = "numeric"
        return attrs


class DatalistInput(forms.TextInput):
    """A text input with suggestions (``<datalist>``): the browser offers them as one types,
    and any other text may still be typed. ``options`` gives (value, label) pairs when the
    page is drawn; a ``data-kcn-search`` URL lets ``kcn/inputs.js`` fill them as one types."""

    template_name = "web/widgets/datalist.html"

    def __init__(
        self,
        options: Callable[[], list[tuple[str, str]]] | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.options = options

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}_choices"
        widget["attrs"]["list"] = widget["list_id"]
        widget["options"] = self.options() if self.options else []
        return context


def sector_choices() -> list[tuple[str, str]]:
    """The VSIC divisions (level 2), each named in the page's language."""
    english = (get_language() or "vi").startswith("en")
    return [
        (division.code, division.name_en if english else division.name_vi)
        for division in vsic.DIVISIONS
    ]


def sector_name(code: str) -> str:
    """The name of the VSIC division ``code`` belongs to, in the page's language; "" if none."""
    division = vsic.division_of(code)
    if division is None:
        return ""
    return division.name_en if (get_language() or "vi").startswith("en") else division.name_vi


class SectorField(forms.CharField):
    """A project's sector: a VSIC code (``26``, ``2610``) picked from the list of divisions,
    or typed to a finer level; its first two digits must be a VSIC division."""

    widget = DatalistInput
    default_error_messages = {
        "vsic": gettext_lazy(
            "%(field)s: pick a sector from the VSIC list, or type its code of 2 to 5 digits "
            "(e.g. 2610)."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", DatalistInput(sector_choices, attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text: str = super().clean(value)
        if text and vsic.division_of(text) is None:
            raise ValidationError(
                self.error_messages["vsic"], code="vsic", params={"field": self.label}
            )
        return text
