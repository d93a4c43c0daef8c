"""The demo data's 2022-Q1 dashboard shows the seed report's figures, each with its records."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from kcn.accounts.models import User
from kcn.demo.generator import generate
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import

pytestmark = pytest.mark.slow


def test_the_2022_q1_dashboard_of_the_demo_shows_the_seed_figures_in_vietnamese(
    tmp_path: Path, vy: User
) -> None:
    path = tmp_path / "demo.xlsx"
    write_rows_workbook(path, generate())
    assert workbook_import(path).ok
    client = Client()  # no Accept-Language: the board's language
    client.force_login(vy)
    page = client.get("/?period=2022-Q1").content.decode()
    for shown in (
        '<a href="/indicators/operating_projects/?period=2022-Q1">420</a>',
        '<a href="/indicators/operating_projects.foreign/?period=2022-Q1">240</a>',
        '<a href="/indicators/operating_projects.domestic/?period=2022-Q1">180</a>',
        '<a href="/indicators/valid_projects/?period=2022-Q1">486</a>',
        '<a href="/indicators/operating_share_pct/?period=2022-Q1">86,4%</a>',
        '<a href="/indicators/workforce/?period=2022-Q1">73.755</a>',
        "145,06 triệu USD",
        "450 triệu USD",
        "120 ha",
        "24,2%",
    ):
        assert shown in page, shown
    records = client.get("/indicators/operating_projects/?period=2022-Q1").content.decode()
    assert "<strong>420</strong>" in records
    assert "1–50 trong tổng số 420" in records

    resolved = client.get("/indicators/dossiers_resolved/?period=2022-Q1").content.decode()
    assert "<strong>79</strong>" in resolved
    on_time = client.get("/indicators/dossiers_resolved_on_time_pct/?period=2022-Q1")
    assert "<strong>100%</strong>" in on_time.content.decode()
