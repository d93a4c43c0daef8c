"""Changing the board's profile, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kcn.audit.records import Actor, record_upsert
from kcn.board.models import BoardProfile
from kcn.board.profile import PROFILE_TEXT_FIELDS
from kcn.core.errors import KcnError

BOARD_FIELDS = (*PROFILE_TEXT_FIELDS, "self_approval", "outline")


@transaction.atomic(durable=True)
def board_profile_update(*, actor: Actor = None, **values: Any) -> BoardProfile:
    """Change the board's profile (letterhead, place, signer, outline); fields not given stay."""
    unknown = set(values) - set(BOARD_FIELDS)
    if unknown:
        raise KcnError(
            _("Unknown field of the board profile: %(fields)s")
            % {"fields": ", ".join(sorted(unknown))}
        )
    # Read under a lock: the fields not given keep the values of the profile as it is now.
    current = BoardProfile.objects.select_for_update().filter(pk=1).first() or BoardProfile(pk=1)
    cleaned = {name: _cleaned(name, value) for name, value in values.items()}
    return record_upsert(
        BoardProfile,
        key={"pk": 1},
        values={**{name: getattr(current, name) for name in BOARD_FIELDS}, **cleaned},
        label=_("board profile"),
        fields=BOARD_FIELDS,
        actor=actor,
    )


def _cleaned(name: str, value: Any) -> Any:
    if name in ("outline", "self_approval"):
        return value  # GeoJSON, checked by the caller (kcn.zones.rules.outline_from_geojson)
    return value.strip("\n") if name in ("recipients", "recipients_en") else value.strip()
