"""Personas of the web tests and a small board with a bit of everything.

- Lan, the leader: everything, manages users.
- Sơn, a specialist: enters and edits records.
- Vy, a viewer: reads only.
- Minh, an enterprise user for the Japanese investor JP-0001.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from kcn.accounts.models import Role, User
from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.projects.models import Inspection, Project
from kcn.reports.models import Narrative, Priority
from tests import factories as f

d = dt.date
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def quick_passwords(settings: Any) -> None:
    """Hash the personas' passwords quickly; hashing is not what these tests check."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _user(username: str, role: str, **fields: object) -> User:
    user = User(username=username, role=role, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def lan(db: None) -> User:
    return _user("lan", Role.LEADER, first_name="Nguyễn Thị Lan")


@pytest.fixture
def son(db: None) -> User:
    return _user("son", Role.SPECIALIST)


@pytest.fixture
def vy(db: None) -> User:
    return _user("vy", Role.VIEWER)


@pytest.fixture
def minh(db: None) -> User:
    return _user("minh", Role.ENTERPRISE, investor=f.investor("JP-0001", country="JP"))


@pytest.fixture
def users(lan: User, son: User, vy: User, minh: User) -> dict[str, User]:
    return {"leader": lan, "specialist": son, "viewer": vy, "enterprise": minh}


@pytest.fixture
def client_of() -> Callable[[User | None], Client]:
    """A browser signed in as the user (anonymous for None), asking for English pages."""

    def make(user: User | None) -> Client:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        if user is not None:
            client.force_login(user)
        return client

    return make


@dataclass
class Board:
    mine: Project  # JP-0001's project: Minh's
    theirs: Project  # a domestic investor's project
    my_inspection: Inspection
    their_inspection: Inspection
    dossier: Dossier
    plan: Document
    child_plan: Document
    report: Any  # Minh's quarterly report for 2022-Q1, waiting for review


@pytest.fixture
def board(db: None) -> Board:
    """Two projects of two investors in zone Z1, with a ledger, labor, inspections and more."""
    mine = f.project(
        "P-JP",
        [
            (d(2021, 3, 1), "issued", "10000000", "USD"),
            (d(2021, 9, 1), "operational"),
            (d(2022, 2, 10), "adjusted", "2500000", "USD"),
        ],
    )
    theirs = f.project(
        "P-VN",
        [(d(2022, 1, 20), "issued", "345000000000", "VND")],
        origin="domestic",
    )
    f.rate(d(2021, 1, 1), 23000)
    f.labor(mine, d(2021, 12, 31), 3000, new_jobs=3000)
    f.zone_event("Z1", d(2022, 2, 1), "infrastructure_built", "29")
    f.target(2022, "infrastructure_built_ha", 120)
    my_inspection = f.inspection(mine, d(2022, 3, 2))
    their_inspection = f.inspection(theirs, d(2022, 3, 3), violation=True)
    dossier = f.dossier("HS-0001", d(2022, 1, 4), d(2022, 1, 25), d(2022, 1, 20))
    plan = f.document("166/KH-BQL", d(2022, 2, 15))
    plan.type = "KH"
    plan.title = "Kế hoạch thực hiện nhiệm vụ năm 2022"
    plan.save()
    child_plan = f.document("170/KH-BQL", d(2022, 2, 20))
    child_plan.parent = plan
    child_plan.title = "Kế hoạch chuyên đề cải cách hành chính"
    child_plan.save()
    Narrative.objects.create(period="2022-Q1", section="investment", text="Thu hút đầu tư tốt.")
    Priority.objects.create(period="2022-Q2", order=1, text="Đẩy nhanh giải phóng mặt bằng.")
    report = f.project_report(mine, "2022-Q1", d(2022, 4, 5), status="submitted", revenue="100")
    return Board(mine, theirs, my_inspection, their_inspection, dossier, plan, child_plan, report)
