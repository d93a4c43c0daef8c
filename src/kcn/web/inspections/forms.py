"""The form of an inspection: the columns of the inspections sheet."""

from __future__ import annotations

from kcn.projects.sheets import INSPECTIONS
from kcn.web.sheetforms import SheetForm


class InspectionForm(SheetForm):
    class Meta:
        sheet = INSPECTIONS
        exclude = ("project_code",)  # the project of the page
