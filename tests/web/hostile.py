"""A board whose every free text is an attack, imported through a workbook.

This is how the map's stored XSS was found: a specialist imported a zone named
``<img src=x onerror=…>`` and it ran in a leader's browser. ``PAYLOAD`` would
run if any page inserted it as markup: ``window.__xss`` becomes set, and an
``<img src="x">`` or a ``<b>`` appears in the page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kcn.accounts.services import user_create_or_update
from kcn.board.models import BoardProfile
from kcn.enterprise_reports.models import LaborFiling
from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import workbook_import
from kcn.investors.models import Investor
from kcn.projects.models import Project
from kcn.reports.models import Narrative
from tests import factories as f
from tests.exchange.samples import valid

PAYLOAD = '"><img src=x onerror="window.__xss=1"><script>window.__xss=1</script><b>bold</b>'
# For the few columns that hold 64 characters at most.
SHORT_PAYLOAD = '<img src=x onerror="window.__xss=1">'

HOSTILE_COLUMNS: dict[str, tuple[str, ...]] = {
    "investors": ("name",),
    "zones": ("name", "province", "district"),
    "projects": ("name",),
    "project_events": ("note",),
    "procedures": ("name",),
    "dossiers": ("applicant",),
    "inspections": ("note",),
    "documents": ("title", "issuer"),
    "targets": ("description", "description_en"),
    "narratives": ("text", "text_en"),
    "priorities": ("text", "text_en"),
}
SHORT_COLUMNS: dict[str, tuple[str, ...]] = {"project_events": ("certificate_no",)}


def hostile_rows() -> dict[str, list[dict[str, Any]]]:
    data = valid()
    for columns, payload in ((HOSTILE_COLUMNS, PAYLOAD), (SHORT_COLUMNS, SHORT_PAYLOAD)):
        for sheet, keys in columns.items():
            for number, row in enumerate(data[sheet]):
                for key in keys:
                    row[key] = f"{payload} {number}"
    return data


ENTERPRISE_USER = "doanh-nghiep"


def import_hostile_board(folder: Path, password: str = "kcn-hostile-test") -> None:
    """Import the hostile workbook, give the board a hostile letterhead, and the Japanese
    investor an enterprise user whose reports carry hostile texts too."""
    path = folder / "hostile.xlsx"
    write_rows_workbook(path, hostile_rows(), english_keys=True)
    result = workbook_import(path)
    assert result.ok, result.problems
    for section in ("investment", "health", "other"):
        Narrative.objects.create(period="2022-Q1", section=section, text=PAYLOAD)
    BoardProfile.objects.update_or_create(
        pk=1,
        defaults={
            "province": SHORT_PAYLOAD,
            "parent_body": PAYLOAD,
            "name": PAYLOAD,
            "name_in_text": PAYLOAD,
            "place": SHORT_PAYLOAD,
            "signer_name": SHORT_PAYLOAD,
            "recipients": f"{PAYLOAD}\n{PAYLOAD}",
        },
    )
    investor = Investor.objects.get(code="JP-0001")
    user_create_or_update(
        username=ENTERPRISE_USER, role="enterprise", password=password, investor=investor
    )
    project = Project.objects.get(code="P2")
    report = f.project_report(project, "2022-Q1", dt.date(2022, 4, 5), status="submitted")
    report.note = PAYLOAD
    report.return_reason = PAYLOAD
    report.save()
    LaborFiling.objects.create(
        project=project,
        period="2022-H1",
        period_end=dt.date(2022, 5, 31),
        status="returned",
        submitted_on=dt.date(2022, 6, 2),
        employees=10,
        note=PAYLOAD,
        return_reason=PAYLOAD,
    )
