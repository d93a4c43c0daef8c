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
from django.utils import timezone
from django.utils.translation import gettext as _

from kcn.audit.models import AuditAction, Voidable
from kcn.audit.services import audit_record
from kcn.core.cells import code_problem, date_problem
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


def required_code(label: str, model: type[models.Model], field: str, value: str | None) -> str:
    """A record's code: required, and without a slash, which would cut the code in two in
    the address of its page (``/projects/<code>/``) and of the API."""
    code = required_text(label, model, field, value)
    problem = code_problem(code)
    if problem:
        raise refusal(label, model, field, problem)
    return code


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


def check_finite(label: str, model: type[models.Model], field: str, value: Any) -> None:
    """Refuse NaN, an infinity or a number of more digits than the field holds (the API and
    the command line pass numbers the forms never would)."""
    if value is None or not isinstance(value, Decimal | float | int):
        return
    number = Decimal(value)
    if not number.is_finite():
        raise refusal(label, model, field, _("%(value)s is not a number") % {"value": value})
    try:
        model_field = model._meta.get_field(field)
    except FieldDoesNotExist:
        return
    digits = getattr(model_field, "max_digits", None)
    places = getattr(model_field, "decimal_places", None)
    if digits is not None and places is not None and abs(number) >= 10 ** (digits - places):
        raise refusal(
            label,
            model,
            field,
            _("%(value)s is too large: at most %(digits)s digits before the decimal mark")
            % {"value": value, "digits": digits - places},
        )


def check_day(
    label: str,
    model: type[models.Model],
    field: str,
    day: dt.date | None,
    *,
    future: bool = False,
    today: dt.date | None = None,
) -> None:
    """Refuse a date outside 1990–2100 and, unless ``future``, one after today (the local
    date): a record of the future is a typing error (docs/reference/workbook.md)."""
    if day is None:
        return
    problem = date_problem(day)
    if problem is None and not future:
        today = today or timezone.localdate()
        if day > today:
            problem = _(
                "%(date)s is after today (%(today)s): a record of the future is a typing error"
            ) % {"date": day.strftime("%d/%m/%Y"), "today": today.strftime("%d/%m/%Y")}
    if problem is not None:
        raise refusal(label, model, field, problem)


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
                _refuse_voided_key(model, key, label, field)
                raise
        else:
            return instance
    raise refusal(label, model, field, taken(existing))


def _refuse_voided_key(
    model: type[models.Model], key: dict[str, Any], label: str, field: str
) -> None:
    """Refuse a key that a voided record keeps (a document's symbol, a receipt number: a
    number of the register is never given again), if that is why the database refused."""
    if not issubclass(model, Voidable):
        return
    voided = model._base_manager.filter(voided_at__isnull=False, **key).first()
    if voided is not None:
        raise refusal(
            label,
            model,
            field,
            _(
                "it belongs to a record voided on %(date)s (%(reason)s): a number of the "
                "register is not given again"
            )
            % {
                "date": timezone.localtime(voided.voided_at).strftime("%d/%m/%Y"),
                "reason": voided.void_reason,
            },
        )


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
                _refuse_voided_key(model, key, label, next(iter(key)))
                raise
        else:
            return created
    before = record_values(instance, fields)
    for name, value in values.items():
        setattr(instance, name, value)
    record_save(instance, label=label, fields=fields, before=before, actor=actor)
    return instance


def record_void(instance: Voidable, *, label: str, reason: str, actor: Actor) -> Voidable:
    """Void ``instance``: it stays, with who voided it, when and why, but counts nowhere.

    Call it inside the service's transaction, the record locked, after the service's own
    checks (who may void, what voiding would break). Refused without a reason and for a
    record already voided. Audited as ``AuditAction.VOID`` with the reason.
    """
    model = type(instance)
    reason = clean_text(reason)
    if not reason:
        raise refusal(label, model, "void_reason", _("say why the record is voided"))
    if instance.voided_at is not None:
        raise refusal(
            label,
            model,
            "",
            _("it was already voided on %(date)s")
            % {"date": timezone.localtime(instance.voided_at).strftime("%d/%m/%Y")},
        )
    instance.voided_at = timezone.now()
    instance.voided_by = actor if getattr(actor, "pk", None) else None  # type: ignore[assignment]
    instance.void_reason = reason
    validate_record(instance, label)
    instance.save(update_fields=["voided_at", "voided_by", "void_reason"])
    audit_record(
        actor=actor,
        action=AuditAction.VOID,
        instance=instance,
        after={"void_reason": reason},
    )
    return instance
