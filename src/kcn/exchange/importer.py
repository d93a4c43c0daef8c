"""Importing an exchange workbook: validate everything, write all or nothing.

The import runs in one database transaction. Sheets are read as streams in
the order of ``schema.SHEETS`` (what a row refers to is loaded first); each
batch of rows is parsed, checked and written, so memory does not grow with
the number of rows. Every problem is collected as ``sheet!cell: message``;
if there is any, the transaction is rolled back and nothing is written.

Rows are upserted by their sheet's key; rows of sheets without a key are
matched on all their columns, so importing a workbook twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.core.cells import CellError, read_date
from kcn.core.style import short_date
from kcn.exchange.problems import ProblemList
from kcn.exchange.schema import SHEETS, SHEETS_BY_NAME, Column, Sheet, normalize_header
from kcn.exchange.seen import SeenKeys, digest
from kcn.exchange.trail import ImportTrail
from kcn.exchange.xlsx import CellValue, Flawed, XlsxReader, column_letter

Progress = Callable[[str, int], None]  # (sheet name, rows just read)


@dataclass
class SheetSummary:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportResult:
    problems: ProblemList
    summary: dict[str, SheetSummary] = field(default_factory=dict)
    # Possible but unlikely rows (docs/reference/workbook.md, "Warnings"): listed beside the
    # summary, they never stop the import.
    warnings: ProblemList = field(default_factory=ProblemList)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows(self) -> int:
        return sum(sheet.rows for sheet in self.summary.values())


class Row(dict[str, Any]):
    """One parsed row: typed values by column key (a dict), its number and column letters.

    Every column of the sheet's header is a key; an empty cell is ``None``.
    """

    __slots__ = ("letters", "number")

    def __init__(self, number: int, letters: dict[str, str]) -> None:
        super().__init__()
        self.number = number
        self.letters = letters

    def cell(self, key: str) -> str:
        return f"{self.letters.get(key, 'A')}{self.number}"

    def __missing__(self, key: str) -> None:
        return None  # a column the workbook does not have reads as empty


class RollBack(Exception):
    """Raised inside the transaction to undo everything when a problem was found."""


class ImportContext:
    """What the loaders of one import share: problems, summaries and key maps."""

    def __init__(self, problems: ProblemList, today: dt.date | None = None) -> None:
        self.problems = problems
        self.warnings = ProblemList()
        # Nothing is dated after the day of the import (docs/reference/workbook.md).
        self.today = today or timezone.localdate()
        self.summary: dict[str, SheetSummary] = {}
        # Key maps filled by loaders for the sheets that refer to them.
        self.maps: dict[str, dict[Any, Any]] = {}
        self.sheet: Sheet = SHEETS[0]
        self.seen: SeenKeys | None = None
        # Checks that need every sheet loaded (e.g. each new project has its certificate).
        self.final_checks: list[Callable[[], None]] = []
        # The audit entries of the records written (None: not audited, e.g. a loader's test).
        self.trail: ImportTrail | None = None

    def start_sheet(self, sheet: Sheet) -> SheetSummary:
        self.sheet = sheet
        self.seen = SeenKeys()
        return self.summary.setdefault(sheet.name, SheetSummary())

    def problem(self, row: Row | None, key: str, message: str) -> None:
        cell = row.cell(key) if row is not None else "A1"
        self.problems.add(self.sheet.name, cell, message)

    def warning(self, row: Row | None, key: str, message: str) -> None:
        cell = row.cell(key) if row is not None else "A1"
        self.warnings.add(self.sheet.name, cell, message)

    def first_rows(self, rows: list[Row], keys: list[tuple[Any, ...]]) -> list[int | None]:
        """For each row and its key: the earlier row of this sheet with that key, or None."""
        assert self.seen is not None
        return self.seen.remember(
            [(digest(key), row.number) for row, key in zip(rows, keys, strict=True)]
        )

    def rows_of(self, keys: list[tuple[Any, ...]]) -> list[int | None]:
        """The rows of this sheet where these keys were seen (None where not)."""
        assert self.seen is not None
        tokens = [digest(key) for key in keys]
        found = self.seen.rows_of(tokens)
        return [found.get(token) for token in tokens]

    @property
    def summary_of_sheet(self) -> SheetSummary:
        return self.summary[self.sheet.name]


def workbook_import(
    path: Path,
    *,
    actor: Any = None,
    name: str | None = None,
    progress: Progress | None = None,
    batch_size: int = 2000,
    today: dt.date | None = None,
) -> ImportResult:
    """Import ``path``; on any problem nothing is written and ``result.ok`` is False.

    ``today`` is the day of the import (the local date when not given): nothing may be
    dated after it. A file that is no workbook raises ``KcnError`` saying why.

    The audit trail names the workbook ``name`` (the file's name as the user sent it;
    by default the name of ``path``) and records ``actor`` as the one who imported it.
    """
    from kcn.exchange.loaders import loader_for

    problems = ProblemList()
    context = ImportContext(problems, today)
    with XlsxReader(path) as reader:
        for sheet_name in reader.duplicate_sheets:
            problems.add(
                sheet_name,
                "A1",
                _(
                    "the workbook has a second sheet named %(sheet)s (sheet names are the same "
                    "whatever their case): keep one"
                )
                % {"sheet": sheet_name},
            )
        for sheet_name in reader.sheet_names:
            if sheet_name not in SHEETS_BY_NAME:
                problems.add(
                    sheet_name,
                    "A1",
                    _(
                        "%(sheet)s is not a sheet of the exchange workbook (expected one of: "
                        "%(sheets)s)"
                    )
                    % {"sheet": sheet_name, "sheets": ", ".join(sheet.name for sheet in SHEETS)},
                )
        try:
            with transaction.atomic():
                context.trail = ImportTrail(actor=actor, path=path, name=name)
                for sheet in SHEETS:
                    if sheet.name not in reader.sheet_names:
                        continue
                    summary = context.start_sheet(sheet)
                    loader = loader_for(sheet, context)
                    for rows in parsed_batches(reader, sheet, context, batch_size):
                        summary.rows += len(rows)
                        loader.load(rows)
                        if progress is not None:
                            progress(sheet.name, len(rows))
                    loader.finish()
                for check in context.final_checks:
                    check()
                if context.seen is not None:
                    context.seen.drop()
                if problems:
                    raise RollBack
                context.trail.close(
                    {sheet: vars(summary) for sheet, summary in context.summary.items()}
                )
        except RollBack:
            pass
    return ImportResult(problems=problems, summary=context.summary, warnings=context.warnings)


def parsed_batches(
    reader: XlsxReader, sheet: Sheet, context: ImportContext, batch_size: int
) -> Iterable[list[Row]]:
    plan: list[tuple[int, Column, Limit | None]] | None = None
    width = 0
    letters: dict[str, str] = {}
    for batch in reader.rows(sheet.name, batch_size):
        parsed: list[Row] = []
        for number, values in batch:
            if plan is None:
                columns = _read_header(sheet, number, values, context)
                if columns is None:
                    return
                plan = [
                    (index, sheet.column(key), column_limit(sheet, sheet.column(key), context))
                    for index, key in sorted(columns.items())
                ]
                width = max(columns) + 1
                letters = {key: column_letter(index) for index, key in columns.items()}
                continue
            row = _parse_row(sheet.name, number, values, plan, width, letters, context)
            if row is not None:
                parsed.append(row)
        if parsed:
            yield parsed


def _read_header(
    sheet: Sheet, number: int, values: list[CellValue], context: ImportContext
) -> dict[int, str] | None:
    """Column index → key from row 1; None (and problems) when it cannot be read."""
    if number != 1:
        context.problems.add(sheet.name, "A1", _("row 1 must hold the column headers"))
        return None
    columns: dict[int, str] = {}
    ok = True
    for index, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, Flawed):
            ok = False
            context.problems.add(sheet.name, f"{column_letter(index)}1", value.message)
            continue
        header = str(value)
        key = sheet.by_header.get(normalize_header(header))
        cell = f"{column_letter(index)}1"
        if key is None:
            ok = False
            context.problems.add(
                sheet.name,
                cell,
                _("unknown column '%(header)s' (the columns of this sheet are: %(keys)s)")
                % {"header": header, "keys": ", ".join(sheet.keys)},
            )
        elif key in columns.values():
            ok = False
            context.problems.add(
                sheet.name, cell, _("column '%(header)s' appears twice") % {"header": header}
            )
        else:
            columns[index] = key
    for column in sheet.columns:
        if column.required and column.key not in columns.values():
            ok = False
            context.problems.add(
                sheet.name,
                "A1",
                _("the required column %(key)s ('%(label)s') is missing")
                % {"key": column.key, "label": column.label},
            )
    return columns if ok else None


def _parse_row(
    sheet: str,
    number: int,
    values: list[CellValue],
    plan: list[tuple[int, Column, Limit | None]],
    width: int,
    letters: dict[str, str],
    context: ImportContext,
) -> Row | None:
    """The typed values of one row, or None after reporting its problems."""
    row = parsed = Row(number, letters)
    ok = True
    if len(values) > width:
        for index in range(width, len(values)):
            if values[index] is not None:
                context.problems.add(
                    sheet,
                    f"{column_letter(index)}{number}",
                    _("a value in a column without header"),
                )
                ok = False
    count = len(values)
    for index, column, limit in plan:
        raw = values[index] if index < count else None
        if raw is None or (raw.__class__ is str and not raw.strip()):  # type: ignore[union-attr]
            if column.required:
                context.problems.add(
                    sheet,
                    row.cell(column.key),
                    _("%(key)s ('%(label)s') is required")
                    % {"key": column.key, "label": column.label},
                )
                ok = False
            parsed[column.key] = None
            continue
        if raw.__class__ is Flawed:
            context.problems.add(sheet, row.cell(column.key), f"{column.key}: {raw}")
            ok = False
            continue
        try:
            value = parsed[column.key] = column.read(raw)  # type: ignore[arg-type]
        except CellError as error:
            context.problems.add(sheet, row.cell(column.key), f"{column.key}: {error}")
            ok = False
            continue
        if limit is not None:
            problem = limit(value)
            if problem is not None:
                context.problems.add(sheet, row.cell(column.key), f"{column.key}: {problem}")
                ok = False
    return row if ok else None


Limit = Callable[[Any], "str | None"]
# The largest value of each kind of integer field, on every database.
INTEGER_LIMITS = {
    "PositiveSmallIntegerField": 32_767,
    "SmallIntegerField": 32_767,
    "PositiveIntegerField": 2_147_483_647,
    "IntegerField": 2_147_483_647,
}


def column_limit(sheet: Sheet, column: Column, context: ImportContext) -> Limit | None:
    """What the column's model field holds beyond its reader's rules, as a check of a value
    read: a text's length, a number's digits, a date not after the day of the import.

    The import writes below the ORM, so without these a database would refuse the batch
    (PostgreSQL) or store what no form accepts (SQLite).
    """
    if column.lookup is not None:
        return None  # a key of another record: it is found, or it is a problem
    field = sheet.model_field(column)
    if isinstance(field, models.CharField) and (column.checks or column.clean):
        return None  # the app's rules check it, with their own message
    if column.read is read_date:
        if column.future:
            return None
        today = context.today

        def not_after_today(day: dt.date) -> str | None:
            if day <= today:
                return None
            return _(
                "%(date)s is after today (%(today)s): a record of the future is a typing error"
            ) % {"date": short_date(day), "today": short_date(today)}

        return not_after_today
    if isinstance(field, models.CharField) and field.max_length:
        longest = field.max_length

        def short_enough(text: Any) -> str | None:
            if not isinstance(text, str) or len(text) <= longest:
                return None
            return _("%(length)s characters, more than the %(max)s this column holds") % {
                "length": len(text),
                "max": longest,
            }

        return short_enough
    if isinstance(field, models.DecimalField):
        digits = (field.max_digits or 0) - (field.decimal_places or 0)
        bound = 10**digits

        def small_enough(number: Any) -> str | None:
            if number is None or -bound < number < bound:
                return None
            return _(
                "%(value)s is too large: at most %(digits)s digits before the decimal mark"
            ) % {"value": number, "digits": digits}

        return small_enough
    largest = INTEGER_LIMITS.get(type(field).__name__)
    if largest is not None:

        def within(number: Any) -> str | None:
            if number is None or -largest <= number <= largest:
                return None
            return _("%(value)s is too large: at most %(max)s") % {
                "value": number,
                "max": largest,
            }

        return within
    return None
