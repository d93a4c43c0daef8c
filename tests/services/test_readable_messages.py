"""Messages name fields and events by their Vietnamese labels, never by their keys
(issue 12: ``foreign_employees``, ``resolved_on``, ``'adjusted'``, ``target_max``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kcn.core.errors import KcnError
from kcn.indicators.services import target_set
from kcn.projects.services import certificate_amend, labor_report_record
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date
KEYS = ("adjusted", "foreign_employees", "resolved_on", "target_max", "capital_change", "'date'")


def message_of(action) -> str:
    with translation.override("vi"), pytest.raises(KcnError) as error:
        action()
    text = str(error.value)
    for key in KEYS:
        assert key not in text, text
    return text


def test_an_event_is_named_by_its_label() -> None:
    project = f.project("P2", [(d(2020, 1, 5), "issued", 11_200_000, "USD")])
    text = message_of(
        lambda: certificate_amend(
            project=project, date=d(2099, 1, 1), capital_change=5, currency="USD"
        )
    )
    assert text.startswith("dự án P2, sự kiện 'điều chỉnh GCNĐKĐT' ngày 01/01/2099, ngày:"), text


def test_foreign_employees_are_named_by_their_label() -> None:
    project = f.project(
        "P2", [(d(2020, 1, 5), "issued", 1_000, "USD"), (d(2021, 1, 5), "operational")]
    )
    text = message_of(
        lambda: labor_report_record(
            project=project, period_end=d(2022, 3, 31), employees=10, foreign_employees=20
        )
    )
    assert "lao động nước ngoài" in text.lower(), text


def test_a_range_target_is_explained_in_words() -> None:
    text = message_of(
        lambda: target_set(year=2022, indicator="zones_policy_approved", target=2, target_max=1)
    )
    assert "mức cao của khoảng (1) nhỏ hơn chỉ tiêu (2)" in text, text
