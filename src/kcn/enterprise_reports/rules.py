"""The rules an enterprise's report obeys (docs/reference/workbook.md, ``project_reports``),
and the warnings that ask for a confirmation. The workbook import, the enterprise's forms,
the staff's review and the API share them, so their messages agree.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kcn.core.errors import KcnError
from kcn.enterprise_reports.periods import ReportingSpan, labor_half, quarter
from kcn.projects.rules import check_foreign_employees

QUARTER = re.compile(r"^\s*(\d{4})\s*-\s*Q([1-4])\s*$", re.IGNORECASE)
HALF = re.compile(r"^\s*(\d{4})\s*-\s*H([12])\s*$", re.IGNORECASE)


def quarter_span(code: str) -> ReportingSpan:
    """The quarter of a code such as ``2022-Q1``; anything else is refused."""
    found = QUARTER.match(code or "")
    if found is None:
        raise KcnError(
            _("%(value)s is not a quarter: write it as 2022-Q1") % {"value": f"'{code}'"}
        )
    return quarter(int(found.group(1)), int(found.group(2)))


def half_span(code: str) -> ReportingSpan:
    """The labor half-year of a code such as ``2022-H1``."""
    found = HALF.match(code or "")
    if found is None:
        raise KcnError(
            _("%(value)s is not a half-year: write it as 2022-H1") % {"value": f"'{code}'"}
        )
    return labor_half(int(found.group(1)), int(found.group(2)))


def check_project_in_period(
    span: ReportingSpan, issued_on: dt.date | None, terminated_on: dt.date | None
) -> str | None:
    """A project reports for a period when it was issued by its last day and not terminated
    before its first day."""
    if issued_on is None or issued_on > span.end_on:
        return _("the project has no certificate on or before %(date)s, the end of %(period)s") % {
            "date": span.end_on.strftime("%d/%m/%Y"),
            "period": span.code,
        }
    if terminated_on is not None and terminated_on < span.start_on:
        return _("the project was terminated on %(date)s, before %(period)s") % {
            "date": terminated_on.strftime("%d/%m/%Y"),
            "period": span.code,
        }
    return None


def check_submitted_on(span: ReportingSpan, submitted_on: dt.date, today: dt.date) -> str | None:
    """A report is sent once its period is over, and never dated in the future."""
    if submitted_on < span.end_on:
        return _("%(date)s is before %(end)s, the last day of %(period)s") % {
            "date": submitted_on.strftime("%d/%m/%Y"),
            "end": span.end_on.strftime("%d/%m/%Y"),
            "period": span.code,
        }
    if submitted_on > today:
        return _("%(date)s is in the future") % {"date": submitted_on.strftime("%d/%m/%Y")}
    return None


def check_headcount(employees: int | None, foreign_employees: int | None) -> str | None:
    """The foreign workers are some of the workers: both given, and not more."""
    if foreign_employees is None:
        return None
    if employees is None:
        return _("the number of employees is required with the foreign ones")
    return check_foreign_employees(employees, foreign_employees)


def check_capital_detail(
    realized: Decimal | None,
    contributed: Decimal | None,
    loans: Decimal | None,
    reinvested: Decimal | None,
) -> str | None:
    """The detail of capital realized, when given, adds up to it."""
    parts = [part for part in (contributed, loans, reinvested) if part is not None]
    if not parts:
        return None
    if realized is None:
        return _("the capital realized is required with its detail")
    if sum(parts, Decimal(0)) != realized:
        return _(
            "contributed, loans and reinvested add up to %(sum)s, not to the capital realized "
            "(%(realized)s)"
        ) % {"sum": _plain(sum(parts, Decimal(0))), "realized": _plain(realized)}
    return None


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


# --- Warnings: possible but unlikely; the user confirms -------------------------------

REVENUE_JUMP = 10  # "revenue ×10" against the previous quarter


def report_warnings(
    values: dict[str, Any], previous: dict[str, Any] | None
) -> list[tuple[str, str]]:
    """``(field, message)`` for what looks wrong against the previous quarter's report:
    revenue ten times higher or lower, the headcount halved or more."""
    if previous is None:
        return []
    warnings = []
    revenue, before = values.get("revenue"), previous.get("revenue")
    if (
        revenue is not None
        and before
        and (revenue >= before * REVENUE_JUMP or revenue * REVENUE_JUMP <= before)
    ):
        warnings.append(
            (
                "revenue",
                _(
                    "the revenue (%(now)s) is ten times or more away from the previous "
                    "quarter's (%(before)s): check the unit"
                )
                % {"now": _plain(Decimal(revenue)), "before": _plain(Decimal(before))},
            )
        )
    employees, before_employees = values.get("employees"), previous.get("employees")
    if employees is not None and before_employees and employees * 2 <= before_employees:
        warnings.append(
            (
                "employees",
                _("the workers (%(now)s) are half or fewer of the previous quarter's (%(before)s)")
                % {"now": employees, "before": before_employees},
            )
        )
    return warnings
