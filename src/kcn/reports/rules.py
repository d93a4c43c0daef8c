"""The rules of what staff write for a report (docs/reference/workbook.md, ``narratives``,
``priorities``).

The same rules serve the workbook import and the data-entry forms.
"""

from __future__ import annotations

from kcn.core.periods import parse_period


def period_code(raw: str) -> str:
    """The canonical code of the period ``raw`` names ("2022-q1" → "2022-Q1").

    ``KcnError`` when ``raw`` is not a period code.
    """
    return parse_period(raw).code
