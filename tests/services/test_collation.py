"""Names sort in Vietnamese order, in Python (SQLite's collation) and in the database
(SQLite with ours, PostgreSQL with ICU's ``vi-x-icu``): the same order on both."""

from __future__ import annotations

import random

import pytest
from django.db.models import F

from kcn.core.collation import Vietnamese, compare, vietnamese_key
from kcn.investors.models import Investor
from kcn.investors.selectors import investor_list
from tests import factories as f

# Each before the next, as a Vietnamese dictionary or ICU's "vi" orders them.
IN_ORDER = [
    "An",
    "Anh",
    "Ăn",  # ă is a letter after a: "Anh" before "Ăn"
    "Ân",
    "Bình",
    "Dung",
    "Đào",  # đ is a letter after d
    "Đức",
    "Minh Đức",
    "Minh Quang",  # "Minh Đức" before "Minh Quang"
    "Ô tô",
    "Ơn",
    "Quang",
    "Tú",
    "Từ",  # ư after u
    "Văn",
    "Ý",
]
# Tones are secondary: no tone, huyền, hỏi, ngã, sắc, nặng.
TONES = ["ma", "mà", "mả", "mã", "má", "mạ"]


def shuffled(names: list[str]) -> list[str]:
    copy = list(names)
    random.Random(12).shuffle(copy)
    return copy


def test_the_key_orders_letters_then_tones_then_case() -> None:
    assert sorted(shuffled(IN_ORDER), key=vietnamese_key) == IN_ORDER
    assert sorted(shuffled(TONES), key=vietnamese_key) == TONES
    assert sorted(["mạ", "mb"], key=vietnamese_key) == ["mạ", "mb"]  # letters before tones
    assert sorted(["Minh", "minh"], key=vietnamese_key) == ["minh", "Minh"]
    assert compare("Minh Đức", "Minh Quang") == -1
    assert compare("Đức", "đức") == 1
    assert compare("Hà Nội", "Hà Nội") == 0
    # Composed and decomposed forms are the same name.
    assert compare("Đức", "Đu\u031b\u0301c") == 0


def test_a_byte_order_would_get_it_wrong() -> None:
    assert sorted(["Minh Đức", "Minh Quang"]) == ["Minh Quang", "Minh Đức"]


@pytest.mark.django_db
def test_the_database_sorts_names_in_vietnamese_order() -> None:
    for n, name in enumerate(shuffled(IN_ORDER)):
        f.investor(f"I-{n:02d}", name=name)
    ordered = Investor.objects.order_by(Vietnamese(F("name")).asc(), "pk")
    assert list(ordered.values_list("name", flat=True)) == IN_ORDER


@pytest.mark.django_db
def test_the_investor_list_sorts_by_name_both_ways() -> None:
    for n, name in enumerate(shuffled(IN_ORDER)):
        f.investor(f"I-{n:02d}", name=name)
    names = list(investor_list(order=["name", "pk"]).values_list("name", flat=True))
    assert names == IN_ORDER
    names = list(investor_list(order=["-name", "pk"]).values_list("name", flat=True))
    assert names == IN_ORDER[::-1]


@pytest.mark.django_db
def test_tones_sort_the_same_in_the_database() -> None:
    for n, name in enumerate(shuffled(TONES)):
        f.investor(f"T-{n:02d}", name=name)
    ordered = Investor.objects.order_by(Vietnamese(F("name")).asc())
    assert list(ordered.values_list("name", flat=True)) == TONES
