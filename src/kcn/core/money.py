"""Money: a ``Decimal`` amount with its currency, rounded per currency.

Registered capital keeps the currency written on the certificate (USD or
VND). VND has no minor unit; USD has cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Currency(StrEnum):
    USD = "USD"
    VND = "VND"

    @property
    def places(self) -> int:
        return CURRENCY_PLACES[self]

    @property
    def label(self) -> str:
        return str(CURRENCY_LABELS[self])


CURRENCY_PLACES = {Currency.USD: 2, Currency.VND: 0}
CURRENCY_LABELS = {Currency.USD: _("US dollar"), Currency.VND: _("Vietnamese đồng")}
CURRENCY_CHOICES = [(currency.value, currency.value) for currency in Currency]


def quantize(amount: Decimal, currency: Currency | str) -> Decimal:
    """``amount`` rounded half up to the currency's minor unit."""
    places = Currency(currency).places
    return amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: Currency

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", quantize(Decimal(self.amount), self.currency))

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
