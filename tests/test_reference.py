"""docs/reference/ is the users' reference: checked here against the program's own
definitions (the sheets, the indicators, the report's sections), so that they never drift,
and the repository never points outside itself."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from kcn.core.cells import describe
from kcn.exchange.schema import SHEETS_BY_NAME, WORKBOOK_ORDER
from kcn.indicators.registry import BASE_INDICATORS
from kcn.reports.sections import Section
from kcn.reports.wording import en, vi

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"


def table_rows(text: str) -> list[list[str]]:
    """The cells of a markdown table's rows, header and rule left out."""
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


def sheets_in_reference() -> dict[str, tuple[str, str, list[list[str]]]]:
    """{sheet: (its Vietnamese name, its key line, its columns' rows)} of workbook.md."""
    text = (REFERENCE / "workbook.md").read_text()
    found = {}
    parts = re.split(r"^### `(\w+)` — (.+)$", text, flags=re.M)
    for index in range(1, len(parts), 3):
        name, label, body = parts[index], parts[index + 1], parts[index + 2]
        key = re.search(r"^Key: (.+)\.$", body, re.M)
        assert key is not None, name
        table = body.split("\n\n")[2]
        found[name] = (label, key.group(1), table_rows(table))
    return found


def test_the_reference_lists_every_sheet_in_the_exports_order() -> None:
    assert list(sheets_in_reference()) == list(WORKBOOK_ORDER)


@pytest.mark.parametrize("name", WORKBOOK_ORDER)
def test_each_sheets_columns_are_as_the_program_defines_them(name: str) -> None:
    label, key, rows = sheets_in_reference()[name]
    sheet = SHEETS_BY_NAME[name]
    assert label == sheet.label
    assert key == (
        " + ".join(f"`{k}`" for k in sheet.key)
        if sheet.key
        else "none: a row is matched on all its columns"
    )
    expected = []
    for column in sheet.columns:
        kind = f"key of `{column.lookup.sheet}`" if column.lookup else describe(column.read)
        expected.append([f"`{column.key}`", column.label, kind + (", required" * column.required)])
    assert [row[:3] for row in rows] == expected
    assert all(row[3] for row in rows), "every column says what it means"


def test_the_reference_defines_every_indicator_as_the_registry_does() -> None:
    text = (REFERENCE / "indicators.md").read_text()
    rows = [row for row in table_rows(text) if row[0].startswith("`") and len(row) == 7]
    expected = []
    for indicator in BASE_INDICATORS:
        with translation.override("vi"):
            vietnamese = str(indicator.name)
        with translation.override("en"):
            english = str(indicator.name)
        expected.append(
            [
                f"`{indicator.code}`",
                vietnamese,
                english,
                indicator.unit.value,
                indicator.kind.value,
                "yes" if indicator.split else "no",
            ]
        )
    assert [row[:6] for row in rows] == expected
    assert all(row[6] for row in rows), "every indicator says how it is computed"


def test_the_reference_gives_every_section_of_the_report_in_both_languages() -> None:
    text = (REFERENCE / "report.md").read_text()
    rows = [row for row in table_rows(text) if len(row) == 3]
    assert rows == [
        [f"`{section.value}`", vi.HEADINGS[section], en.HEADINGS[section]] for section in Section
    ]


def test_nothing_in_the_repository_points_outside_it() -> None:
    tracked = subprocess.run(
        ["git", "grep", "-l", "-I", "-E", r"\.\./shared|shared/(spec|seed|notes)/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tracked.stdout.split() == []
