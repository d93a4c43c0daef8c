"""Bad files never hurt: a file that is no workbook, a damaged one or one made to exhaust
the server gets one message, at once, and nothing else (issue 12)."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from decimal import Decimal

import pytest

from kcn.core.errors import KcnError
from kcn.exchange import xlsx
from kcn.exchange.importer import workbook_import
from kcn.exchange.xlsx import Flawed, XlsxReader
from kcn.projects.models import ExchangeRate
from tests.exchange.hostile_files import (
    fx_rates_sheet,
    handmade_workbook,
    number_cell,
    row,
    text_cell,
)
from tests.exchange.samples import valid, with_row

TODAY = dt.date(2022, 4, 1)


def rows_of(path, sheet):
    with XlsxReader(path) as reader:
        return [item for batch in reader.rows(sheet, parallel=False) for item in batch]


def refused(path, match):
    """The file is refused with ``match`` in one ``KcnError``, whether it is read here or by
    the parser process."""
    for parallel in (False, True):
        # Opening the file may be what fails: the whole reading is inside.
        with pytest.raises(KcnError, match=match), XlsxReader(path) as reader:  # noqa: PT012
            for name in reader.sheet_names:
                for _batch in reader.rows(name, parallel=parallel):
                    pass


# -- files that are no workbook ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"Ma so du an;Ten du an\nP1;Nha may A\n", "not a ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "Excel 97-2003"),
        (b"", "the file is empty"),
    ],
)
def test_a_file_that_is_no_workbook_says_what_it_is(tmp_path, content, says):
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(content)
    with pytest.raises(KcnError, match=f"not an Excel workbook.*{says}"):
        XlsxReader(path)


def test_a_workbook_cut_short_is_said_to_be_damaged(tmp_path, write_workbook):
    whole = write_workbook(valid()).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(KcnError, match="cut short or damaged"):
        XlsxReader(path)


def test_a_sheet_whose_compressed_data_is_corrupt_is_damaged_not_a_crash(tmp_path):
    path = handmade_workbook(tmp_path / "a.xlsx", [fx_rates_sheet(row(2, text_cell("A2", "USD")))])
    data = bytearray(path.read_bytes())
    start = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    data[start + 5 : start + 25] = bytes(20)  # zeros in the middle of the deflated XML
    path.write_bytes(bytes(data))
    refused(path, "damaged")


# -- parts made to take the memory or the processor --------------------------------------


def test_a_cell_reference_far_outside_a_sheet_is_refused_without_growing_the_memory(tmp_path):
    path = handmade_workbook(
        tmp_path / "wide.xlsx", [fx_rates_sheet(row(2, text_cell("ZZZZZZ2", "USD")))]
    )
    started = time.monotonic()
    refused(path, "ZZZZZZ2 is not a cell of an Excel sheet")
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("ref", ["XFE2", "AAAA2", "2A", "a2", "A@2"])
def test_cell_references_must_name_a_cell_of_a_sheet(tmp_path, ref):
    path = handmade_workbook(tmp_path / "ref.xlsx", [fx_rates_sheet(row(2, text_cell(ref, "x")))])
    refused(path, "is not a cell of an Excel sheet")


def test_the_last_cell_of_a_sheet_is_still_read(tmp_path):
    path = handmade_workbook(
        tmp_path / "edge.xlsx", [("fx_rates", row(1048576, text_cell("XFD1048576", "x")))]
    )
    [(number, values)] = rows_of(path, "fx_rates")
    assert number == 1048576
    assert len(values) == 16384
    assert values[-1] == "x"


def test_a_row_number_outside_a_sheet_is_refused(tmp_path):
    path = handmade_workbook(
        tmp_path / "rows.xlsx", [("fx_rates", '<row r="99999999999"><c><v>1</v></c></row>')]
    )
    refused(path, "is not a cell of an Excel sheet")


def test_a_shared_strings_bomb_is_refused_before_it_expands(tmp_path):
    # 200 MB of the same string compress to about 200 kB: a thousand times, where real
    # workbooks compress ten times.
    item = b"<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>"
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += item * (200_000_000 // len(item)) + b"</sst>"
    path = handmade_workbook(
        tmp_path / "bomb.xlsx",
        [fx_rates_sheet(row(2, '<c r="A2" t="s"><v>0</v></c>'))],
        shared_strings=strings,
    )
    assert path.stat().st_size < 2_000_000
    started = time.monotonic()
    refused(path, "expands to more than .* MB")
    assert time.monotonic() - started < 20


def test_shared_strings_beyond_the_memory_budget_are_read_from_a_temporary_file(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(xlsx, "STRINGS_IN_MEMORY", 100)
    texts = [f"Công ty số {n}" for n in range(500)]
    strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += "".join(f"<si><t>{text}</t></si>" for text in texts) + "</sst>"
    cells = "".join(
        row(n + 1, f'<c r="A{n + 1}" t="s"><v>{index}</v></c>')
        for n, index in enumerate([499, 0, 250, 7, 499])
    )
    path = handmade_workbook(
        tmp_path / "many.xlsx", [("investors", cells)], shared_strings=strings.encode()
    )
    with XlsxReader(path) as reader:
        got = [values[0] for batch in reader.rows("investors") for _n, values in batch]
        assert reader._shared_strings is not None
        assert reader._shared_strings.spill is not None
    assert got == [texts[499], texts[0], texts[250], texts[7], texts[499]]


def test_a_cell_of_more_than_32767_characters_is_a_problem_of_that_cell(tmp_path):
    name = "x" * 40_000
    sheet = row(
        1, text_cell("A1", "code"), text_cell("B1", "name"), text_cell("C1", "country")
    ) + row(2, text_cell("A2", "JP-9"), text_cell("B2", name), text_cell("C2", "JP"))
    path = handmade_workbook(tmp_path / "long.xlsx", [("investors", sheet)])
    [_header, (_n, values)] = rows_of(path, "investors")
    assert isinstance(values[1], Flawed)
    assert "40000 characters" in values[1].message


@pytest.mark.django_db
def test_a_huge_exponent_nan_and_infinity_are_refused_at_once_pinned_to_their_cells(tmp_path):
    path = handmade_workbook(
        tmp_path / "numbers.xlsx",
        [
            fx_rates_sheet(
                row(
                    2,
                    text_cell("A2", "USD"),
                    text_cell("B2", "2022-01-02"),
                    "<c r='C2'><v>NaN</v></c>",
                ),
                row(
                    3,
                    text_cell("A3", "USD"),
                    text_cell("B3", "2022-01-03"),
                    number_cell("C3", "Infinity"),
                ),
                row(
                    4,
                    text_cell("A4", "USD"),
                    text_cell("B4", "2022-01-04"),
                    number_cell("C4", "1E+99999999"),
                ),
                row(
                    5,
                    text_cell("A5", "USD"),
                    text_cell("B5", "2022-01-05"),
                    text_cell("C5", "1E+99999999"),
                ),
                row(
                    6,
                    text_cell("A6", "USD"),
                    text_cell("B6", "2022-01-06"),
                    number_cell("C6", "-1E+30"),
                ),
            )
        ],
    )
    started = time.monotonic()
    result = workbook_import(path, today=TODAY)
    assert time.monotonic() - started < 10
    assert not result.ok
    cells = {problem.cell for problem in result.problems.listed}
    assert cells == {"C2", "C3", "C4", "C5", "C6"}
    assert ExchangeRate.objects.count() == 0


@pytest.mark.django_db
def test_a_number_larger_than_its_column_holds_is_a_problem_not_a_database_error(
    import_rows,
):
    # vnd_per_unit holds 10 digits before the decimal mark (max_digits 14, 4 places).
    result = import_rows(with_row("fx_rates", 0, vnd_per_unit=Decimal("123456789012")))
    assert not result.ok
    [problem] = result.problems.listed
    assert problem.cell == "C2"
    assert "at most 10 digits" in problem.message


@pytest.mark.django_db
def test_a_text_longer_than_its_column_holds_is_a_problem_not_a_database_error(import_rows):
    result = import_rows(with_row("investors", 1, name="N" * 300))
    assert not result.ok
    problem = result.problems.listed[0]  # then what names that investor
    assert (problem.sheet, problem.cell) == ("investors", "B3")
    assert "300 characters, more than the 255" in problem.message


@pytest.mark.django_db
@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1989, 12, 31)])
def test_dates_before_1990_or_after_2100_are_refused(import_rows, day):
    result = import_rows(with_row("dossiers", 0, received_on=day))
    assert not result.ok
    [problem] = result.problems.listed
    assert problem.cell == "D2"
    assert "between 01/01/1990 and 31/12/2100" in problem.message


# -- what no workbook holds ---------------------------------------------------------------


def test_a_dtd_with_entities_is_refused_as_defusedxml_refuses_it(tmp_path):
    laughs = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    path = handmade_workbook(
        tmp_path / "laughs.xlsx",
        [fx_rates_sheet(row(2, text_cell("A2", "&lol3;")))],
        prolog=laughs,
    )
    refused(path, "declares a DTD or entities")


def test_an_external_entity_in_the_workbook_part_is_refused_when_the_file_is_opened(tmp_path):
    path = handmade_workbook(tmp_path / "xxe.xlsx", [fx_rates_sheet()])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(KcnError, match="declares a DTD or entities"):
        XlsxReader(path)


@pytest.mark.django_db
def test_a_second_sheet_of_the_same_name_is_reported(tmp_path):
    path = handmade_workbook(
        tmp_path / "twice.xlsx", [fx_rates_sheet(), ("FX_RATES", row(1, text_cell("A1", "x")))]
    )
    result = workbook_import(path, today=TODAY)
    assert not result.ok
    [problem] = result.problems.listed
    assert problem.sheet == "FX_RATES"
    assert "second sheet named FX_RATES" in problem.message


def test_an_archive_of_too_many_parts_is_refused_before_its_directory_is_read(tmp_path):
    path = handmade_workbook(
        tmp_path / "parts.xlsx",
        [fx_rates_sheet()],
        extra={f"xl/media/{n}.bin": b"" for n in range(10_001)},
    )
    with pytest.raises(KcnError, match="holds 10005 parts"):
        XlsxReader(path)


# -- the rules of trust on dates -----------------------------------------------------------


@pytest.mark.django_db
def test_nothing_is_dated_after_the_day_of_the_import(write_workbook):
    rows = with_row("project_events", 1, date=dt.date(2027, 1, 5))
    result = workbook_import(write_workbook(rows), today=TODAY)
    assert not result.ok
    problem = result.problems.listed[0]  # (then: project P2 has no certificate)
    assert (problem.sheet, problem.cell) == ("project_events", "B3")
    assert "05/01/2027 is after today (01/04/2022)" in problem.message


@pytest.mark.django_db
def test_a_due_date_and_a_declared_day_off_may_be_ahead(write_workbook):
    rows = with_row("dossiers", 1, due_on=dt.date(2022, 6, 30))
    rows["calendar"].append({"date": dt.date(2022, 9, 2), "kind": "holiday"})
    result = workbook_import(write_workbook(rows), today=TODAY)
    assert result.ok, result.problems.listed
