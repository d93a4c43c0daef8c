"""Sheets defined once: the shape of every app's ``sheets.py``.

A record app declares the sheets of the exchange workbook that hold its
records (docs/reference/workbook.md): ``investors/sheets.py``,
``projects/sheets.py`` … A ``Sheet`` names its model, its key and its
columns; a ``Column`` holds every fact about one column: its English key and
Vietnamese label, how a cell is read, the model field it fills or the record
of another sheet it names (a ``Lookup``), what the export writes, and the
rules of the app that apply to it (``clean``, ``checks``).

Everything else is derived from these definitions: the import's header and
cell parsing (``exchange/importer.py``) and its loaders (``exchange/loaders.py``:
only rules that need several rows or the database are code there), the export
(``exchange/exporter.py``), the services' field lists (``<app>/services.py``:
``INVESTOR_FIELDS = INVESTORS.fields``) and the data-entry forms
(``web/sheetforms.py``). docs/decisions/0008-sheets-defined-once.md says why.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import models

from kcn.core.cells import Reader, read_text


@dataclass(frozen=True)
class Lookup:
    """A column that names a record of another sheet by that record's key.

    The cell holds the key (an investor's code); the model field holds the
    record (``Zone.developer``). The import resolves the key among the records
    of the database and of the sheets loaded before; the export writes the
    record's key (``developer__code``).
    """

    sheet: str  # the sheet of the named records: "investors"
    key: str  # the field of their model that the cell holds: "code"
    what: Any  # how a problem names such a record: gettext_lazy("investor")
    # Another spelling of a key to try when the cell's is not found (a tax code with spaces).
    alias: Callable[[str], str] | None = None


@dataclass(frozen=True)
class Check:
    """A rule of the app's ``rules.py`` that a row must pass.

    ``rule`` receives the values of the columns ``uses``, in that order, as
    read (None where empty), and returns the problem's message or None. The
    problem is pinned on the column that declares the check. A check is not
    run when one of its columns already has a problem.
    """

    rule: Callable[..., str | None]
    uses: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One column of a sheet: every fact about it, in one place.

    ``field`` is the model field the column fills (its key when not given);
    with a ``lookup`` the field is a foreign key and the cell holds the named
    record's key. ``export`` is what the export writes (a ``values()`` path;
    by default the field, or ``<field>__<lookup key>``). ``clean`` is a rule of
    the app that turns the value read into the value stored (a canonical
    period code, a country in capitals) and raises ``KcnError`` with the
    problem; for a lookup it runs before the key is looked up. ``checks`` are
    the rules whose problems are pinned on this column.
    """

    key: str
    label: str  # Vietnamese header, written by the export; the import accepts it or the key
    read: Reader = read_text
    required: bool = False
    field: str = ""
    lookup: Lookup | None = None
    export: str = ""
    clean: Callable[[Any], Any] | None = None
    checks: tuple[Check, ...] = ()
    # What an empty cell stores when the workbook's default is not the model's (a report's
    # status is "accepted" in a workbook, "draft" for a report begun in the app).
    default: Any = None
    # A date that may be after the day it is entered (a dossier's due date, a declared day
    # off); any other date of the future is a typing error (docs/reference/workbook.md).
    future: bool = False

    def __post_init__(self) -> None:
        if not self.field:
            object.__setattr__(self, "field", self.key)
        if not self.export:
            path = f"{self.field}__{self.lookup.key}" if self.lookup else self.field
            object.__setattr__(self, "export", path)


@dataclass(frozen=True, eq=False)
class Sheet:
    """A sheet of the exchange workbook and the model its rows are records of.

    ``key`` holds the columns that identify a row (``()``: a row is matched on
    all its columns). ``derived`` are model fields filled from the columns by
    the app's rules rather than by a column of their own (a document's number,
    read from its symbol). ``order`` is the order of the export's rows
    (``values()`` paths or expressions); by default the key's.
    """

    name: str
    label: str  # Vietnamese
    model: type[models.Model]
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    derived: tuple[str, ...] = ()
    order: tuple[Any, ...] = ()
    # The records the export writes, when not all of them (an enterprise's drafts stay out).
    exported: models.Q | None = None
    # Model fields the workbook does not hold: the app's own workflow (who reviewed a report,
    # why it was returned), kept by backups, not by the exchange workbook.
    app_only: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        keys = [column.key for column in self.columns]
        if len(set(keys)) != len(keys) or not set(self.key) <= set(keys):
            raise ValueError(f"sheet {self.name}: duplicate columns or a key that is no column")

    def column(self, key: str) -> Column:
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, Column]:
        return {column.key: column for column in self.columns}

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]

    @property
    def labels(self) -> list[str]:
        return [column.label for column in self.columns]

    @cached_property
    def by_header(self) -> dict[str, str]:
        """Column key by header, normalized: a column is headed by its key or its label."""
        found: dict[str, str] = {}
        for column in self.columns:
            found[normalize_header(column.key)] = column.key
            found[normalize_header(column.label)] = column.key
        return found

    # -- the model's side ----------------------------------------------------------------

    def model_field(self, column: Column) -> models.Field[Any, Any]:
        field = self.model._meta.get_field(column.field)
        assert isinstance(field, models.Field)
        return field

    @cached_property
    def fields(self) -> tuple[str, ...]:
        """Every model field the sheet fills, in the order of its columns, then the derived ones.

        The services' field lists (what an audit entry and an edit's fingerprint cover).
        """
        return (*[column.field for column in self.columns], *self.derived)

    @cached_property
    def links(self) -> tuple[Column, ...]:
        """Columns naming another record of this same sheet (a zone's parent zone).

        The import sets them once the whole sheet is written, since a row may
        name a record of a later row.
        """
        return tuple(c for c in self.columns if c.lookup and c.lookup.sheet == self.name)

    def attname(self, field: str) -> str:
        """The database column's attribute of a model field: ``zone`` → ``zone_id``."""
        return self.model._meta.get_field(field).attname  # type: ignore[union-attr]

    @cached_property
    def write_fields(self) -> tuple[str, ...]:
        """The attributes the import writes in bulk: every column but the links, then derived."""
        linked = {column.key for column in self.links}
        return (
            *[self.attname(c.field) for c in self.columns if c.key not in linked],
            *[self.attname(name) for name in self.derived],
        )

    @cached_property
    def key_fields(self) -> tuple[str, ...]:
        return tuple(self.attname(self.column(key).field) for key in self.key)

    def empty(self, column: Column) -> Any:
        """What an empty cell stores: the column's default, the field's, None, or "" for text
        that is never null."""
        if column.default is not None:
            return column.default
        field = self.model_field(column)
        if field.has_default():
            return field.get_default()
        if field.null or not isinstance(field, models.CharField | models.TextField):
            return None
        return ""

    @property
    def exports(self) -> list[str]:
        """What the export writes in each column, in the sheet's order."""
        return [column.export for column in self.columns]

    @property
    def export_order(self) -> tuple[Any, ...]:
        return self.order or tuple(self.column(key).export for key in self.key)


def normalize_header(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def choices(values: Any) -> list[str]:
    """The values of an enumeration (``Currency``, a ``TextChoices``) as plain strings."""
    return [str(value) for value in values]
