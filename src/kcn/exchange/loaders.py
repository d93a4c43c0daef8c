"""Loaders turn parsed rows into records, as each sheet's definition says.

What a sheet's columns mean — the model field each fills, what an empty cell
stores, the record a lookup names, the rules of each column — is the sheet's
definition (``<app>/sheets.py``); ``SheetLoader.values`` and ``check`` apply it
to a row, and most sheets need nothing more. A loader of its own adds only
what needs code: rules over several columns that compute values (a
document's number from its symbol, a dossier's due date), links between rows
of one sheet (a zone's parent zone), and rules over the whole sheet or the
database (a project's ledger in date order).

A loader's ``load`` receives a batch of parsed rows and writes it (inside the
import's transaction); ``finish`` runs the checks that need the whole sheet.
Problems go to the import context, pinned to the cell they are about.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from operator import itemgetter
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.core.errors import KcnError
from kcn.core.sheets import Column, Lookup, Sheet
from kcn.core.symbols import parse_symbol
from kcn.core.trees import makes_cycle
from kcn.core.workdays import WorkingCalendar
from kcn.documents import rules as document_rules
from kcn.documents.models import Document
from kcn.dossiers import rules as dossier_rules
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import Procedure
from kcn.enterprise_reports import rules as report_rules
from kcn.exchange.bulk import insert_rows, update_rows
from kcn.exchange.importer import ImportContext, Row
from kcn.exchange.schema import SHEETS_BY_NAME
from kcn.exchange.trail import RecordValues
from kcn.investors.rules import normalize_investor_code
from kcn.projects.models import ProjectEvent, ProjectEventKind
from kcn.projects.rules import (
    LedgerEntry,
    amendment_capital,
    check_ledger,
    new_jobs_warning,
    not_operating_warning,
    status_on,
)
from kcn.zones.models import ZONE_EVENTS_WITH_AREA, Zone, ZoneEvent
from kcn.zones.rules import area_warning

WRITE_BATCH = 1000
Values = dict[str, Any]  # a row's values by model field ("zone" holds the zone's id)


def voided_problem(record: Any) -> str:
    """Why a row that names a voided record is left out (docs/decisions/0014)."""
    return _(
        "the same as a record voided on %(date)s (%(reason)s): it stays voided and the row is "
        "left out"
    ) % {
        "date": timezone.localtime(record.voided_at).strftime("%d/%m/%Y"),
        "reason": record.void_reason,
    }


def _token(value: Any) -> Any:
    """A comparable form: ``Decimal('1.50')`` and ``Decimal('1.5')`` are the same value."""
    if value.__class__ is tuple:
        return tuple([item.normalize() if item.__class__ is Decimal else item for item in value])
    if value.__class__ is Decimal:
        return value.normalize()
    return value


class Loader:
    """Base of the loaders: a sheet's rows in the import's context."""

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        self.context = context
        self.sheet = sheet

    def load(self, rows: list[Row]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Checks and writes that need the whole sheet."""

    def problem(self, row: Row | None, key: str, message: str) -> None:
        self.context.problem(row, key, message)

    # -- references to other sheets -------------------------------------------------

    def ref_map(self, name: str) -> dict[str, Any]:
        """Keys to ids of the records of sheet ``name``, read once from the database.

        A sheet written by this import drops its map, so that it is read again
        with the new records when a later sheet needs it.
        """
        cached = self.context.maps.get(name)
        if cached is None:
            sheet = SHEETS_BY_NAME[name]
            key = sheet.column(sheet.key[0]).field
            cached = dict(sheet.model._default_manager.values_list(key, "id"))
            self.context.maps[name] = cached
        return cached

    def resolve(self, row: Row, key: str, code: str, lookup: Lookup) -> Any:
        """The id of the record ``code`` names; a problem and None when there is none."""
        found = self.ref_map(lookup.sheet).get(code)
        if found is None and lookup.alias is not None:
            found = self.ref_map(lookup.sheet).get(lookup.alias(code))
        if found is None:
            self.problem(
                row,
                key,
                _(
                    "%(what)s %(code)s does not exist "
                    "(neither in sheet %(sheet)s nor in the database)"
                )
                % {"what": lookup.what, "code": code, "sheet": lookup.sheet},
            )
        return found


class SheetLoader(Loader):
    """Reads each row as the sheet's definition says; a subclass adds what needs code.

    ``to_fields`` is the import's hot path: the definition is turned into flat
    lists once, in ``__init__``, and each row is one pass over them.
    """

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        linked = {column.key for column in sheet.links}
        read = [c for c in sheet.columns if c.key not in linked]
        # Columns stored as read: (column key, model field, what an empty cell stores).
        self.plain = [
            (c.key, c.field, sheet.empty(c)) for c in read if c.clean is None and c.lookup is None
        ]
        # Columns with a clean rule or a lookup: (key, field, empty, clean, lookup).
        self.special = [
            (c.key, c.field, sheet.empty(c), c.clean, c.lookup)
            for c in read
            if c.clean is not None or c.lookup is not None
        ]
        # (column key, rule, a getter of the values it reads, how many, the columns it uses)
        self.checks = [
            (
                column.key,
                check.rule,
                itemgetter(*[sheet.column(key).field for key in check.uses]),
                len(check.uses),
                frozenset(check.uses),
            )
            for column in sheet.columns
            for check in column.checks
        ]
        # The maps of keys to ids of the sheets named by lookups: stable while this sheet loads.
        self.lookup_maps: dict[str, dict[str, Any]] = {}
        # The values written, by model field, and their database attributes, in one order.
        self.names = (*[column.field for column in read], *sheet.derived)
        self.fields = sheet.write_fields
        self.trail_values = RecordValues(sheet.model, self.names)

    def to_fields(self, row: Row) -> Values | None:
        """The row's values by model field, or None when a problem was reported.

        An empty cell stores the field's empty value ("" for text, the default,
        or None); a ``clean`` rule gives the value stored; a lookup gives the id
        of the record it names; ``prepare`` (a loader's own) may then adjust
        values; last, the columns' checks run, each unless a column it uses
        already has a problem. Links to rows of the same sheet are left to the
        sheet's loader.
        """
        values: Values = {}
        for key, name, empty in self.plain:
            value = row[key]
            values[name] = empty if value is None else value
        failed: set[str] | None = None
        for key, name, empty, clean, lookup in self.special:
            value = row[key]
            if value is None:
                values[name] = empty
                continue
            if clean is not None:
                try:
                    value = clean(value)
                except KcnError as error:
                    self.problem(row, key, str(error))
                    failed = {key} if failed is None else failed | {key}
                    values[name] = None
                    continue
            if lookup is not None:
                known = self.lookup_maps.get(lookup.sheet)
                if known is None:
                    known = self.lookup_maps[lookup.sheet] = self.ref_map(lookup.sheet)
                found = known.get(value)
                if found is None:  # another spelling, or a problem
                    found = self.resolve(row, key, value, lookup)
                    if found is None:
                        failed = {key} if failed is None else failed | {key}
                value = found
            values[name] = value
        self.prepare(values)
        for key, rule, get, count, uses in self.checks:
            if failed is not None and not failed.isdisjoint(uses):
                continue
            problem = rule(*get(values)) if count > 1 else rule(get(values))
            if problem is not None:
                self.problem(row, key, problem)
                failed = {key} if failed is None else failed | {key}
        return None if failed else values

    def prepare(self, values: Values) -> None:
        """Adjust a row's values before the checks (a rule over several columns)."""

    def link(self, row: Row, column: Column) -> tuple[bool, str | None]:
        """The key a link cell names, after its ``clean`` rule: (False, None) on a problem."""
        value = row[column.key]
        if value is None or column.clean is None:
            return True, value
        try:
            return True, column.clean(value)
        except KcnError as error:
            self.problem(row, column.key, str(error))
            return False, None


class KeyedLoader(SheetLoader):
    """Rows upserted by the sheet's key: added, updated or left unchanged."""

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.key_names = tuple(sheet.column(key).field for key in sheet.key)
        self.key_fields = sheet.key_fields
        self.key_column = sheet.key[-1]  # the column a duplicate is reported on
        self.voidable = hasattr(sheet.model, "voided_at")
        # A voided record keeps a key that is unique among all records (a document's symbol);
        # a key unique only among records in force (a labor report's) may be entered again.
        self.voided_keys_free = not any(
            sheet.model_field(sheet.column(key)).unique for key in sheet.key
        )
        self.key_positions = [self.names.index(name) for name in self.key_names]

    def load(self, rows: list[Row]) -> None:
        key_names = self.key_names
        candidates: list[tuple[Row, tuple[Any, ...], Values]] = []
        for row in rows:
            values = self.to_fields(row)
            if values is not None:
                candidates.append((row, _token(tuple([values[n] for n in key_names])), values))
        firsts = self.context.first_rows([c[0] for c in candidates], [c[1] for c in candidates])
        items = []
        for (row, key, values), first in zip(candidates, firsts, strict=True):
            if first is not None:
                self.problem(
                    row,
                    self.key_column,
                    _("the same key as row %(row)s: each row of this sheet needs its own key")
                    % {"row": first},
                )
            else:
                items.append((row, key, values))
        self.write(items)

    def write(self, items: list[tuple[Row, tuple[Any, ...], Values]]) -> None:
        if not items:
            return
        keys = [key for _row, key, _values in items]
        existing = self.existing(keys)
        voided = self.voided(keys, existing)
        summary = self.context.summary_of_sheet
        names = self.names
        to_create: list[tuple[Any, ...]] = []
        created_keys: list[tuple[Any, ...]] = []
        to_update: list[tuple[Any, ...]] = []
        olds: list[tuple[Any, ...]] = []
        for row, key, values in items:
            old = existing.get(key)
            row_values = tuple([values[name] for name in names])
            if old is None:
                gone = voided.get(key)
                # A key of the register (a symbol, a receipt number) stays with its voided
                # record; a labor report's key may be entered again, but not the same report.
                if gone is not None and (
                    not self.voided_keys_free or _token(gone[0]) == _token(row_values)
                ):
                    self.context.warning(row, self.key_column, voided_problem(gone[1]))
                    summary.unchanged += 1
                    continue
                to_create.append(row_values)
                created_keys.append(key)
                self.written(row, values)
            elif _token(old[1:]) != _token(row_values):
                to_update.append((old[0], *row_values))
                olds.append(old)
                self.written(row, values)
            else:
                summary.unchanged += 1
        model = self.sheet.model
        insert_rows(model, self.fields, to_create)
        summary.added += len(to_create)
        update_rows(model, self.fields, to_update)
        summary.updated += len(to_update)
        self.context.maps.pop(self.sheet.name, None)  # read again, with these records
        # The audit trail: each record created, with the id the database gave it, and each
        # record changed, with the fields that changed.
        trail, described = self.context.trail, self.trail_values
        if trail is None:
            return
        if to_create:
            created = self.existing(created_keys)
            for key, row_values in zip(created_keys, to_create, strict=True):
                label = described.label(row_values, self.key_positions)
                trail.created(model, created[key][0], label, described.json(row_values))
        for old, new in zip(olds, to_update, strict=True):
            before, after = described.changes(old[1:], new[1:])
            trail.changed(
                model, old[0], described.label(new[1:], self.key_positions), before, after
            )

    def existing(self, keys: list[tuple[Any, ...]]) -> dict[Any, tuple[Any, ...]]:
        """The records in force with these keys, as ``(pk, *fields)`` by key."""
        lookup = self.key_lookup(keys)
        positions = [self.fields.index(name) + 1 for name in self.key_fields]
        found: dict[Any, tuple[Any, ...]] = {}
        query = self.sheet.model._default_manager.filter(**lookup)
        for record in query.values_list("pk", *self.fields):
            found[_token(tuple([record[i] for i in positions]))] = record
        return found

    def key_lookup(self, keys: list[tuple[Any, ...]]) -> dict[str, Any]:
        return {
            f"{name}__in": sorted({key[index] for key in keys})
            for index, name in enumerate(self.key_fields)
        }

    def voided(
        self, keys: list[tuple[Any, ...]], existing: dict[Any, Any]
    ) -> dict[Any, tuple[tuple[Any, ...], Any]]:
        """The voided records with these keys (and none in force): ``(values, record)`` by key,
        the values in the order of ``self.fields``. Only for a sheet of voidable records."""
        if not self.voidable:
            return {}
        missing = [key for key in keys if key not in existing]
        if not missing:
            return {}
        positions = [self.fields.index(name) for name in self.key_fields]
        found: dict[Any, tuple[tuple[Any, ...], Any]] = {}
        query = self.sheet.model._base_manager.filter(
            voided_at__isnull=False, **self.key_lookup(missing)
        ).order_by("voided_at")
        for record in query:
            values = tuple([getattr(record, name) for name in self.fields])
            found[_token(tuple([values[i] for i in positions]))] = (values, record)
        return found

    def written(self, row: Row, values: Values) -> None:
        """Called for each row that adds or changes a record (a loader's warnings)."""


class MatchedLoader(SheetLoader):
    """Rows without a key: a row equal in every column to a record is that record."""

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        # The record a row belongs to (its zone, its project) narrows the search for equals.
        parent = next(column for column in sheet.columns if column.lookup is not None)
        self.parent_name = parent.field
        self.parent_field = sheet.attname(parent.field)

    def load(self, rows: list[Row]) -> None:
        names = self.names
        candidates: list[tuple[Row, tuple[Any, ...], Values]] = []
        for row in rows:
            values = self.to_fields(row)
            if values is not None:
                candidates.append((row, _token(tuple([values[n] for n in names])), values))
        firsts = self.context.first_rows([c[0] for c in candidates], [c[1] for c in candidates])
        items = []
        for (row, signature, values), first in zip(candidates, firsts, strict=True):
            if first is not None:
                self.problem(
                    row,
                    self.sheet.columns[0].key,
                    _("the same as row %(row)s in every column: a record is listed once")
                    % {"row": first},
                )
            else:
                items.append((row, signature, values))
        if not items:
            return
        parents = {values[self.parent_name] for _row, _sig, values in items}
        model = self.sheet.model
        existing: set[Any] = set()
        voided: dict[Any, Any] = {}
        within = {f"{self.parent_field}__in": parents}
        for record in model._default_manager.filter(**within).values_list(*self.fields):
            existing.add(_token(record))
        if hasattr(model, "voided_at"):
            for gone in model._base_manager.filter(voided_at__isnull=False, **within):
                voided[_token(tuple([getattr(gone, name) for name in self.fields]))] = gone
        summary = self.context.summary_of_sheet
        new_items: list[tuple[Row, Values]] = []
        first_column = self.sheet.columns[0].key
        for row, signature, values in items:
            if signature in existing:
                summary.unchanged += 1
                self.matched(row, values)
            elif signature in voided:  # the wrong record a leader voided: not again
                self.context.warning(row, first_column, voided_problem(voided[signature]))
                summary.unchanged += 1
            else:
                new_items.append((row, values))
        admitted = self.screen(new_items)
        written = [tuple([values[name] for name in names]) for _row, values in admitted]
        insert_rows(model, self.fields, written)
        summary.added += len(admitted)
        for row, values in admitted:
            self.matched(row, values)
            self.added(row, values)
        if written and self.context.trail is not None:
            self.audit_created(parents, written)

    def audit_created(self, parents: set[Any], written: list[tuple[Any, ...]]) -> None:
        """An audit entry for each record just written, found again by its values (a row
        without a key is the one record of its parent equal to it in every column)."""
        trail, described, model = self.context.trail, self.trail_values, self.sheet.model
        assert trail is not None
        new = {_token(values): values for values in written}
        for record in model._default_manager.filter(
            **{f"{self.parent_field}__in": parents}
        ).values_list("pk", *self.fields):
            values = new.get(_token(record[1:]))
            if values is not None:
                label = described.label(values, range(min(3, len(values))))
                trail.created(model, record[0], label, described.json(values))

    def added(self, row: Row, values: Values) -> None:
        """Called for each row written as a new record (a loader's warnings)."""

    def matched(self, row: Row, values: Values) -> None:
        """Called for each row once its record exists (new or found)."""

    def screen(self, new_items: list[tuple[Row, Values]]) -> list[tuple[Row, Values]]:
        """The new rows that may be written; the others get a problem."""
        return new_items


# -- investors, zones ------------------------------------------------------------------


class InvestorLoader(KeyedLoader):
    def to_fields(self, row: Row) -> Values | None:
        values = super().to_fields(row)
        if values is None:
            return None
        try:  # a Vietnamese investor's code is its tax code: it depends on the country
            values["code"] = normalize_investor_code(values["code"], values["country"])
        except KcnError as error:
            self.problem(row, "code", str(error))
            return None
        return values


class ZoneLoader(KeyedLoader):
    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.parents: list[tuple[Row, str, str]] = []  # (row, zone code, parent code)

    def to_fields(self, row: Row) -> Values | None:
        values = super().to_fields(row)
        parent = row["parent_code"]
        if parent is not None:
            if parent == row["code"]:
                self.problem(row, "parent_code", _("a zone cannot be a part of itself"))
                return None
            self.parents.append((row, row["code"], parent))
        return values

    def finish(self) -> None:
        """Link phases to their parent zone, now that every zone of the sheet exists."""
        link_parents(
            self,
            self.parents,
            self.sheet.column("parent_code"),
            ids=self.ref_map("zones"),
            current=dict(
                Zone.objects.filter(parent__isnull=False).values_list("code", "parent__code")
            ),
            cycle=lambda code: (
                _("zone %(code)s would be a part of itself through its parents") % {"code": code}
            ),
        )


def link_parents(
    loader: Loader,
    links: list[tuple[Row, str, str]],
    column: Column,
    *,
    ids: dict[str, Any],
    current: dict[str, str],
    cycle: Callable[[str], str],
) -> None:
    """Set the parent of each ``(row, key, parent key)`` once the whole sheet is written.

    ``ids`` maps keys to ids, ``current`` keys to their parent keys as they are;
    a parent that does not exist or a loop of parents is a problem on the
    row's ``column``. A row refused for another problem (its record not
    written) is only checked for a parent that does not exist.
    """
    assert column.lookup is not None
    model = loader.sheet.model
    parent_of = dict(current)
    for row, key, parent in links:
        if parent in ids:
            parent_of[key] = parent
        else:
            loader.resolve(row, column.key, parent, column.lookup)  # says it does not exist
    changed = []
    trail = loader.context.trail
    for row, key, parent in links:
        if parent not in ids or key not in ids:
            continue
        if makes_cycle(key, parent, parent_of.get):
            loader.problem(row, column.key, cycle(key))
        elif current.get(key) != parent:
            changed.append(model(pk=ids[key], parent_id=ids[parent]))
            if trail is not None:
                trail.changed(
                    model, ids[key], key, {"parent": current.get(key)}, {"parent": parent}
                )
    model._default_manager.bulk_update(changed, ["parent_id"], batch_size=WRITE_BATCH)


# -- projects and their ledger ----------------------------------------------------------


class ProjectLoader(KeyedLoader):
    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.rows_of_codes: dict[str, int] = {}
        context.final_checks.append(self.check_every_project_issued)

    def to_fields(self, row: Row) -> Values | None:
        values = super().to_fields(row)
        if values is not None:
            self.rows_of_codes[values["code"]] = row.number
        return values

    def check_every_project_issued(self) -> None:
        """Each project of the sheet has its certificate in the ledger."""
        codes = list(self.rows_of_codes)
        issued: set[str] = set()
        for start in range(0, len(codes), 5000):
            issued.update(
                ProjectEvent.objects.filter(
                    project__code__in=codes[start : start + 5000], event="issued"
                ).values_list("project__code", flat=True)
            )
        for code in codes:
            if code not in issued:
                self.context.problems.add(
                    "projects",
                    f"A{self.rows_of_codes[code]}",
                    _(
                        "project %(code)s has no 'issued' event: add its certificate to sheet "
                        "project_events"
                    )
                    % {"code": code},
                )


ONCE_EVENTS = (ProjectEventKind.ISSUED, ProjectEventKind.OPERATIONAL, ProjectEventKind.TERMINATED)
ONCE_MESSAGES: dict[str, Callable[[], str]] = {
    ProjectEventKind.ISSUED: lambda: _(
        "a second certificate on %(date)s: the project's certificate was issued on %(other)s"
    ),
    ProjectEventKind.OPERATIONAL: lambda: _(
        "a second start of operation on %(date)s: the project entered operation on %(other)s"
    ),
    ProjectEventKind.TERMINATED: lambda: _(
        "a second termination on %(date)s: the project was terminated on %(other)s"
    ),
}


class ProjectEventLoader(MatchedLoader):
    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.touched: set[Any] = set()
        self.letters: dict[str, str] = {}

    def prepare(self, values: Values) -> None:
        if values["event"] == ProjectEventKind.ADJUSTED:  # 0 without a currency: no change
            values["capital"] = amendment_capital(values["capital"], values["currency"])

    def matched(self, row: Row, values: Values) -> None:
        self.letters = row.letters
        self.touched.add(values["project"])

    def screen(self, new_items: list[tuple[Row, Values]]) -> list[tuple[Row, Values]]:
        """Refuse a second certificate, start of operation or termination before writing it.

        The database would refuse it too (a unique index); here it becomes a problem
        pinned to its cell, and the rest of the workbook is still checked.
        """
        once = [values for _row, values in new_items if values["event"] in ONCE_EVENTS]
        if not once:
            return new_items
        recorded = {
            (project_id, event): date
            for project_id, event, date in ProjectEvent.objects.filter(
                project_id__in={values["project"] for values in once}, event__in=ONCE_EVENTS
            ).values_list("project_id", "event", "date")
        }
        admitted = []
        for row, values in new_items:
            key = (values["project"], values["event"])
            if values["event"] in ONCE_EVENTS and key in recorded:
                self.problem(
                    row,
                    "event",
                    ONCE_MESSAGES[values["event"]]()
                    % {
                        "date": values["date"].strftime("%d/%m/%Y"),
                        "other": recorded[key].strftime("%d/%m/%Y"),
                    },
                )
                continue
            if values["event"] in ONCE_EVENTS:
                recorded[key] = values["date"]
            admitted.append((row, values))
        return admitted

    def finish(self) -> None:
        """Check the ledger of every project this sheet touched, in date order."""
        codes = {pk: code for code, pk in self.ref_map("projects").items()}
        touched = sorted(self.touched)
        column = self.letters.get("event", "C")
        fields = self.fields  # project_id, date, event, …
        for start in range(0, len(touched), 2000):
            ledgers: dict[Any, list[LedgerEntry[Any]]] = defaultdict(list)
            records = list(
                ProjectEvent.objects.filter(
                    project_id__in=touched[start : start + 2000]
                ).values_list("pk", *fields)
            )
            # The row of this sheet each event came from, found by its signature.
            rows = self.context.rows_of([_token(record[1:]) for record in records])
            for record, row_number in zip(records, rows, strict=True):
                pk, project_id, date, event = record[0], record[1], record[2], record[3]
                capital, currency = record[4], record[5]
                ledgers[project_id].append(
                    LedgerEntry(date, event, row_number, pk, capital=capital, currency=currency)
                )
            for project_id, entries in ledgers.items():
                for found in check_ledger(entries):
                    cell = f"{column}{found.ref}" if found.ref else "A1"
                    self.context.problems.add(
                        "project_events",
                        cell,
                        _("project %(code)s: %(problem)s")
                        % {"code": codes.get(project_id, project_id), "problem": found.message},
                    )


# -- zones' milestones, labor reports: warnings -------------------------------------------


class ZoneEventLoader(MatchedLoader):
    """Warns when a zone's cleared, built or leased land adds up to more than its area."""

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.touched: dict[tuple[Any, str], Row] = {}  # (zone id, event): its last new row

    def added(self, row: Row, values: Values) -> None:
        if values["event"] in ZONE_EVENTS_WITH_AREA:
            self.touched[(values["zone"], values["event"])] = row

    def finish(self) -> None:
        if not self.touched:
            return
        zones = {zone for zone, _event in self.touched}
        totals: dict[tuple[Any, str], Decimal] = defaultdict(Decimal)
        for zone, event, area in ZoneEvent.objects.filter(
            zone_id__in=zones, event__in=ZONE_EVENTS_WITH_AREA
        ).values_list("zone_id", "event", "area_ha"):
            totals[(zone, event)] += area or 0
        known = {
            pk: (code, area)
            for pk, code, area in Zone.objects.filter(pk__in=zones).values_list(
                "pk", "code", "area_ha"
            )
        }
        for (zone, event), row in sorted(self.touched.items(), key=lambda item: item[1].number):
            code, area = known[zone]
            warning = area_warning(code, event, totals[(zone, event)], area)
            if warning is not None:
                self.context.warning(row, "area_ha", warning)


class LaborReportLoader(KeyedLoader):
    """Warns of new jobs above the headcount, and of a report of a project not operating."""

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.ledgers: dict[Any, list[tuple[Any, str]]] | None = None  # project id: events

    def written(self, row: Row, values: Values) -> None:
        warning = new_jobs_warning(values["employees"], values["new_jobs"])
        if warning is not None:
            self.context.warning(row, "new_jobs", warning)
        if self.ledgers is None:  # the ledgers, once written (project_events load first)
            self.ledgers = defaultdict(list)
            for project, date, event in ProjectEvent.objects.values_list(
                "project_id", "date", "event"
            ):
                self.ledgers[project].append((date, event))
        status = status_on(self.ledgers[values["project"]], values["period_end"])
        warning = not_operating_warning(row["project_code"], status, values["period_end"])
        if warning is not None:
            self.context.warning(row, "period_end", warning)


# -- the one-stop shop -------------------------------------------------------------------


class DossierLoader(KeyedLoader):
    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.calendar: WorkingCalendar = board_calendar()  # after the calendar sheet
        self.working_days: dict[Any, int] | None = None  # by procedure id

    def to_fields(self, row: Row) -> Values | None:
        values = super().to_fields(row)
        if values is not None and values["due_on"] is None:
            if self.working_days is None:  # after the procedures sheet
                self.working_days = dict(Procedure.objects.values_list("id", "working_days"))
            values["due_on"] = dossier_rules.due_date(
                self.calendar, values["received_on"], self.working_days[values["procedure"]]
            )
        return values


# -- enterprises' reports ----------------------------------------------------------------


class ProjectReportLoader(KeyedLoader):
    """A quarterly report: its quarter's last day derived from its period, and the project
    certified by that day and not terminated before the quarter (its ledger, already
    written: the projects' events load first)."""

    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.ledger: dict[Any, tuple[Any, Any]] | None = None  # project id: (issued, terminated)

    def to_fields(self, row: Row) -> Values | None:
        values = super().to_fields(row)
        if values is None:
            return None
        span = report_rules.quarter_span(values["period"])
        values["period_end"] = span.end_on
        if self.ledger is None:
            self.ledger = defaultdict(lambda: (None, None))
            for project, event, date in ProjectEvent.objects.filter(
                event__in=(ProjectEventKind.ISSUED, ProjectEventKind.TERMINATED)
            ).values_list("project_id", "event", "date"):
                issued, terminated = self.ledger[project]
                self.ledger[project] = (
                    date if event == ProjectEventKind.ISSUED else issued,
                    date if event == ProjectEventKind.TERMINATED else terminated,
                )
        problem = report_rules.check_project_in_period(span, *self.ledger[values["project"]])
        if problem is not None:
            self.problem(row, "period", problem)
            return None
        return values


# -- documents ---------------------------------------------------------------------------


class DocumentLoader(KeyedLoader):
    def __init__(self, context: ImportContext, sheet: Sheet) -> None:
        super().__init__(context, sheet)
        self.parents: list[tuple[Row, str, str]] = []

    def to_fields(self, row: Row) -> Values | None:
        try:
            symbol = parse_symbol(row["symbol"])
        except KcnError as error:
            self.problem(row, "symbol", str(error))
            return None
        doc_type = document_rules.document_type(symbol, row["type"] or "")
        problem = document_rules.check_type(doc_type)
        if problem is not None:
            self.problem(row, "type", problem)
            return None
        ok, parent = self.link(row, self.sheet.column("parent_symbol"))
        if not ok:
            return None
        if parent is not None and parent == symbol.symbol:
            self.problem(row, "parent_symbol", _("a document cannot be its own parent"))
            return None
        values = super().to_fields(row)
        if values is None:
            return None
        values["symbol"] = symbol.symbol
        values["type"] = doc_type
        values["number"] = symbol.number
        values["symbol_year"] = symbol.year
        values["issuer_code"] = symbol.issuer[:32]
        if parent is not None:
            self.parents.append((row, symbol.symbol, parent))
        return values

    def finish(self) -> None:
        """Link thematic plans to their parent plan, now that every document exists."""
        link_parents(
            self,
            self.parents,
            self.sheet.column("parent_symbol"),
            ids=self.ref_map("documents"),
            current=dict(
                Document.objects.filter(parent__isnull=False).values_list(
                    "symbol", "parent__symbol"
                )
            ),
            cycle=lambda symbol: (
                _("document %(symbol)s would be its own parent through its parents")
                % {"symbol": symbol}
            ),
        )


# The sheets whose rules need code; every other sheet is read by its definition alone.
LOADERS: dict[str, type[SheetLoader]] = {
    "investors": InvestorLoader,
    "zones": ZoneLoader,
    "projects": ProjectLoader,
    "project_events": ProjectEventLoader,
    "zone_events": ZoneEventLoader,
    "labor_reports": LaborReportLoader,
    "dossiers": DossierLoader,
    "documents": DocumentLoader,
    "project_reports": ProjectReportLoader,
}


def loader_for(sheet: Sheet, context: ImportContext) -> Loader:
    kind = LOADERS.get(sheet.name) or (KeyedLoader if sheet.key else MatchedLoader)
    return kind(context, sheet)
