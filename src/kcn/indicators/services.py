"""Writes on the targets the province assigns to the board."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import (
    as_decimal,
    clean_text,
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
    return record_upsert(
        Target,
        key={"year": year, "indicator": indicator},
        values={
            "target": low,
            "target_max": high,
            "assigned_by": assigned_by,
            "description": clean_text(description),
            "description_en": clean_text(description_en),
        },
        label=label,
        fields=TARGET_FIELDS,
        actor=actor,
    )
