"""Audit actions become an enumeration (``AuditAction``): map the entries written before.

create, update, delete, import and publish keep their value. The report's workflow wrote
its steps as "update" of the workflow record with the new state in ``after``; each becomes
the step it was: submit, approve, return (to draft) or publish. Anything else unknown
becomes "update", so that the constraint of the next migration holds.
"""

from django.db import migrations

KNOWN = {"create", "update", "delete", "import", "submit", "approve", "return", "publish"}
WORKFLOW_STEPS = {
    "submitted": "submit",
    "approved": "approve",
    "draft": "return",
    "published": "publish",
}


def forwards(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    steps = AuditEntry.objects.filter(model="reports.reportworkflow", action="update")
    for entry in steps.only("pk", "after").iterator():
        state = (entry.after or {}).get("state") if isinstance(entry.after, dict) else None
        if state in WORKFLOW_STEPS:
            AuditEntry.objects.filter(pk=entry.pk).update(action=WORKFLOW_STEPS[state])
    AuditEntry.objects.exclude(action__in=KNOWN).update(action="update")


def backwards(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    AuditEntry.objects.filter(
        model="reports.reportworkflow", action__in=["submit", "approve", "return", "publish"]
    ).update(action="update")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
