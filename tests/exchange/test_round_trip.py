"""An export imported into an empty database gives back the same records, column by column."""

from __future__ import annotations

import pytest
from django.apps import apps

from kcn.exchange.exporter import workbook_export
from kcn.exchange.importer import workbook_import
from kcn.exchange.schema import SHEETS
from kcn.indicators.models import Target
from kcn.reports.models import Narrative, Priority
from tests.exchange.samples import valid

pytestmark = pytest.mark.django_db
RECORD_APPS = {"investors", "zones", "projects", "dossiers", "documents", "indicators", "reports"}


def every_record() -> dict[str, list[tuple[object, ...]]]:
    """Each sheet's records as the export reads them (keys of the records they name)."""
    return {
        sheet.name: list(
            sheet.model._default_manager.order_by(*sheet.export_order).values_list(*sheet.exports)
        )
        for sheet in SHEETS
    }


def with_english(data):
    data["narratives"][0]["text_en"] = "Covid-19 vaccination for the workers."
    data["priorities"][0]["text_en"] = "Finish the land clearance."
    data["targets"][0]["description_en"] = "build the infrastructure of 120 ha of industrial land"
    return data


@pytest.mark.parametrize("labels", [True, False], ids=["Vietnamese headers", "English keys"])
def test_an_export_imported_into_an_empty_database_gives_the_same_records(
    import_rows, tmp_path, labels
):
    assert import_rows(with_english(valid())).ok
    before = every_record()
    exported = tmp_path / "export.xlsx"
    workbook_export(exported, english_keys=not labels)
    for model in reversed(apps.get_models()):
        if model._meta.app_label in RECORD_APPS:
            model._base_manager.all()._raw_delete(using="default")
    assert every_record() != before
    result = workbook_import(exported)
    assert result.ok, result.problems.listed
    assert every_record() == before


def test_the_english_texts_are_read_exported_and_read_again(import_rows, tmp_path):
    assert import_rows(with_english(valid()), labels=True).ok  # "Nội dung (tiếng Anh)" …
    assert Narrative.objects.get().text_en == "Covid-19 vaccination for the workers."
    assert Priority.objects.get().text_en == "Finish the land clearance."
    target = Target.objects.get(indicator="infrastructure_built_ha")
    assert target.description_en == "build the infrastructure of 120 ha of industrial land"
    assert Target.objects.exclude(pk=target.pk).get().description_en == ""  # an empty cell
    # Changing only the English text of a row updates its record.
    data = with_english(valid())
    data["narratives"][0]["text_en"] = "Vaccination."
    result = import_rows(data)
    assert (result.summary["narratives"].updated, result.summary["targets"].updated) == (1, 0)
    assert Narrative.objects.get().text_en == "Vaccination."


def test_the_shortcomings_are_a_section_of_the_narratives_sheet(import_rows):
    data = valid()
    data["narratives"].append(
        {"period": "2022-Q1", "section": "shortcomings", "text": "Giải phóng mặt bằng còn chậm.",
         "text_en": "Land clearance is slow."}
    )  # fmt: skip
    assert import_rows(data).ok
    narrative = Narrative.objects.get(section="shortcomings")
    assert (narrative.period, narrative.text_en) == ("2022-Q1", "Land clearance is slow.")
    data["narratives"][-1]["section"] = "weaknesses"
    assert not import_rows(data).ok  # no section of that name
