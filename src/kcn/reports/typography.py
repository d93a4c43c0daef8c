"""What must never break at the end of a line, in every format of the report."""

from __future__ import annotations

import re

# A document symbol ("14/CTr-UBND", "43/2022/QH15", "166/KH-BQL"), a date ("20/01/2022"), or
# a word or number joined to a number by a hyphen ("Covid-19", "2021-2025"): a reader must
# never see "14/CTr-" at the end of a line and "UBND" on the next.
UNBREAKABLE = re.compile(
    r"\b\d+(?:/[0-9A-Za-zÀ-ỹĐđ]+)+(?:-[0-9A-Za-zÀ-ỹĐđ]+)*"
    r"|\b[0-9A-Za-zÀ-ỹĐđ]+-\d+\b"
)

# Forbids a line break where it stands, and shows nothing (UAX #14, class WJ).
WORD_JOINER = "\u2060"
