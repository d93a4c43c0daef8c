"""Typed audit: an entry's action is one of ``AuditAction``, in the code and in the database;
entries written before the enumeration are mapped to it by a data migration."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from kcn.audit.models import AuditAction, AuditEntry
from kcn.audit.services import audit_record
from kcn.zones.services import zone_upsert


def test_every_action_has_a_vietnamese_label():
    with translation.override("vi"):
        labels = {action: str(action.label) for action in AuditAction}
    assert labels[AuditAction.CREATE] == "tạo mới"
    assert labels[AuditAction.PUBLISH] == "công bố"
    english = {str(action.label) for action in AuditAction}
    assert not english & set(labels.values())  # every label is translated


@pytest.mark.django_db
def test_the_services_write_typed_actions():
    zone = zone_upsert(code="Z1", name="KCN 1")
    zone_upsert(code="Z1", name="KCN Một")
    entries = AuditEntry.objects.filter(model="zones.zone").order_by("pk")
    assert [entry.action for entry in entries] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert entries[0].get_action_display() == "created"
    assert zone.pk is not None


@pytest.mark.django_db
def test_an_action_outside_the_enumeration_is_refused():
    with pytest.raises(ValueError, match="'renamed' is not a valid AuditAction"):
        audit_record(actor=None, action="renamed", model="zones.zone")  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        AuditEntry.objects.create(action="renamed", model="zones.zone")


@pytest.mark.django_db(transaction=True)
def test_the_migration_maps_the_entries_written_before():
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0001_initial")])
    old = executor.loader.project_state([("audit", "0001_initial")]).apps
    Entry = old.get_model("audit", "AuditEntry")
    workflow = "reports.reportworkflow"
    written = {
        "create": Entry.objects.create(action="create", model="zones.zone"),
        "publish": Entry.objects.create(action="publish", model="reports.publishedreport"),
        "submit": Entry.objects.create(
            action="update", model=workflow, after={"state": "submitted", "note": ""}
        ),
        "approve": Entry.objects.create(
            action="update", model=workflow, after={"state": "approved", "note": ""}
        ),
        "return": Entry.objects.create(
            action="update", model=workflow, after={"state": "draft", "note": "Thiếu số liệu."}
        ),
        "publish-step": Entry.objects.create(
            action="update", model=workflow, after={"state": "published", "note": ""}
        ),
        "update": Entry.objects.create(action="update", model="zones.zone"),
        "unknown": Entry.objects.create(action="renamed", model="zones.zone"),
    }

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    actions = {name: AuditEntry.objects.get(pk=entry.pk).action for name, entry in written.items()}
    assert actions == {
        "create": "create",
        "publish": "publish",
        "submit": "submit",
        "approve": "approve",
        "return": "return",
        "publish-step": "publish",
        "update": "update",
        "unknown": "update",
    }
