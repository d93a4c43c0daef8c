"""The read replica (``DATABASE_REPLICA_URL``): the read-only pages and the report documents
read there, writes never go there. Here the replica's alias points at the test database
itself, through a connection of its own, so every query shows which alias it took."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from kcn.accounts.models import Role, User
from kcn.cli import main
from kcn.ops.replica import PIN_COOKIE, REPLICA, ReplicaRouter, replica_reads
from kcn.reports.models import Narrative
from kcn.zones.models import Zone
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def replica(settings: Any) -> None:
    """kcn configured with a replica: the alias of tests/ops/conftest.py."""
    settings.KCN_READ_REPLICA = True


@pytest.fixture
def son(replica: None) -> User:
    user = User(username="son", role=Role.SPECIALIST)
    user.set_password("correct-horse-battery")
    user.save()
    return user


def statements(context: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in context.captured_queries]


def writes(context: CaptureQueriesContext) -> list[str]:
    return [sql for sql in statements(context) if sql.lstrip().upper().startswith(WRITES)]


def tables(context: CaptureQueriesContext) -> str:
    return " ".join(statements(context))


def test_a_page_reads_the_records_on_the_replica_and_who_is_signed_in_on_the_primary(
    son: User,
) -> None:
    f.zone("Z1", name="KCN Phố Nối A")
    client = Client()
    client.force_login(son)
    with (
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        response = client.get("/zones/")
    assert response.status_code == 200
    assert "Phố Nối A" in response.content.decode()
    assert "zones_zone" in tables(replica)
    assert "zones_zone" not in tables(primary)
    assert "django_session" in tables(primary)
    assert "django_session" not in tables(replica)


def test_writes_never_go_to_the_replica_and_the_writer_then_reads_the_primary(
    son: User,
) -> None:
    client = Client()
    client.force_login(son)
    with CaptureQueriesContext(connections[REPLICA]) as replica:
        response = client.post(
            "/investors/new/", {"code": "0100109106", "name": "Công ty CP Phố Nối", "country": "VN"}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert writes(replica) == []
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    with CaptureQueriesContext(connections[REPLICA]) as replica:
        assert client.get("/investors/").status_code == 200
    assert statements(replica) == []  # pinned to the primary for a moment after its write


def test_reads_inside_a_write_transaction_stay_on_the_primary(replica: None) -> None:
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_read(Zone) == REPLICA
        assert router.db_for_read(User) == DEFAULT_DB_ALIAS
        with transaction.atomic():
            assert router.db_for_read(Zone) == DEFAULT_DB_ALIAS
    assert router.db_for_read(Zone) is None  # outside replica_reads: the primary
    assert router.db_for_write(Zone) == DEFAULT_DB_ALIAS
    assert router.allow_migrate(REPLICA, "zones") is False


def test_the_report_command_reads_the_replica(replica: None, capsys: Any) -> None:
    Narrative.objects.create(period="2022-Q1", section="investment", text="Thu hút tốt.")
    f.zone_event("Z1", dt.date(2022, 2, 1), "infrastructure_built", "29")
    with (
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as read,
    ):
        assert main(["--lang", "en", "report", "--period", "2022-Q1"]) == 0
    assert "zones_zoneevent" in tables(read)
    assert "zones_zoneevent" not in tables(primary)
    assert writes(read) == []


def test_without_a_replica_nothing_changes() -> None:
    router = ReplicaRouter()
    with override_settings(KCN_READ_REPLICA=False):
        with replica_reads():
            assert router.db_for_read(Zone) is None
        assert router.db_for_write(Zone) is None
