# The reporting periods (quarters and labor half-years, 1990–2100, with their due dates) and
# the view of obligations: every secondary project valid on a period's last day owes a report
# for it, from the first period of that kind any report was sent for (before it the board did
# not collect these reports). Plain SQL that SQLite and PostgreSQL both read.

from django.db import migrations

from kcn.enterprise_reports.periods import all_spans

OBLIGATION_VIEW = """
CREATE VIEW enterprise_reports_obligation AS
SELECT p.id * 1000 + r.id AS id, p.id AS project_id, r.id AS period_id
FROM enterprise_reports_reportingperiod r
JOIN projects_project p ON p.kind = 'secondary'
WHERE r.end_on >= (
    CASE WHEN r.kind = 'quarter'
    THEN (SELECT MIN(f.period_end) FROM enterprise_reports_projectreport f
          WHERE f.status <> 'draft')
    ELSE (SELECT MIN(f.period_end) FROM enterprise_reports_laborfiling f
          WHERE f.status <> 'draft')
    END)
AND EXISTS (SELECT 1 FROM projects_projectevent e
            WHERE e.project_id = p.id AND e.event = 'issued' AND e.date <= r.end_on)
AND NOT EXISTS (SELECT 1 FROM projects_projectevent e
                WHERE e.project_id = p.id AND e.event = 'terminated' AND e.date <= r.end_on)
"""


def add_periods(apps, schema_editor):
    ReportingPeriod = apps.get_model("enterprise_reports", "ReportingPeriod")
    ReportingPeriod.objects.bulk_create([ReportingPeriod(**span._asdict()) for span in all_spans()])


def remove_periods(apps, schema_editor):
    apps.get_model("enterprise_reports", "ReportingPeriod").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("enterprise_reports", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_periods, remove_periods),
        migrations.RunSQL(OBLIGATION_VIEW, "DROP VIEW enterprise_reports_obligation"),
    ]
