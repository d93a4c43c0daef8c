"""Shared fixtures: English messages by default, workbooks written on the fly."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from kcn.exchange.exporter import write_rows_workbook
from kcn.exchange.importer import ImportResult, workbook_import

Rows = Mapping[str, Sequence[Mapping[str, Any]]]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English, so assertions do not depend on the Vietnamese catalogue."""
    with translation.override("en"):
        yield


@pytest.fixture
def write_workbook(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{sheet: [row dicts]}`` to an .xlsx file; English keys unless ``labels=True``."""
    counter = iter(range(1_000_000))

    def write(data: Rows, *, labels: bool = False) -> Path:
        path = tmp_path / f"workbook-{next(counter)}.xlsx"
        write_rows_workbook(path, data, english_keys=not labels)
        return path

    return write


@pytest.fixture
def import_rows(write_workbook: Callable[..., Path]) -> Callable[..., ImportResult]:
    """Write rows to a workbook and import it."""

    def run(data: Rows, *, labels: bool = False) -> ImportResult:
        return workbook_import(write_workbook(data, labels=labels))

    return run
