"""The web tests' personas and small board (tests/web/conftest.py), its 2022-Q1 report
published, for the portal's pages; and a visitor, who never signs in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from kcn.accounts.models import User
from kcn.reports.models import PublishedReport
from tests import factories as f
from tests.web.conftest import (  # noqa: F401 - fixtures, shared with the staff app's tests
    Board,
    board,
    client_of,
    lan,
    minh,
    quick_passwords,
    son,
    users,
    vy,
)


@pytest.fixture
def published(board: Board) -> PublishedReport:  # noqa: F811
    """The small board, with its 2022-Q1 report published (number 45, dated 28/03/2022)."""
    report: PublishedReport = f.published_report(
        "2022-Q1", number="45", issued_on=dt.date(2022, 3, 28)
    )
    return report


@pytest.fixture
def visitor(client_of: Callable[[User | None], Client]) -> Client:  # noqa: F811
    """Someone on the portal, in Vietnamese, never signed in."""
    return Client(HTTP_ACCEPT_LANGUAGE="vi", REMOTE_ADDR="203.0.113.7")
