"""One loader per sheet: turns parsed rows into records, with the sheet's own rules.

A loader's ``load`` receives a batch of parsed rows and writes it (inside the
import's transaction); ``finish`` runs the checks that need the whole sheet.
Problems go to the import context, pinned to the cell they are about.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.core.errors import KcnError
from kcn.core.symbols import parse_symbol
from kcn.core.taxcodes import normalize_tax_code
from kcn.core.trees import makes_cycle
from kcn.core.workdays import WorkingCalendar
from kcn.documents import rules as document_rules
from kcn.documents.models import Document
from kcn.dossiers import rules as dossier_rules
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import CalendarDay, Dossier, Procedure
from kcn.exchange.bulk import insert_rows, update_rows
from kcn.exchange.importer import ImportContext, Row
from kcn.indicators import rules as target_rules
from kcn.indicators.models import Target
from kcn.investors.models import Investor
from kcn.investors.rules import normalize_country, normalize_investor_code
from kcn.projects.models import (
    ExchangeRate,
    Inspection,
    LaborReport,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.projects.rules import (
    LedgerEntry,
    amendment_capital,
    check_capital,
    check_foreign_employees,
    check_ledger,
)
from kcn.reports.models import Narrative, Priority
from kcn.reports.rules import period_code
from kcn.zones import rules as zone_rules
from kcn.zones.models import Zone, ZoneEvent

WRITE_BATCH = 1000
# What a reference points to, named in "… does not exist" (lazy: resolved only on a problem).
LABELS = {
    "investor": gettext_lazy("investor"),
    "zone": gettext_lazy("zone"),
    "project": gettext_lazy("project"),
    "procedure": gettext_lazy("procedure"),
}


def _token(value: Any) -> Any:
    """A comparable form: ``Decimal('1.50')`` and ``Decimal('1.5')`` are the same value."""
    if value.__class__ is tuple:
        return tuple([item.normalize() if item.__class__ is Decimal else item for item in value])
    if value.__class__ is Decimal:
        return value.normalize()
    return value


class Loader:
    """Base of the per-sheet loaders."""

    def __init__(self, context: ImportContext) -> None:
        self.context = context

    def load(self, rows: list[Row]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Checks and writes that need the whole sheet."""

    def problem(self, row: Row | None, key: str, message: str) -> None:
        self.context.problem(row, key, message)

    # -- references to other sheets -------------------------------------------------

    def ref_map(self, name: str) -> dict[str, Any]:
        """A map of keys to ids of an earlier sheet's records, read once from the database."""
        cached = self.context.maps.get(name)
        if cached is None:
            cached = REFERENCE_MAPS[name]()
            self.context.maps[name] = cached
        return cached

    def resolve(self, row: Row, key: str, name: str, label: object) -> Any:
        """The id a reference cell points to; a problem and None when there is none."""
        code = row[key]
        if code is None:
            return None
        found = self.ref_map(name).get(code)
        if found is None and name == "investors":
            found = self.ref_map(name).get(_maybe_tax_code(code))
        if found is None:
            self.problem(
                row,
                key,
                _(
                    "%(what)s %(code)s does not exist "
                    "(neither in sheet %(sheet)s nor in the database)"
                )
                % {"what": label, "code": code, "sheet": name},
            )
        return found


def _maybe_tax_code(code: str) -> str:
    try:
        return normalize_tax_code(code)
    except KcnError:
        return code


def _investor_map() -> dict[str, Any]:
    return dict(Investor.objects.values_list("code", "id"))


def _zone_map() -> dict[str, Any]:
    return dict(Zone.objects.values_list("code", "id"))


def _project_map() -> dict[str, Any]:
    return dict(Project.objects.values_list("code", "id"))


def _procedure_map() -> dict[str, Any]:
    return {
        code: (pk, days)
        for code, pk, days in Procedure.objects.values_list("code", "id", "working_days")
    }


def _document_map() -> dict[str, Any]:
    return dict(Document.objects.values_list("symbol", "id"))


REFERENCE_MAPS: dict[str, Callable[[], dict[str, Any]]] = {
    "investors": _investor_map,
    "zones": _zone_map,
    "projects": _project_map,
    "procedures": _procedure_map,
    "documents": _document_map,
}


class KeyedLoader(Loader):
    """Rows upserted by the sheet's key: added, updated or left unchanged."""

    model: ClassVar[type[models.Model]]
    key_fields: ClassVar[tuple[str, ...]]
    fields: ClassVar[tuple[str, ...]]  # every field written, key fields included
    key_column: ClassVar[str]  # the column a duplicate is reported on
    invalidates: ClassVar[str | None] = None  # the reference map this sheet feeds

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        """The model fields of a row, or None when a problem was reported."""
        raise NotImplementedError

    def load(self, rows: list[Row]) -> None:
        key_fields = self.key_fields
        candidates: list[tuple[Row, tuple[Any, ...], dict[str, Any]]] = []
        for row in rows:
            values = self.to_fields(row)
            if values is not None:
                candidates.append((row, _token(tuple([values[n] for n in key_fields])), values))
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

    def write(self, items: list[tuple[Row, tuple[Any, ...], dict[str, Any]]]) -> None:
        if not items:
            return
        existing = self.existing([key for _row, key, _values in items])
        summary = self.context.summary_of_sheet
        fields = self.fields
        to_create: list[tuple[Any, ...]] = []
        to_update: list[tuple[Any, ...]] = []
        for _row, key, values in items:
            old = existing.get(key)
            row_values = tuple([values[name] for name in fields])
            if old is None:
                to_create.append(row_values)
            elif _token(old[1:]) != _token(row_values):
                to_update.append((old[0], *row_values))
            else:
                summary.unchanged += 1
        insert_rows(self.model, fields, to_create)
        summary.added += len(to_create)
        update_rows(self.model, fields, to_update)
        summary.updated += len(to_update)
        if self.invalidates:
            self.context.maps.pop(self.invalidates, None)

    def existing(self, keys: list[tuple[Any, ...]]) -> dict[Any, tuple[Any, ...]]:
        """The records with these keys, as ``(pk, *fields)`` by key."""
        lookup = {
            f"{name}__in": sorted({key[index] for key in keys})
            for index, name in enumerate(self.key_fields)
        }
        positions = [self.fields.index(name) + 1 for name in self.key_fields]
        found: dict[Any, tuple[Any, ...]] = {}
        for record in self.model._default_manager.filter(**lookup).values_list("pk", *self.fields):
            found[_token(tuple([record[i] for i in positions]))] = record
        return found


class MatchedLoader(Loader):
    """Rows without a key: a row equal in every column to a record is that record."""

    model: ClassVar[type[models.Model]]
    fields: ClassVar[tuple[str, ...]]
    parent_field: ClassVar[str]  # e.g. "project_id": narrows the search for equal records

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        raise NotImplementedError

    def load(self, rows: list[Row]) -> None:
        fields = self.fields
        candidates: list[tuple[Row, tuple[Any, ...], dict[str, Any]]] = []
        for row in rows:
            values = self.to_fields(row)
            if values is not None:
                candidates.append((row, _token(tuple([values[n] for n in fields])), values))
        firsts = self.context.first_rows([c[0] for c in candidates], [c[1] for c in candidates])
        items = []
        for (row, signature, values), first in zip(candidates, firsts, strict=True):
            if first is not None:
                self.problem(
                    row,
                    self.context.sheet.columns[0].key,
                    _("the same as row %(row)s in every column: a record is listed once")
                    % {"row": first},
                )
            else:
                items.append((row, signature, values))
        if not items:
            return
        parents = {values[self.parent_field] for _row, _sig, values in items}
        existing: set[Any] = set()
        for record in self.model._default_manager.filter(
            **{f"{self.parent_field}__in": parents}
        ).values_list(*self.fields):
            existing.add(_token(record))
        summary = self.context.summary_of_sheet
        new_items: list[tuple[Row, dict[str, Any]]] = []
        for row, signature, values in items:
            if signature in existing:
                summary.unchanged += 1
                self.matched(row, values)
            else:
                new_items.append((row, values))
        admitted = self.screen(new_items)
        insert_rows(
            self.model,
            self.fields,
            [tuple([values[name] for name in self.fields]) for _row, values in admitted],
        )
        summary.added += len(admitted)
        for row, values in admitted:
            self.matched(row, values)

    def matched(self, row: Row, values: dict[str, Any]) -> None:
        """Called for each row once its record exists (new or found)."""

    def screen(
        self, new_items: list[tuple[Row, dict[str, Any]]]
    ) -> list[tuple[Row, dict[str, Any]]]:
        """The new rows that may be written; the others get a problem."""
        return new_items


# -- investors, zones ------------------------------------------------------------------


class InvestorLoader(KeyedLoader):
    model = Investor
    key_fields = ("code",)
    fields = ("code", "name", "country")
    key_column = "code"
    invalidates = "investors"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        try:
            country = normalize_country(row["country"])
        except KcnError as error:
            self.problem(row, "country", str(error))
            return None
        try:
            code = normalize_investor_code(row["code"], country)
        except KcnError as error:
            self.problem(row, "code", str(error))
            return None
        return {"code": code, "name": row["name"], "country": country}


class ZoneLoader(KeyedLoader):
    model = Zone
    key_fields = ("code",)
    fields = (
        "code",
        "name",
        "province",
        "district",
        "area_ha",
        "industrial_land_ha",
        "developer_id",
        "geometry",
    )
    key_column = "code"
    invalidates = "zones"

    def __init__(self, context: ImportContext) -> None:
        super().__init__(context)
        self.parents: list[tuple[Row, str, str]] = []  # (row, zone code, parent code)

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        ok = True
        developer = None
        if row["developer"] is not None:
            developer = self.resolve(row, "developer", "investors", LABELS["investor"])
            ok = developer is not None
        geometry = None
        if row["geometry"] is not None:
            try:
                geometry = zone_rules.parse_geometry(row["geometry"])
            except ValueError as error:
                self.problem(row, "geometry", _("geometry: %(problem)s") % {"problem": error})
                ok = False
        if row["parent_code"] is not None:
            if row["parent_code"] == row["code"]:
                self.problem(row, "parent_code", _("a zone cannot be a part of itself"))
                ok = False
            else:
                self.parents.append((row, row["code"], row["parent_code"]))
        if not ok:
            return None
        return {
            "code": row["code"],
            "name": row["name"],
            "province": row["province"] or "",
            "district": row["district"] or "",
            "area_ha": row["area_ha"],
            "industrial_land_ha": row["industrial_land_ha"],
            "developer_id": developer,
            "geometry": geometry,
        }

    def finish(self) -> None:
        """Link phases to their parent zone, now that every zone of the sheet exists."""
        link_parents(
            self,
            self.parents,
            model=Zone,
            column="parent_code",
            ids=self.ref_map("zones"),
            current=dict(
                Zone.objects.filter(parent__isnull=False).values_list("code", "parent__code")
            ),
            missing=lambda code: (
                _("zone %(code)s does not exist (neither in sheet zones nor in the database)")
                % {"code": code}
            ),
            cycle=lambda code: (
                _("zone %(code)s would be a part of itself through its parents") % {"code": code}
            ),
        )


def link_parents(
    loader: Loader,
    links: list[tuple[Row, str, str]],
    *,
    model: type[models.Model],
    column: str,
    ids: dict[str, Any],
    current: dict[str, str],
    missing: Callable[[str], str],
    cycle: Callable[[str], str],
) -> None:
    """Set the parent of each ``(row, key, parent key)`` once the whole sheet is written.

    ``ids`` maps keys to ids, ``current`` keys to their parent keys as they are;
    a parent that does not exist or a loop of parents is a problem on the row.
    """
    parent_of = dict(current)
    for row, key, parent in links:
        if parent in ids:
            parent_of[key] = parent
        else:
            loader.problem(row, column, missing(parent))
    changed = []
    for row, key, parent in links:
        if parent not in ids:
            continue
        if makes_cycle(key, parent, parent_of.get):
            loader.problem(row, column, cycle(key))
        else:
            changed.append(model(pk=ids[key], parent_id=ids[parent]))
    model._default_manager.bulk_update(changed, ["parent_id"], batch_size=WRITE_BATCH)


class ZoneEventLoader(MatchedLoader):
    model = ZoneEvent
    fields = ("zone_id", "date", "event", "area_ha", "document")
    parent_field = "zone_id"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        zone = self.resolve(row, "zone_code", "zones", LABELS["zone"])
        problem = zone_rules.check_event_area(row["event"], row["area_ha"])
        if problem is not None:
            self.problem(row, "area_ha", problem)
            return None
        if zone is None:
            return None
        return {
            "zone_id": zone,
            "date": row["date"],
            "event": row["event"],
            "area_ha": row["area_ha"],
            "document": row["document"] or "",
        }


# -- projects and their ledger ----------------------------------------------------------


class ProjectLoader(KeyedLoader):
    model = Project
    key_fields = ("code",)
    fields = ("code", "name", "zone_id", "investor_id", "kind", "origin", "sector", "land_ha")
    key_column = "code"
    invalidates = "projects"

    def __init__(self, context: ImportContext) -> None:
        super().__init__(context)
        self.rows_of_codes: dict[str, int] = {}
        context.final_checks.append(self.check_every_project_issued)

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        zone = self.resolve(row, "zone_code", "zones", LABELS["zone"])
        investor = self.resolve(row, "investor", "investors", LABELS["investor"])
        if zone is None or investor is None:
            return None
        self.rows_of_codes[row["code"]] = row.number
        return {
            "code": row["code"],
            "name": row["name"],
            "zone_id": zone,
            "investor_id": investor,
            "kind": row["kind"] or ProjectKind.SECONDARY,
            "origin": row["origin"],
            "sector": row["sector"] or "",
            "land_ha": row["land_ha"],
        }

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
        "a second 'issued' on %(date)s: the project's certificate was issued on %(other)s"
    ),
    ProjectEventKind.OPERATIONAL: lambda: _(
        "a second 'operational' on %(date)s: the project entered operation on %(other)s"
    ),
    ProjectEventKind.TERMINATED: lambda: _(
        "a second 'terminated' on %(date)s: the project was terminated on %(other)s"
    ),
}


class ProjectEventLoader(MatchedLoader):
    model = ProjectEvent
    fields = ("project_id", "date", "event", "capital", "currency", "certificate_no", "note")
    parent_field = "project_id"

    def __init__(self, context: ImportContext) -> None:
        super().__init__(context)
        self.touched: set[Any] = set()
        self.letters: dict[str, str] = {}

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        project = self.resolve(row, "project_code", "projects", LABELS["project"])
        capital: Decimal | None = row["capital"]
        if row["event"] == ProjectEventKind.ADJUSTED:
            capital = amendment_capital(capital, row["currency"] or "")
        problem = check_capital(row["event"], capital, row["currency"] or "")
        if problem is not None:
            self.problem(row, "capital", problem)
            return None
        if project is None:
            return None
        return {
            "project_id": project,
            "date": row["date"],
            "event": row["event"],
            "capital": capital,
            "currency": row["currency"] or "",
            "certificate_no": row["certificate_no"] or "",
            "note": row["note"] or "",
        }

    def matched(self, row: Row, values: dict[str, Any]) -> None:
        self.letters = row.letters
        self.touched.add(values["project_id"])

    def screen(
        self, new_items: list[tuple[Row, dict[str, Any]]]
    ) -> list[tuple[Row, dict[str, Any]]]:
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
                project_id__in={values["project_id"] for values in once}, event__in=ONCE_EVENTS
            ).values_list("project_id", "event", "date")
        }
        admitted = []
        for row, values in new_items:
            key = (values["project_id"], values["event"])
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
        for start in range(0, len(touched), 2000):
            ledgers: dict[Any, list[LedgerEntry[Any]]] = defaultdict(list)
            records = list(
                ProjectEvent.objects.filter(
                    project_id__in=touched[start : start + 2000]
                ).values_list("pk", *self.fields)
            )
            # The row of this sheet each event came from, found by its signature.
            rows = self.context.rows_of([_token(record[1:]) for record in records])
            for record, row_number in zip(records, rows, strict=True):
                pk, project_id, date, event = record[0], record[1], record[2], record[3]
                ledgers[project_id].append(LedgerEntry(date, event, row_number, sequence=pk))
            for project_id, entries in ledgers.items():
                for found in check_ledger(entries):
                    cell = f"{column}{found.ref}" if found.ref else "A1"
                    self.context.problems.add(
                        "project_events",
                        cell,
                        _("project %(code)s: %(problem)s")
                        % {"code": codes.get(project_id, project_id), "problem": found.message},
                    )


class ExchangeRateLoader(KeyedLoader):
    model = ExchangeRate
    key_fields = ("currency", "valid_from")
    fields = ("currency", "valid_from", "vnd_per_unit")
    key_column = "valid_from"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        return {
            "currency": row["currency"],
            "valid_from": row["valid_from"],
            "vnd_per_unit": row["vnd_per_unit"],
        }


class LaborReportLoader(KeyedLoader):
    model = LaborReport
    key_fields = ("project_id", "period_end")
    fields = ("project_id", "period_end", "employees", "foreign_employees", "new_jobs")
    key_column = "period_end"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        project = self.resolve(row, "project_code", "projects", LABELS["project"])
        foreign = row["foreign_employees"]
        problem = check_foreign_employees(row["employees"], foreign)
        if problem is not None:
            self.problem(row, "foreign_employees", problem)
            return None
        if project is None:
            return None
        return {
            "project_id": project,
            "period_end": row["period_end"],
            "employees": row["employees"],
            "foreign_employees": foreign,
            "new_jobs": row["new_jobs"],
        }


class InspectionLoader(MatchedLoader):
    model = Inspection
    fields = ("project_id", "date", "kind", "violation", "note")
    parent_field = "project_id"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        project = self.resolve(row, "project_code", "projects", LABELS["project"])
        if project is None:
            return None
        return {
            "project_id": project,
            "date": row["date"],
            "kind": row["kind"],
            "violation": bool(row["violation"]),
            "note": row["note"] or "",
        }


# -- the one-stop shop -------------------------------------------------------------------


class ProcedureLoader(KeyedLoader):
    model = Procedure
    key_fields = ("code",)
    fields = ("code", "name", "working_days")
    key_column = "code"
    invalidates = "procedures"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        return {"code": row["code"], "name": row["name"], "working_days": row["working_days"]}


class CalendarLoader(KeyedLoader):
    model = CalendarDay
    key_fields = ("date",)
    fields = ("date", "kind")
    key_column = "date"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        return {"date": row["date"], "kind": row["kind"]}


class DossierLoader(KeyedLoader):
    model = Dossier
    key_fields = ("code",)
    fields = (
        "code",
        "procedure_id",
        "applicant",
        "received_on",
        "due_on",
        "resolved_on",
        "channel",
        "result",
    )
    key_column = "code"

    def __init__(self, context: ImportContext) -> None:
        super().__init__(context)
        self.calendar: WorkingCalendar = board_calendar()  # after the calendar sheet

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        procedure = self.resolve(row, "procedure_code", "procedures", LABELS["procedure"])
        received = row["received_on"]
        ok = True
        for key, problem in (
            ("resolved_on", dossier_rules.check_resolved_on(received, row["resolved_on"])),
            ("due_on", dossier_rules.check_due_on(received, row["due_on"])),
        ):
            if problem is not None:
                self.problem(row, key, problem)
                ok = False
        if procedure is None or not ok:
            return None
        procedure_id, working_days = procedure
        due = row["due_on"] or dossier_rules.due_date(self.calendar, received, working_days)
        return {
            "code": row["code"],
            "procedure_id": procedure_id,
            "applicant": row["applicant"] or "",
            "received_on": received,
            "due_on": due,
            "resolved_on": row["resolved_on"],
            "channel": row["channel"] or "",
            "result": row["result"] or "",
        }


# -- documents, targets, narratives ----------------------------------------------------


class DocumentLoader(KeyedLoader):
    model = Document
    key_fields = ("symbol",)
    fields = (
        "symbol",
        "date",
        "type",
        "title",
        "issuer",
        "direction",
        "secret",
        "digitized",
        "electronic",
        "number",
        "symbol_year",
        "issuer_code",
    )
    key_column = "symbol"
    invalidates = "documents"

    def __init__(self, context: ImportContext) -> None:
        super().__init__(context)
        self.parents: list[tuple[Row, str, str]] = []

    def to_fields(self, row: Row) -> dict[str, Any] | None:
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
        if row["parent_symbol"] is not None:
            try:
                parent = parse_symbol(row["parent_symbol"]).symbol
            except KcnError as error:
                self.problem(row, "parent_symbol", str(error))
                return None
            if parent == symbol.symbol:
                self.problem(row, "parent_symbol", _("a document cannot be its own parent"))
                return None
            self.parents.append((row, symbol.symbol, parent))
        return {
            "symbol": symbol.symbol,
            "date": row["date"],
            "type": doc_type,
            "title": row["title"] or "",
            "issuer": row["issuer"] or "",
            "direction": row["direction"],
            "secret": bool(row["secret"]),
            "digitized": bool(row["digitized"]),
            "electronic": bool(row["electronic"]),
            "number": symbol.number,
            "symbol_year": symbol.year,
            "issuer_code": symbol.issuer[:32],
        }

    def finish(self) -> None:
        """Link thematic plans to their parent plan, now that every document exists."""
        link_parents(
            self,
            self.parents,
            model=Document,
            column="parent_symbol",
            ids=self.ref_map("documents"),
            current=dict(
                Document.objects.filter(parent__isnull=False).values_list(
                    "symbol", "parent__symbol"
                )
            ),
            missing=lambda symbol: (
                _(
                    "document %(symbol)s does not exist (neither in sheet documents nor in the "
                    "database)"
                )
                % {"symbol": symbol}
            ),
            cycle=lambda symbol: (
                _("document %(symbol)s would be its own parent through its parents")
                % {"symbol": symbol}
            ),
        )


class TargetLoader(KeyedLoader):
    model = Target
    key_fields = ("year", "indicator")
    fields = ("year", "indicator", "target", "target_max", "assigned_by_id", "description")
    key_column = "indicator"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        ok = True
        for key, problem in (
            ("indicator", target_rules.check_indicator(row["indicator"])),
            ("target_max", target_rules.check_target_range(row["target"], row["target_max"])),
            ("year", target_rules.check_year(row["year"])),
        ):
            if problem is not None:
                self.problem(row, key, problem)
                ok = False
        assigned_by = None
        if row["assigned_by"] is not None:
            try:
                symbol = parse_symbol(row["assigned_by"]).symbol
            except KcnError as error:
                self.problem(row, "assigned_by", str(error))
                return None
            assigned_by = self.ref_map("documents").get(symbol)
            if assigned_by is None:
                self.problem(
                    row,
                    "assigned_by",
                    _(
                        "document %(symbol)s does not exist (neither in sheet documents nor in the "
                        "database)"
                    )
                    % {"symbol": symbol},
                )
                ok = False
        if not ok:
            return None
        return {
            "year": row["year"],
            "indicator": row["indicator"],
            "target": row["target"],
            "target_max": row["target_max"],
            "assigned_by_id": assigned_by,
            "description": row["description"] or "",
        }


def _period_code(loader: Loader, row: Row) -> str | None:
    try:
        return period_code(row["period"])
    except KcnError as error:
        loader.problem(row, "period", str(error))
        return None


class NarrativeLoader(KeyedLoader):
    model = Narrative
    key_fields = ("period", "section")
    fields = ("period", "section", "text")
    key_column = "section"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        period = _period_code(self, row)
        if period is None:
            return None
        return {"period": period, "section": row["section"], "text": row["text"]}


class PriorityLoader(KeyedLoader):
    model = Priority
    key_fields = ("period", "order")
    fields = ("period", "order", "text")
    key_column = "order"

    def to_fields(self, row: Row) -> dict[str, Any] | None:
        period = _period_code(self, row)
        if period is None:
            return None
        return {"period": period, "order": row["order"], "text": row["text"]}


LOADERS: dict[str, Callable[[ImportContext], Loader]] = {
    "investors": InvestorLoader,
    "zones": ZoneLoader,
    "zone_events": ZoneEventLoader,
    "projects": ProjectLoader,
    "project_events": ProjectEventLoader,
    "fx_rates": ExchangeRateLoader,
    "labor_reports": LaborReportLoader,
    "procedures": ProcedureLoader,
    "calendar": CalendarLoader,
    "dossiers": DossierLoader,
    "inspections": InspectionLoader,
    "documents": DocumentLoader,
    "targets": TargetLoader,
    "narratives": NarrativeLoader,
    "priorities": PriorityLoader,
}
