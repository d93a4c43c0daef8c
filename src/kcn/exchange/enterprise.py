"""An enterprise's own workbook: its quarterly reports to fill in offline and send back.

``enterprise_workbook`` writes one sheet, ``project_reports``, with a row for
each report its projects owe and have not sent (the quarter being reported
and any earlier one still open, overdue or returned), its draft's figures
filled in. ``enterprise_workbook_submit`` reads the sheet back through the
same column readers as the exchange import, and sends each row through the
same service as the enterprise's form — in one transaction: every report, or
none. A row of another investor's project is refused without saying whether
that project exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.core.errors import KcnError, RecordError, RecordWarnings
from kcn.core.sheets import Sheet
from kcn.enterprise_reports import selectors, services
from kcn.enterprise_reports.models import PeriodKind, ProjectReport
from kcn.enterprise_reports.sheets import PROJECT_REPORTS
from kcn.exchange.importer import ImportContext, RollBack, parsed_batches
from kcn.exchange.problems import Problem, ProblemList
from kcn.exchange.xlsx import XlsxReader, write_workbook
from kcn.projects.models import Project

# The enterprise's sheet: the board's columns but the day it is sent and its state, which
# the board's side sets when the enterprise sends it.
SENDER_SET = ("submitted_on", "status")
ENTERPRISE_SHEET = Sheet(
    PROJECT_REPORTS.name,
    PROJECT_REPORTS.label,
    ProjectReport,
    key=PROJECT_REPORTS.key,
    columns=tuple(c for c in PROJECT_REPORTS.columns if c.key not in SENDER_SET),
)
FIGURES = [c.key for c in ENTERPRISE_SHEET.columns if c.key not in ("project_code", "period")]
FIELD_COLUMNS = {c.field: c.key for c in ENTERPRISE_SHEET.columns}


def enterprise_workbook(path: Path, projects: QuerySet[Project], today: dt.date) -> int:
    """Write the workbook of the reports ``projects`` owe; returns how many rows it has."""
    owed = [
        row
        for row in selectors.enterprise_home(projects, today)
        if row.period.kind == PeriodKind.QUARTER
        and row.state in ("open", "overdue", "draft", "returned")
    ]
    drafts = {
        (report.project_id, report.period): report
        for report in ProjectReport.objects.filter(
            project__in=projects, period__in=[row.period.code for row in owed]
        )
    }
    rows = []
    for row in sorted(owed, key=lambda item: (item.period.end_on, item.project.code)):
        draft = drafts.get((row.project.pk, row.period.code))
        values: list[Any] = [row.project.code, row.period.code]
        for key in FIGURES:
            column = ENTERPRISE_SHEET.column(key)
            values.append(getattr(draft, column.field) if draft is not None else None)
        rows.append(values)
    write_workbook(path, [(ENTERPRISE_SHEET.name, ENTERPRISE_SHEET.labels, iter(rows))])
    return len(rows)


@dataclass
class Submission:
    """What an enterprise's workbook gave: problems (nothing sent), warnings to confirm
    (nothing sent), or the reports sent."""

    problems: ProblemList = field(default_factory=ProblemList)
    warnings: list[Problem] = field(default_factory=list)
    sent: list[ProjectReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.warnings


def enterprise_workbook_submit(
    path: Path,
    *,
    projects: QuerySet[Project],
    actor: User,
    today: dt.date,
    confirmed: bool = False,
) -> Submission:
    """Send every report of the workbook, or none (problems, or warnings not confirmed)."""
    result = Submission()
    context = ImportContext(result.problems)
    context.start_sheet(ENTERPRISE_SHEET)
    own = {project.code: project for project in projects}
    with XlsxReader(path) as reader:
        names = reader.sheet_names
        if ENTERPRISE_SHEET.name not in names:
            raise KcnError(
                _("%(file)s has no sheet %(sheet)s: download the workbook of your reports")
                % {"file": path.name, "sheet": ENTERPRISE_SHEET.name}
            )
        for other in names:
            if other != ENTERPRISE_SHEET.name:
                result.problems.add(other, "A1", _("only the sheet project_reports is read here"))
        rows = [
            row for batch in parsed_batches(reader, ENTERPRISE_SHEET, context, 500) for row in batch
        ]
    if result.problems:
        return result
    try:
        with transaction.atomic(durable=True):
            for row in rows:
                project = own.get(row["project_code"])
                if project is None:
                    context.problem(
                        row,
                        "project_code",
                        _("%(code)s is not one of your projects") % {"code": row["project_code"]},
                    )
                    continue
                figures = {
                    ENTERPRISE_SHEET.column(key).field: row[key] for key in FIGURES if key != "note"
                }
                try:
                    result.sent.append(
                        services.project_report_write(
                            project=project,
                            period=row["period"],
                            figures=figures,
                            note=row["note"] or "",
                            submit=True,
                            confirmed=confirmed,
                            today=today,
                            actor=actor,
                        )
                    )
                except RecordWarnings as found:
                    for name, message in found.warnings:
                        cell = row.cell(FIELD_COLUMNS.get(name, "project_code"))
                        result.warnings.append(Problem(ENTERPRISE_SHEET.name, cell, message))
                except RecordError as error:
                    key = FIELD_COLUMNS.get(error.field, "period")
                    context.problem(row, key, error.message)
                except KcnError as error:
                    context.problem(row, "period", str(error))
            if result.problems or result.warnings:
                raise RollBack
    except RollBack:
        result.sent = []
    return result
