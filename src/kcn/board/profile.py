"""The text fields of the board's profile, without Django: the command line builds its
options from them before Django starts."""

from __future__ import annotations

PROFILE_TEXT_FIELDS = (
    "province",
    "parent_body",
    "name",
    "name_in_text",
    "abbreviation",
    "place",
    "signer_authority",
    "signer_title",
    "signer_deputy_title",
    "signer_name",
    "recipients",
    "parent_body_en",
    "name_en",
    "name_in_text_en",
    "place_en",
    "signer_authority_en",
    "signer_title_en",
    "signer_deputy_title_en",
    "recipients_en",
)
