# The view of obligations: every secondary project valid on a period's last day owes a report
# for it, from the first period of that kind any report was sent for (before it the board did
# not collect these reports). Plain SQL that SQLite and PostgreSQL both read. The reporting
# periods it joins are written by the app's post_migrate handler (apps.py), so that a test
# database emptied between tests gets them back too.

from django.db import migrations

OBLIGATION_VIEW = """
CREATE VIEW enterprise_reports_obligation AS
SELECT p.id * 100000 + r.ordinal AS id, p.id AS project_id, r.id AS period_id
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


class Migration(migrations.Migration):
    dependencies = [
        ("enterprise_reports", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(OBLIGATION_VIEW, "DROP VIEW enterprise_reports_obligation"),
    ]
