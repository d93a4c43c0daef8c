"""Writing one record: the helpers every app's services share.

A service validates with the spec's rules first (each with its own
message), then ``record_save`` runs the model's own checks, saves and writes
the audit entry in the same transaction, naming only the fields that changed.

They run inside the service's transaction and read what they check under a
lock: ``record_upsert`` locks the row it changes, ``record_create`` lets the
database's unique constraint refuse a record inserted meanwhile by another
transaction, and ``record_fingerprint`` is what an edit compares, under the
lock, with the values it started from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from kcn.audit.models import AuditAction
from kcn.audit.services import audit_record
from kcn.core.errors import RecordError

ModelT = TypeVar("ModelT", bound=models.Model)
# Who makes a change: a signed-in user, or None for the system (an import, the command line).
# Typed by Django's base class so that this bottom layer never imports kcn.accounts.
Actor = AbstractBaseUser | None


def field_label(model: type[models.Model], name: str) -> str:
    """The field's translated name ("country", "quốc gia"), or ``name`` itself."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def refusal(label: str, model: type[models.Model], field: str, problem: str) -> RecordError:
    """The error for ``problem`` with ``field`` of the record described by ``label``."""
    if field:
        message = _("%(record)s, %(field)s: %(problem)s") % {
            "record": label,
            "field": field_label(model, field),
            "problem": problem,
        }
    else:
        message = _("%(record)s: %(problem)s") % {"record": label, "problem": problem}
    return RecordError(message, record=label, field=field)


def clean_text(value: str | None) -> str:
    """Text as the importer reads it: NFC-normalized and trimmed; None is empty."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def required_text(label: str, model: type[models.Model], field: str, value: str | None) -> str:
    text = clean_text(value)
    if not text:
        raise refusal(label, model, field, _("a value is required"))
    return text


def checked_choice(
    label: str,
    model: type[models.Model],
    field: str,
    value: str | None,
    choices: Sequence[str],
    *,
    blank: bool = False,
) -> str:
    """``value`` as one of ``choices`` (read without regard to case), or "" when blank."""
    text = clean_text(value)
    if not text:
        if blank:
            return ""
        raise refusal(label, model, field, _("a value is required"))
    choice = {option.lower(): option for option in choices}.get(text.lower())
    if choice is None:
        raise refusal(
            label,
            model,
            field,
            _("%(value)s is not one of: %(choices)s")
            % {"value": f"'{value}'", "choices": ", ".join(choices)},
        )
    return choice


def check_minimum(
    label: str,
    model: type[models.Model],
    field: str,
    value: Decimal | int | None,
    minimum: Decimal | int = 0,
    *,
    strict: bool = False,
) -> None:
    """Refuse ``value`` below ``minimum`` (or equal to it when ``strict``); None passes."""
    if value is None:
        return
    if value < minimum or (strict and value == minimum):
        message = (
            _("%(value)s must be greater than %(minimum)s")
            if strict
            else _("%(value)s must not be below %(minimum)s")
        )
        raise refusal(label, model, field, message % {"value": f"'{value}'", "minimum": minimum})


def as_decimal(value: Decimal | int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def natural_key(instance: models.Model) -> str:
    """How the audit trail names a referenced record: its code or symbol, else its id."""
    for attribute in ("code", "symbol"):
        value = getattr(instance, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(instance.pk)


def json_value(value: Any) -> Any:
    """A JSON-safe value: dates as ISO strings, Decimals as plain strings ("98000000", "1.5")."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, models.Model):
        return natural_key(value)
    return value


def record_values(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-safe values of ``fields``; a foreign key as the referenced record's key.

    Two snapshots compare equal exactly when the values are equal: ``Decimal("1.5")``
    and ``Decimal("1.5000")`` give the same string.
    """
    values: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            related = getattr(instance, name)
            values[name] = None if related is None else natural_key(related)
        else:
            values[name] = json_value(getattr(instance, name))
    return values


def validate_record(instance: models.Model, label: str) -> None:
    """The model's own checks (lengths, digits, choices, constraints) as a ``RecordError``.

    The services check every rule of the spec first, with its own message;
    this is the safety net for what only the model says (e.g. a name longer
    than 255 characters).
    """
    try:
        instance.full_clean()
    except ValidationError as error:
        problems = error.message_dict
        field = next((name for name in problems if name != "__all__"), "__all__")
        raise refusal(
            label,
            type(instance),
            "" if field == "__all__" else field,
            " ".join(problems[field]),
        ) from None


def record_save(
    instance: models.Model,
    *,
    label: str,
    fields: Sequence[str],
    before: dict[str, Any] | None,
    actor: Actor,
) -> bool:
    """Validate and save ``instance`` and audit it; False (and nothing written) if unchanged.

    ``before`` is ``record_values`` of the record as it was, or None for a new
    record. The audit entry holds only the fields that changed (all of them
    for a new record).
    """
    after = record_values(instance, fields)
    changed = [name for name in fields if before is None or before[name] != after[name]]
    if not changed:
        return False
    validate_record(instance, label)
    instance.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
        instance=instance,
        before=None if before is None else {name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    return True


def record_delete(instance: models.Model, *, fields: Sequence[str], actor: Actor) -> None:
    """Delete ``instance`` and audit it, with its values as ``before``."""
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=instance,
        before=record_values(instance, fields),
    )
    instance.delete()


def record_fingerprint(instance: models.Model, fields: Sequence[str]) -> str:
    """A short digest of a record's values: an edit form carries the one it started from,
    and the edit's service refuses the save when the record's digest changed meanwhile."""
    values = record_values(instance, fields)
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def record_create(
    instance: ModelT,
    *,
    key: dict[str, Any],
    label: str,
    fields: Sequence[str],
    field: str,
    taken: Callable[[ModelT], str],
    actor: Actor,
) -> ModelT:
    """Save the new record ``instance`` (whose key is ``key``) and audit it; never overwrite.

    When a record with ``key`` exists the write is refused, naming ``field``,
    with ``taken(existing)`` as the problem. A record inserted by a simultaneous
    transaction, which the check cannot see yet, is refused the same way: the
    database's unique constraint stops the insert, and the ``IntegrityError``
    becomes that refusal (the insert runs in a savepoint, so the existing record
    can be read for the message). So does the model's own uniqueness check when
    the other record was committed just after the first look. Call it inside the
    service's transaction.
    """
    model = type(instance)
    existing = model._default_manager.filter(**key).first()
    if existing is None:
        try:
            with transaction.atomic():
                record_save(instance, label=label, fields=fields, before=None, actor=actor)
        except (IntegrityError, RecordError):
            existing = model._default_manager.filter(**key).first()
            if existing is None:  # not the key: another problem, said as it was
                raise
        else:
            return instance
    raise refusal(label, model, field, taken(existing))


def record_upsert(
    model: type[ModelT],
    *,
    key: dict[str, Any],
    values: dict[str, Any],
    label: str,
    fields: Sequence[str],
    actor: Actor,
) -> ModelT:
    """The record of ``model`` with ``key``, created or updated to ``values``, saved and audited.

    Goes through ``record_save``: validated, and not written when nothing changed.
    The existing record is read under a row lock, so that two simultaneous
    upserts write one after the other; when the record is created meanwhile by
    another transaction (the unique constraint refuses the insert), it is read
    again and updated. Call it inside the service's transaction.
    """
    locked = model._default_manager.select_for_update()
    instance = locked.filter(**key).first()
    if instance is None:
        created = model(**key)
        for name, value in values.items():
            setattr(created, name, value)
        try:
            with transaction.atomic():
                record_save(created, label=label, fields=fields, before=None, actor=actor)
        except (IntegrityError, RecordError):
            instance = locked.filter(**key).first()
            if instance is None:
                raise
        else:
            return created
    before = record_values(instance, fields)
    for name, value in values.items():
        setattr(instance, name, value)
    record_save(instance, label=label, fields=fields, before=before, actor=actor)
    return instance
