"""The audit trail of an import: the workbook (name, SHA-256, who) and each record it created
or changed, with the values before and after (issue 8, item 6)."""

from __future__ import annotations

import hashlib

import pytest

from kcn.accounts.models import Role, User
from kcn.audit.models import AuditEntry
from kcn.audit.selectors import record_history
from kcn.exchange.importer import workbook_import
from kcn.projects.models import Project, ProjectEvent
from kcn.zones.models import Zone
from tests.exchange.samples import valid, with_extra, with_row

pytestmark = pytest.mark.django_db


def workbook_entry() -> AuditEntry:
    return AuditEntry.objects.get(model="exchange.workbook")


def test_the_workbook_is_recorded_with_its_name_hash_size_user_and_rows(write_workbook):
    path = write_workbook(valid())
    hà = User.objects.create(username="ha", role=Role.SPECIALIST)
    result = workbook_import(path, actor=hà, name="Báo cáo quý 1.xlsx")
    assert result.ok, result.problems.listed
    entry = workbook_entry()
    assert (entry.action, entry.actor, entry.object_repr) == ("import", hà, "Báo cáo quý 1.xlsx")
    assert entry.after["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.after["bytes"] == path.stat().st_size
    projects = {"rows": 2, "added": 2, "updated": 0, "unchanged": 0}
    assert entry.after["sheets"]["projects"] == projects
    added = sum(sheet.added for sheet in result.summary.values())
    assert entry.records.filter(action="create").count() == added
    # A phase's parent zone and a plan's parent plan are linked once the whole sheet is in.
    links = entry.records.filter(action="update")
    assert sorted(links.values_list("object_repr", "after")) == [
        ("201/KH-BQL", {"parent": "166/KH-BQL"}),
        ("TLII-3", {"parent": "TLII"}),
    ]
    assert entry.after["records"] == added + 2
    assert set(entry.records.values_list("actor", flat=True)) == {hà.pk}


def test_each_record_created_has_its_values_with_references_named_by_their_keys(import_rows):
    assert import_rows(valid()).ok
    project = Project.objects.get(code="P1")
    entry = AuditEntry.objects.get(model="projects.project", object_pk=str(project.pk))
    assert entry.action == "create"
    assert entry.import_entry == workbook_entry()
    assert entry.object_repr == "P1"
    assert entry.before is None
    assert entry.after["name"] == "Nhà máy A"
    assert entry.after["zone"] == "TLII"  # the zone's code, not its id
    assert entry.after["investor"] == "0100109106"
    zone = Zone.objects.get(code="TLII-3")
    zone_entry = AuditEntry.objects.get(model="zones.zone", object_pk=str(zone.pk), action="create")
    assert zone_entry.after["area_ha"] == "180.5"


def test_rows_without_a_key_are_audited_with_the_id_of_their_record(import_rows):
    assert import_rows(valid()).ok
    events = ProjectEvent.objects.all()
    audited = AuditEntry.objects.filter(model="projects.projectevent", action="create")
    assert sorted(int(pk) for pk in audited.values_list("object_pk", flat=True)) == sorted(
        events.values_list("pk", flat=True)
    )
    issued = events.get(project__code="P1", event="issued")
    entry = audited.get(object_pk=str(issued.pk))
    assert entry.after["project"] == "P1"
    assert entry.after["date"] == issued.date.isoformat()
    assert entry.object_repr.startswith("P1 · ")


def test_a_record_changed_keeps_only_the_changed_fields_before_and_after(import_rows):
    assert import_rows(valid()).ok
    result = import_rows(with_row("projects", 0, name="Nhà máy A (đổi tên)"))
    assert result.ok
    project = Project.objects.get(code="P1")
    change = AuditEntry.objects.get(model="projects.project", action="update")
    assert change.object_pk == str(project.pk)
    assert change.before == {"name": "Nhà máy A"}
    assert change.after == {"name": "Nhà máy A (đổi tên)"}
    # Unchanged records are not written again, and so not audited again.
    second = AuditEntry.objects.filter(model="exchange.workbook").latest("id")
    assert list(second.records.all()) == [change]
    assert change in record_history(project)


def test_a_new_parent_is_audited_as_a_change_of_the_zone(import_rows):
    data = valid()
    data["zones"][1].pop("parent_code")
    assert import_rows(data).ok
    assert import_rows(valid()).ok
    phase = Zone.objects.get(code="TLII-3")
    change = AuditEntry.objects.get(model="zones.zone", object_pk=str(phase.pk), action="update")
    assert (change.before, change.after) == ({"parent": None}, {"parent": "TLII"})


def test_a_refused_workbook_leaves_no_audit_entry(import_rows):
    result = import_rows(with_extra("projects", code="P9", name="x", zone_code="NOPE"))
    assert not result.ok
    assert not AuditEntry.objects.exists()
