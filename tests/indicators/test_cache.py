"""Figures are kept under the data version: a second view computes nothing, and any write
through a service changes the version, so a kept figure is never served stale."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcn.audit.selectors import data_version
from kcn.core.periods import parse_period
from kcn.indicators.selectors import dashboard
from kcn.projects import services
from tests import factories as f

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 6, 30)
Q1 = parse_period("2022-Q1")


def register(code: str) -> None:
    services.project_register(
        code=code,
        name="Nhà máy A",
        zone=f.zone("Z1"),
        investor=f.investor("JP-0001"),
        origin="foreign",
        date=dt.date(2022, 1, 10),
        capital=1_000_000,
        currency="USD",
    )


def new_projects() -> int:
    board = dashboard(Q1, TODAY)
    return board.charts[1].bars[0].value  # new projects in January


def test_a_write_through_a_service_raises_the_data_version() -> None:
    before = data_version()
    register("P1")
    assert data_version() > before


def test_a_second_view_of_a_period_reads_only_the_version() -> None:
    dashboard(Q1, TODAY)
    with CaptureQueriesContext(connection) as queries:
        dashboard(Q1, TODAY)
    assert len(queries) == 1 + 4 + 1  # the version, the charts' versions, the stocks' one


def test_a_kept_dashboard_is_not_served_after_a_write() -> None:
    assert new_projects() == 0
    register("P1")
    assert new_projects() == 1
