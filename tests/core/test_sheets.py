"""The sheets' definitions: complete, consistent with their models, and what is derived."""

from __future__ import annotations

import pytest
from django.db import models

from kcn.exchange.schema import SHEETS, SHEETS_BY_NAME
from kcn.projects.services import EVENT_FIELDS, PROJECT_FIELDS
from kcn.zones.sheets import ZONES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: sheet.name)
def test_every_field_of_a_record_is_a_column_or_derived_from_one(sheet):
    """A model field without a column would be lost by an export and an import, unless the
    sheet says it is the app's own (a report's review)."""
    own = {
        field.name
        for field in sheet.model._meta.concrete_fields
        if not field.primary_key and field.editable
    }
    assert set(sheet.fields) | set(sheet.app_only) == own
    assert not set(sheet.fields) & set(sheet.app_only)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: sheet.name)
def test_each_lookup_names_the_unique_key_of_a_sheet_loaded_before(sheet):
    order = [other.name for other in SHEETS]
    for column in sheet.columns:
        if column.lookup is None:
            continue
        target = SHEETS_BY_NAME[column.lookup.sheet]
        assert order.index(target.name) <= order.index(sheet.name), column.key
        assert target.key == (column.lookup.key,)
        field = target.model._meta.get_field(column.lookup.key)
        assert isinstance(field, models.Field), column.key
        assert field.unique, column.key
        assert isinstance(sheet.model_field(column), models.ForeignKey)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: sheet.name)
def test_the_export_reads_every_column_and_sorts_by_something_stable(sheet):
    query = sheet.model._default_manager.order_by(*sheet.export_order)
    assert list(query.values_list(*sheet.exports)) == []


def test_what_is_derived_from_a_definition():
    assert ZONES.fields == (
        "code", "name", "province", "district", "area_ha", "industrial_land_ha", "parent",
        "developer", "geometry",
    )  # fmt: skip
    # A zone's parent is linked once the sheet is written, so not in the bulk write.
    assert ZONES.write_fields == (
        "code", "name", "province", "district", "area_ha", "industrial_land_ha",
        "developer_id", "geometry",
    )  # fmt: skip
    assert ZONES.column("developer").export == "developer__code"
    assert ZONES.column("parent_code").export == "parent__code"
    assert ZONES.by_header["thuộc kcn"] == "parent_code"
    assert SHEETS_BY_NAME["labor_reports"].key_fields == ("project_id", "period_end")
    assert SHEETS_BY_NAME["projects"].fields == PROJECT_FIELDS
    assert EVENT_FIELDS[:3] == ("project", "date", "event")


def test_an_empty_cell_stores_the_fields_empty_value():
    projects = SHEETS_BY_NAME["projects"]
    assert projects.empty(projects.column("kind")) == "secondary"  # the model's default
    assert projects.empty(projects.column("sector")) == ""
    assert projects.empty(projects.column("land_ha")) is None
    inspections = SHEETS_BY_NAME["inspections"]
    assert inspections.empty(inspections.column("violation")) is False
