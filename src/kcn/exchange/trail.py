"""The audit trail of an import: the workbook, and every record it created or changed.

An import writes one entry for the workbook (its name as the user gave it, its
SHA-256 and size, who imported it, and once done the rows of each sheet) and,
pointing to it, one entry per record created (its values) or changed (the
values of the fields that changed, before and after), so that a record's
history says which workbook made it what it is. The entries are written in bulk,
below the ORM like the records themselves, in the import's own transaction: an
import refused leaves no trace but its log line.

Values are stored as the audit trail stores them everywhere (``json_value``):
dates as ISO text, amounts as plain decimal text, and a reference to another
record as that record's key (a zone's code, not its id).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.db import connection, models

from kcn.audit.models import AuditAction, AuditEntry
from kcn.audit.records import json_value
from kcn.audit.services import audit_record
from kcn.exchange.bulk import insert_rows

FLUSH_EVERY = 2000
COLUMNS = (
    "at",
    "actor",
    "action",
    "model",
    "object_pk",
    "object_repr",
    "before",
    "after",
    "import_entry",
)


def file_digest(path: Path) -> str:
    """The SHA-256 of the file, read in blocks (a workbook may be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ImportTrail:
    """Collects the audit entries of one import and writes them in batches."""

    def __init__(self, *, actor: Any, path: Path, name: str | None = None) -> None:
        self.actor_id = getattr(actor, "pk", None)
        self.workbook = {
            "workbook": name or path.name,
            "sha256": file_digest(path),
            "bytes": path.stat().st_size,
        }
        self.entry = audit_record(
            actor=actor,
            action=AuditAction.IMPORT,
            model="exchange.workbook",
            object_repr=str(self.workbook["workbook"]),
            after=dict(self.workbook),
        )
        # The same moment for every entry, in the form the database stores it.
        self.at = connection.ops.adapt_datetimefield_value(self.entry.at)
        self.pending: list[tuple[Any, ...]] = []
        self.records = 0

    def created(self, model: type[models.Model], pk: Any, label: str, after: str) -> None:
        """A record created: ``after`` its values as JSON text (``RecordValues.json``)."""
        self._add(AuditAction.CREATE, model, pk, label, None, after)

    def changed(
        self,
        model: type[models.Model],
        pk: Any,
        label: str,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        self._add(AuditAction.UPDATE, model, pk, label, _json(before), _json(after))

    def _add(
        self,
        action: AuditAction,
        model: type[models.Model],
        pk: Any,
        label: str,
        before: str | None,
        after: str,
    ) -> None:
        self.pending.append(
            (
                self.at,
                self.actor_id,
                action.value,
                model._meta.label_lower,
                str(pk),
                label[:255],
                before,
                after,
                self.entry.pk,
            )
        )
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        insert_rows(AuditEntry, COLUMNS, self.pending, json_ready=True)
        self.records += len(self.pending)
        self.pending = []

    def close(self, sheets: dict[str, Any]) -> None:
        """The last entries, and the workbook's entry completed with the rows of each sheet."""
        self.flush()
        self.entry.after = {**self.workbook, "records": self.records, "sheets": sheets}
        self.entry.save(update_fields=["after"])


class RecordValues:
    """The JSON-safe values of a sheet's records for the trail, references as keys.

    ``names`` are the model fields a loader writes, in its order; a foreign key's
    value (an id) becomes the referenced record's key, read once per model.
    """

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        self.names = tuple(names)
        self.references: dict[int, type[models.Model]] = {}
        for index, name in enumerate(self.names):
            field = model._meta.get_field(name)
            if isinstance(field, models.ForeignKey):
                self.references[index] = field.related_model  # type: ignore[assignment]
        self.keys: dict[type[models.Model], dict[Any, str]] = {}

    def key_of(self, model: type[models.Model], pk: Any) -> Any:
        known = self.keys.get(model)
        if known is None or pk not in known:
            known = self.keys[model] = dict(
                model._default_manager.values_list("pk", _key_field(model))
            )
        return known.get(pk, pk)

    def value(self, index: int, value: Any) -> Any:
        if value is None:
            return None
        model = self.references.get(index)
        if model is not None:
            return self.key_of(model, value)
        return json_value(value)

    def json(self, row: Sequence[Any]) -> str:
        """The record's values as JSON text: one call of the C encoder per record (an
        import writes one entry per record it creates, so this is its hot path)."""
        values = dict(zip(self.names, row, strict=True))
        for index, model in self.references.items():
            pk = row[index]
            if pk is not None:
                values[self.names[index]] = self.key_of(model, pk)
        return _json(values)

    def changes(
        self, old: Sequence[Any], new: Sequence[Any]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The fields whose values differ, before and after."""
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for index, name in enumerate(self.names):
            was, now = self.value(index, old[index]), self.value(index, new[index])
            if was != now:
                before[name], after[name] = was, now
        return before, after

    def label(self, row: Sequence[Any], positions: Sequence[int]) -> str:
        return " · ".join(str(self.value(i, row[i])) for i in positions)


def _json_default(value: Any) -> Any:
    converted = json_value(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return converted


def _json(values: dict[str, Any]) -> str:
    """JSON text as the audit trail stores values (``json_value``: dates as ISO text,
    amounts as plain decimal text)."""
    return json.dumps(values, default=_json_default, ensure_ascii=False, separators=(",", ":"))


def _key_field(model: type[models.Model]) -> str:
    """The field that names a record of ``model`` for people (its code or symbol)."""
    names = {field.name for field in model._meta.concrete_fields}
    for name in ("code", "symbol"):
        if name in names:
            return name
    return "pk"
