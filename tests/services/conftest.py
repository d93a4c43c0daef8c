"""Fixtures of the service tests: a person who enters records, and "nothing was written"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from django.apps import apps
from django.db import models

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditEntry
from kcn.core.errors import KcnError

SKIPPED_APPS = {"contenttypes", "auth", "sessions"}


@pytest.fixture
def specialist(db: None) -> User:
    """A specialist of the board: enters and edits records."""
    return User.objects.create(username="lan", role=Role.SPECIALIST)


def database_contents() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of the program, audit trail included."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label not in SKIPPED_APPS
    }


@pytest.fixture
def refused(db: None) -> Callable[[str], AbstractContextManager[pytest.ExceptionInfo[KcnError]]]:
    """``with refused("message part"):`` — the block raises ``KcnError`` and writes nothing."""

    @contextmanager
    def check(match: str) -> Iterator[pytest.ExceptionInfo[KcnError]]:
        before = database_contents()
        with pytest.raises(KcnError) as info:
            yield info
        assert match in str(info.value), str(info.value)
        assert database_contents() == before

    return check


def audit_of(instance: models.Model) -> list[AuditEntry]:
    """The audit entries of one record, oldest first."""
    return list(
        AuditEntry.objects.filter(
            model=instance._meta.label_lower, object_pk=str(instance.pk)
        ).order_by("id")
    )


def only_audit_entry(instance: models.Model) -> AuditEntry:
    entries = audit_of(instance)
    assert len(entries) == 1, entries
    return entries[0]
