"""Entry forms derived from the sheets' definitions (kcn.web.sheetforms)."""

from __future__ import annotations

import pytest

from kcn.documents.sheets import DOCUMENTS
from kcn.indicators.sheets import TARGETS
from kcn.projects.sheets import PROJECTS
from kcn.web.dossiers.forms import DossierReceiveForm
from kcn.web.inspections.forms import InspectionForm
from kcn.web.projects.forms import LaborReportForm, ProjectEditForm
from kcn.web.sheetforms import SheetForm, record_arguments
from kcn.web.targets.forms import TargetForm
from kcn.web.zones.forms import ZoneEventForm
from tests import factories as f


def test_a_form_has_a_field_for_each_column_of_its_sheet_in_the_sheets_order():
    assert list(TargetForm().fields) == [*TARGETS.keys, "replace"]


def test_a_derived_field_follows_the_model_field_and_the_column():
    note = InspectionForm().fields["note"]
    assert (str(note.label), note.required, type(note.widget).__name__) == (
        "Note",
        False,
        "Textarea",
    )
    employees = LaborReportForm().fields["employees"]
    assert (employees.required, employees.min_value) == (True, 0)  # type: ignore[attr-defined]
    events = ZoneEventForm().fields["event"].choices  # type: ignore[attr-defined]
    assert events[0][0] == "planned"  # required: no empty choice
    channels = DossierReceiveForm().fields["channel"].choices  # type: ignore[attr-defined]
    assert channels[0] == ("", "—")


def test_an_edit_form_starts_from_the_records_values(db):
    project = f.project("P-1")
    initial = ProjectEditForm.initial_from(project)
    assert initial["investor_code"] == "JP-0001"  # a lookup typed as its key
    assert initial["zone"] == project.zone
    assert initial["name"] == project.name
    assert "code" not in initial


def test_the_cleaned_data_become_the_services_arguments():
    data = {"symbol": "1/KH-BQL", "parent_symbol": None, "secret": True, "replace": True}
    assert record_arguments(DOCUMENTS, data) == {
        "symbol": "1/KH-BQL",
        "secret": True,
        "parent": None,
    }


def test_a_form_declares_the_field_of_a_lookup_column():
    with pytest.raises(TypeError, match="zone_code"):

        class Broken(SheetForm):
            class Meta:
                sheet = PROJECTS
