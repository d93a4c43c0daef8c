# The view of obligations reads projects_projectevent, which the next migration of projects
# rebuilds on SQLite (its voided events): the view is dropped first, then made again by
# 0004_obligation_view_in_force, which leaves voided events out.

from django.db import migrations

from kcn.enterprise_reports.migrations import _views


class Migration(migrations.Migration):
    dependencies = [
        ("enterprise_reports", "0002_obligation_view"),
    ]

    operations = [
        migrations.RunSQL(
            "DROP VIEW enterprise_reports_obligation", _views.OBLIGATION_VIEW_BEFORE_VOIDING
        ),
    ]
