"""Writes on the targets the province assigns to the board.

``target_record`` is the use case of the web page (one durable transaction; a new
target never replaces one silently); ``target_set`` is the upsert it and the tests build on.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    as_decimal,
    clean_text,
    json_value,
    record_create,
    record_upsert,
    refusal,
)
from kcn.documents.models import Document
from kcn.indicators.models import Target
from kcn.indicators.rules import check_indicator, check_target_range, check_year
from kcn.indicators.sheets import TARGETS

TARGET_FIELDS = TARGETS.fields


@transaction.atomic
def target_set(
    *,
    year: int,
    indicator: str,
    target: Decimal | int,
    target_max: Decimal | int | None = None,
    assigned_by: Document | None = None,
    description: str = "",
    description_en: str = "",
    actor: User | None = None,
) -> Target:
    """Set the ``year``'s target for ``indicator`` (a code of the registry).

    ``target`` is the target, or the low end of a range whose high end is
    ``target_max`` (not below ``target``). ``assigned_by`` is the document
    that assigned it. ``description`` is how the report states it,
    ``description_en`` the same in English.
    """
    key, label, values = _target_values(
        year, indicator, target, target_max, assigned_by, description, description_en
    )
    return record_upsert(
        Target, key=key, values=values, label=label, fields=TARGET_FIELDS, actor=actor
    )


@transaction.atomic(durable=True)
def target_record(
    *,
    year: int,
    indicator: str,
    target: Decimal | int,
    target_max: Decimal | int | None = None,
    assigned_by: Document | None = None,
    description: str = "",
    description_en: str = "",
    replace: bool = False,
    actor: User | None = None,
) -> Target:
    """Set the ``year``'s target for ``indicator``, as ``target_set`` does; but a year that
    already has a target for the indicator is refused (``indicator``) unless ``replace``
    says to replace it, also when the other target was set at the same moment."""
    key, label, values = _target_values(
        year, indicator, target, target_max, assigned_by, description, description_en
    )
    if replace:
        return record_upsert(
            Target, key=key, values=values, label=label, fields=TARGET_FIELDS, actor=actor
        )
    return record_create(
        Target(**key, **values),
        key=key,
        label=label,
        fields=TARGET_FIELDS,
        field="indicator",
        taken=lambda existing: (
            _(
                "%(year)s already has a target for this indicator (%(target)s): "
                "replace it to change it"
            )
            % {"year": year, "target": json_value(existing.target)}
        ),
        actor=actor,
    )


def _target_values(
    year: int,
    indicator: str,
    target: Decimal | int,
    target_max: Decimal | int | None,
    assigned_by: Document | None,
    description: str,
    description_en: str,
) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """The target's key, its label and its checked values."""
    indicator = clean_text(indicator)
    label = _("target %(indicator)s for %(year)s") % {"indicator": indicator, "year": year}
    problem = check_indicator(indicator)
    if problem is not None:
        raise refusal(label, Target, "indicator", problem)
    problem = check_year(year)
    if problem is not None:
        raise refusal(label, Target, "year", problem)
    low, high = Decimal(target), as_decimal(target_max)
    problem = check_target_range(low, high)
    if problem is not None:
        raise refusal(label, Target, "target_max", problem)
    values = {
        "target": low,
        "target_max": high,
        "assigned_by": assigned_by,
        "description": clean_text(description),
        "description_en": clean_text(description_en),
    }
    return {"year": year, "indicator": indicator}, label, values
