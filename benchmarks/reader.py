"""The workbook reader alone: how fast ``XlsxReader`` reads every sheet of a workbook.

A script run by hand, not part of the test suite:

    .venv/bin/python benchmarks/reader.py benchmarks/out/data-s0.05-seed2022/national-1.xlsx
    .venv/bin/python benchmarks/reader.py WORKBOOK --compare /tmp/xlsx_base.py --runs 7

Every sheet is read in this process (``parallel=False``: the parser itself, not the pipe
to the parser process), and the cells counted. With ``--compare`` another copy of
``kcn/exchange/xlsx.py`` (e.g. the version before a change) is read too, the two runs
alternated so that both see the same load on the machine; the best and the median of the
runs are printed for each.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
os.environ.setdefault("KCN_DATA_DIR", str(ROOT / "var" / "bench-reader"))


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read_all(module: Any, workbook: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, cells) of reading every sheet once."""
    cells = 0
    wall, cpu = time.perf_counter(), time.process_time()
    with module.XlsxReader(workbook) as reader:
        for sheet in reader.sheet_names:
            for batch in reader.rows(sheet, parallel=False):
                for _number, values in batch:
                    cells += len(values)
    return time.perf_counter() - wall, time.process_time() - cpu, cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another copy of xlsx.py to time too")
    args = parser.parse_args()

    import django

    django.setup()
    from kcn.exchange import xlsx

    readers: dict[str, Any] = {"current": xlsx}
    if args.compare:
        readers["compare"] = load(args.compare, "xlsx_compare")
    times: dict[str, list[float]] = {name: [] for name in readers}
    counted: dict[str, int] = {}
    for _run in range(args.runs):
        for name, module in readers.items():
            _wall, cpu, cells = read_all(module, args.workbook)
            times[name].append(cpu)
            counted[name] = cells
    size = args.workbook.stat().st_size / 1e6
    print(f"{args.workbook.name}: {size:.1f} MB, {args.runs} runs, CPU seconds")
    for name, values in times.items():
        print(
            f"  {name:8} best {min(values):.2f} s, median {statistics.median(values):.2f} s, "
            f"{counted[name]:,} cells, {counted[name] / min(values):,.0f} cells/s"
        )


if __name__ == "__main__":
    main()
