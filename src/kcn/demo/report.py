"""What the demo's staff choose for the 2022-Q1 report beyond its texts: the board's profile in
English, and the framing paragraph (the groups of tasks of plan 166/KH-BQL and the thematic
plans it names, in the order of the board's own report, with their English names).

The exchange workbook holds the records and the staff's texts; these are choices made on the
reports page, loaded here through the same services. Loading twice changes nothing.
"""

from __future__ import annotations

from kcn.board.services import board_profile_update
from kcn.demo import texts
from kcn.documents.models import Document
from kcn.reports.services import report_framing_set

PERIOD = "2022-Q1"


def load_demo_report() -> int:
    """Set the demo's choices; returns how many thematic plans the framing names."""
    board_profile_update(actor=None, **texts.BOARD_EN)
    plans = {
        document.title: document
        for document in Document.objects.filter(parent__symbol="166/KH-BQL")
    }
    listed = [
        (plans[title], english)
        for title, english in zip(
            texts.THEMATIC_PLAN_TITLES, texts.LISTED_PLANS_2022_Q1_EN, strict=False
        )
        if title in plans
    ]
    report_framing_set(
        period=PERIOD, task_groups=texts.PLAN_166_TASK_GROUPS, listed=listed, actor=None
    )
    return len(listed)
