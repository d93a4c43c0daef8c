"""The SQL of the view of obligations, as the migrations make it (0002, then 0004)."""

OBLIGATION_VIEW_BEFORE_VOIDING = """
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

OBLIGATION_VIEW_IN_FORCE = """
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
            WHERE e.project_id = p.id AND e.event = 'issued' AND e.date <= r.end_on
            AND e.voided_at IS NULL)
AND NOT EXISTS (SELECT 1 FROM projects_projectevent e
                WHERE e.project_id = p.id AND e.event = 'terminated' AND e.date <= r.end_on
                AND e.voided_at IS NULL)
"""
