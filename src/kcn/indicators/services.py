"""Writes on the targets the province assigns to the board."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.accounts.models import User
from kcn.audit.records import as_decimal, clean_text, record_save, record_values, refusal
from kcn.documents.models import Document
from kcn.indicators.models import Target
from kcn.indicators.rules import check_indicator, check_target_range, check_year

TARGET_FIELDS = ("year", "indicator", "target", "target_max", "assigned_by", "description")


@transaction.atomic
def target_set(
    *,
    year: int,
    indicator: str,
    target: Decimal | int,
    target_max: Decimal | int | None = None,
    assigned_by: Document | None = None,
    description: str = "",
    actor: User | None = None,
) -> Target:
    """Set the ``year``'s target for ``indicator`` (a code of the registry).

    ``target`` is the target, or the low end of a range whose high end is
    ``target_max`` (not below ``target``). ``assigned_by`` is the document
    that assigned it.
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
    found = Target.objects.filter(year=year, indicator=indicator).first()
    before = None if found is None else record_values(found, TARGET_FIELDS)
    if found is None:
        found = Target(year=year, indicator=indicator)
    found.target = low
    found.target_max = high
    found.assigned_by = assigned_by
    found.description = clean_text(description)
    record_save(found, label=label, fields=TARGET_FIELDS, before=before, actor=actor)
    return found
