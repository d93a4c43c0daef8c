# The view of obligations again, from the events in force: a voided certificate or
# termination owes nothing and ends nothing (docs/decisions/0014-trust-in-every-record.md).

from django.db import migrations

from kcn.enterprise_reports.migrations import _views


class Migration(migrations.Migration):
    dependencies = [
        ("enterprise_reports", "0003_drop_obligation_view"),
        ("projects", "0002_voided"),
    ]

    operations = [
        migrations.RunSQL(
            _views.OBLIGATION_VIEW_IN_FORCE, "DROP VIEW enterprise_reports_obligation"
        ),
    ]
