"""``kcn backup`` and ``kcn restore``: every table of the database, and the files kcn keeps,
in one portable archive (docs/decisions/0011-backups.md).

The archive is a zip file:

- ``kcn-backup.json``, its manifest: the format and its version, when and by which kcn it was
  made, from which kind of database, the migrations the database had (its schema), and for
  each table its model, its columns, its row count and the SHA-256 of its data;
- ``data/<app>.<model>.jsonl``: a table's rows in primary-key order, one JSON array a line,
  in the manifest's column order; decimals, dates and times as text, exactly;
- ``files/<folder>/<path>``: the files of the data folder that are records too
  (``KCN_BACKUP_FOLDERS``).

It is read back into SQLite or PostgreSQL alike: a board moves from its laptop's SQLite to a
PostgreSQL server with ``kcn backup`` there and ``kcn restore`` here. The backup reads one
snapshot of the database (a read transaction: writers go on meanwhile) and streams it, so
its memory does not grow with the rows; the restore writes everything in one transaction.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Field, Model
from django.utils import timezone
from django.utils.duration import duration_string
from django.utils.translation import gettext as _

import kcn
from kcn.config.env import PRIVATE_FILE
from kcn.core.errors import KcnError

FORMAT = "kcn-backup"
FORMAT_VERSION = 1
MANIFEST = "kcn-backup.json"
BATCH_ROWS = 1000

# Not backed up: who is signed in now. A restore signs everyone out (the sessions of the
# database it replaces would otherwise name other users).
NOT_BACKED_UP = frozenset({"sessions.session"})
# Rows that ``kcn init`` writes itself (reference data): a database holding only these is
# empty. The restore replaces them with the backup's, whose ids the other rows use.
REFERENCE_DATA = frozenset(
    {"contenttypes.contenttype", "auth.permission", "enterprise_reports.reportingperiod"}
)


@dataclass(frozen=True)
class TableInfo:
    model: str  # "projects.project"
    table: str
    rows: int


@dataclass
class BackupSummary:
    path: Path
    tables: list[TableInfo] = field(default_factory=list)
    files: int = 0

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def backed_up_models() -> list[type[Model]]:
    """Every table of kcn and Django's apps (many-to-many tables included), in a fixed
    order; not database views (unmanaged models), proxies or sessions."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label_lower not in NOT_BACKED_UP
    ]
    return sorted(found, key=lambda model: model._meta.label_lower)


def _columns(model: type[Model]) -> list[Field[Any, Any]]:
    """The columns a row is written with (a generated column is the database's to compute)."""
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if not getattr(model_field, "generated", False)
    ]


# --- values to JSON and back -------------------------------------------------------------


def _encoder(model_field: Field[Any, Any]) -> Callable[[Any], Any]:
    kind = model_field.get_internal_type()
    if kind == "DecimalField":
        return str
    if kind in ("DateField", "DateTimeField", "TimeField"):
        return lambda value: value.isoformat()
    if kind == "DurationField":
        return duration_string
    if kind == "UUIDField":
        return str
    if kind == "BinaryField":
        return lambda value: base64.b64encode(bytes(value)).decode("ascii")
    return _plain


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | dt.date | dt.time | uuid.UUID):
        return str(value)
    return value


def _decoder(model_field: Field[Any, Any], connection: BaseDatabaseWrapper) -> Callable[[Any], Any]:
    kind = model_field.get_internal_type()
    if kind == "JSONField":
        return lambda value: model_field.get_db_prep_save(value, connection)
    return lambda value: model_field.get_db_prep_save(model_field.to_python(value), connection)


# --- backup ------------------------------------------------------------------------------


def backup_folders() -> dict[str, Path]:
    """The folders of files that are records too, by their name in the archive."""
    return {Path(folder).name: Path(folder) for folder in settings.KCN_BACKUP_FOLDERS}


def database_backup(path: Path, *, alias: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Write the database's tables and kcn's files to the archive ``path`` (0600: it holds
    password hashes), replacing it only once complete."""
    summary = BackupSummary(path=path)
    draft = path.with_name(f".{path.name}.partial")
    try:
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    except OSError as error:
        raise KcnError(f"{path}: {error.strerror}") from None
    tables: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    try:
        with (
            os.fdopen(descriptor, "wb") as raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            with _snapshot(alias) as connection:
                migrations = sorted(MigrationRecorder(connection).applied_migrations())
                for model in backed_up_models():
                    tables.append(_dump_table(archive, model, alias))
            for name, folder in backup_folders().items():
                files.extend(_dump_folder(archive, name, folder))
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(timespec="seconds"),
                "kcn_version": kcn.__version__,
                "database": connections[alias].vendor,
                "migrations": [list(key) for key in migrations],
                "tables": tables,
                "files": files,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(draft, path)
    except BaseException:
        draft.unlink(missing_ok=True)
        raise
    summary.tables = [TableInfo(t["model"], t["table"], t["rows"]) for t in tables]
    summary.files = len(files)
    return summary


@contextmanager
def _snapshot(alias: str) -> Iterator[BaseDatabaseWrapper]:
    """One consistent view of the database for every table read inside, without stopping
    writers: a repeatable-read transaction on PostgreSQL, a deferred read transaction on
    SQLite (in WAL mode, writers go on beside it)."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        with transaction.atomic(using=alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield connection
        return
    if connection.in_atomic_block:
        yield connection  # inside the caller's transaction: that is the snapshot
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
    try:
        yield connection
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ROLLBACK")


def _dump_table(archive: zipfile.ZipFile, model: type[Model], alias: str) -> dict[str, Any]:
    label = model._meta.label_lower
    fields = _columns(model)
    encoders = [_encoder(model_field) for model_field in fields]
    name = f"data/{label}.jsonl"
    digest = hashlib.sha256()
    rows = 0
    query = (
        model._base_manager.using(alias)
        .order_by("pk")
        .values_list(*(model_field.attname for model_field in fields))
    )
    with archive.open(name, "w", force_zip64=True) as stream:
        pending: list[bytes] = []
        for row in query.iterator(chunk_size=2000):
            values = [
                None if value is None else encode(value)
                for encode, value in zip(encoders, row, strict=True)
            ]
            line = json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            digest.update(line)
            pending.append(line)
            rows += 1
            if len(pending) >= BATCH_ROWS:
                stream.write(b"".join(pending))
                pending.clear()
        stream.write(b"".join(pending))
    return {
        "model": label,
        "table": model._meta.db_table,
        "file": name,
        "columns": [model_field.attname for model_field in fields],
        "rows": rows,
        "sha256": digest.hexdigest(),
    }


def _dump_folder(archive: zipfile.ZipFile, name: str, folder: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if not folder.is_dir():
        return found
    for file in sorted(path for path in folder.rglob("*") if path.is_file()):
        relative = file.relative_to(folder).as_posix()
        member = f"files/{name}/{relative}"
        digest = hashlib.sha256()
        with file.open("rb") as source, archive.open(member, "w", force_zip64=True) as target:
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                target.write(chunk)
        found.append(
            {
                "folder": name,
                "path": relative,
                "size": file.stat().st_size,
                "sha256": digest.hexdigest(),
            }
        )
    return found


# --- restore -----------------------------------------------------------------------------


@dataclass
class RestoreSummary:
    tables: int
    rows: int
    files: int
    created_at: str


def read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError):
        raise KcnError(_("%(file)s is not a kcn backup.") % {"file": path}) from None
    if manifest.get("format") != FORMAT:
        raise KcnError(_("%(file)s is not a kcn backup.") % {"file": path})
    if manifest.get("version") != FORMAT_VERSION:
        raise KcnError(
            _("%(file)s is a kcn backup of format %(version)s, which this kcn does not read.")
            % {"file": path, "version": manifest.get("version")}
        )
    return manifest


def nonempty_tables(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The tables that hold something a restore would replace (not the reference data that
    ``kcn init`` writes)."""
    return [
        model._meta.label_lower
        for model in backed_up_models()
        if model._meta.label_lower not in REFERENCE_DATA
        and model._base_manager.using(alias).exists()
    ]


def database_restore(
    path: Path, *, force: bool = False, alias: str = DEFAULT_DB_ALIAS
) -> RestoreSummary:
    """Replace the database's tables and kcn's files with the archive's, in one transaction.

    The database must have the schema of the backup (the same migrations: ``kcn init`` with
    the same version of kcn) and be empty, unless ``force``. Every row is checked against the
    archive's checksums and the database's constraints before anything is committed.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise KcnError(f"{path}: {getattr(error, 'strerror', None) or error}") from None
    with archive:
        manifest = read_manifest(archive, path)
        connection = connections[alias]
        _check_schema(manifest, connection)
        models = {model._meta.label_lower: model for model in backed_up_models()}
        tables = manifest["tables"]
        unknown = [table["model"] for table in tables if table["model"] not in models]
        if unknown:
            raise KcnError(
                _("%(file)s holds tables this kcn does not have: %(tables)s.")
                % {"file": path, "tables": ", ".join(unknown)}
            )
        with transaction.atomic(using=alias, durable=True):
            if not force:
                filled = nonempty_tables(alias)
                if filled:
                    raise KcnError(
                        _(
                            "The database is not empty (%(tables)s): restore into an empty "
                            "database (kcn init on a new one), or add --force to replace "
                            "everything in it."
                        )
                        % {"tables": ", ".join(filled[:5]) + (", …" if len(filled) > 5 else "")}
                    )
            _wipe(connection, [*models.values(), apps.get_model("sessions", "Session")])
            rows = 0
            for table in tables:
                rows += _load_table(archive, table, models[table["model"]], connection)
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(
                    no_style(), list(models.values())
                ):
                    cursor.execute(statement)
            connection.check_constraints(
                table_names=[model._meta.db_table for model in models.values()]
            )
        files = _restore_files(archive, manifest.get("files", []), path)
    # Figures kept under a data version (kcn/indicators/cache.py) were computed from other
    # records; the restored version number may even equal one of theirs.
    caches["default"].clear()
    return RestoreSummary(
        tables=len(tables), rows=rows, files=files, created_at=manifest.get("created_at", "")
    )


def _check_schema(manifest: dict[str, Any], connection: BaseDatabaseWrapper) -> None:
    recorder = MigrationRecorder(connection)
    here = set(recorder.applied_migrations()) if recorder.has_table() else set()
    there = {tuple(key) for key in manifest["migrations"]}
    if not here:
        raise KcnError(_("The database is not initialised: run kcn init, then restore."))
    if here == there:
        return
    version = manifest.get("kcn_version", "?")
    if there - here:
        raise KcnError(
            _(
                "This backup was made by kcn %(version)s, whose database has %(n)s migrations "
                "this database lacks: run kcn init if this kcn is newer, or restore with kcn "
                "%(version)s."
            )
            % {"version": version, "n": len(there - here)}
        )
    raise KcnError(
        _(
            "This backup was made by an older kcn (%(version)s): restore it with kcn "
            "%(version)s into a database made by that version, then upgrade (install this "
            "version and run kcn init)."
        )
        % {"version": version}
    )


def _wipe(connection: BaseDatabaseWrapper, models: Iterable[type[Model]]) -> None:
    tables = [model._meta.db_table for model in models]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=False
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _load_table(
    archive: zipfile.ZipFile,
    table: dict[str, Any],
    model: type[Model],
    connection: BaseDatabaseWrapper,
) -> int:
    by_attname = {model_field.attname: model_field for model_field in _columns(model)}
    missing = [name for name in table["columns"] if name not in by_attname]
    if missing or len(table["columns"]) != len(by_attname):
        raise KcnError(
            _("Table %(table)s of the backup has other columns than this database.")
            % {"table": table["model"]}
        )
    fields = [by_attname[name] for name in table["columns"]]
    decoders = [_decoder(model_field, connection) for model_field in fields]
    quote = connection.ops.quote_name
    # Table and column names come from the models, quoted; the values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(model._meta.db_table),
        ", ".join(quote(model_field.column) for model_field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    digest = hashlib.sha256()
    rows = 0
    batch: list[list[Any]] = []
    with archive.open(table["file"]) as stream, connection.cursor() as cursor:
        for line in stream:
            digest.update(line)
            values = json.loads(line)
            batch.append(
                [
                    None if value is None else decode(value)
                    for decode, value in zip(decoders, values, strict=True)
                ]
            )
            if len(batch) >= BATCH_ROWS:
                cursor.executemany(sql, batch)
                rows += len(batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
            rows += len(batch)
    if digest.hexdigest() != table["sha256"] or rows != table["rows"]:
        raise KcnError(
            _("Table %(table)s of the backup is damaged (its checksum differs).")
            % {"table": table["model"]}
        )
    return rows


def _restore_files(archive: zipfile.ZipFile, files: list[dict[str, Any]], path: Path) -> int:
    """Put back the backup's files, each folder replaced as a whole."""
    folders = backup_folders()
    restored = 0
    for folder in folders.values():
        if folder.is_dir():
            shutil.rmtree(folder)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for entry in files:
        home = folders.get(entry["folder"])
        relative = PurePosixPath(entry["path"])
        if home is None or relative.is_absolute() or ".." in relative.parts:
            continue
        target = home / Path(*relative.parts)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with (
            archive.open(f"files/{entry['folder']}/{entry['path']}") as source,
            target.open("wb") as out,
        ):
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != entry["sha256"]:
            raise KcnError(
                _("%(file)s: the file %(path)s is damaged (its checksum differs).")
                % {"file": path, "path": entry["path"]}
            )
        restored += 1
    return restored
