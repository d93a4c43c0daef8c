"""Time the report documents on the database of ``KCN_DATA_DIR`` (or ``DATABASE_URL``).

    KCN_DATA_DIR=var/dev .venv/bin/python benchmarks/report_documents.py 2022-Q1 2022

For each period: reading the dataset from the records (indicators, last year's
same period, the year's months, narratives …), composing the document with its
charts, and rendering each format. Prints seconds, best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from functools import partial


def best(repeat: int, work: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("periods", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
    import django

    django.setup()
    from django.db import connection

    from kcn.core.periods import parse_period
    from kcn.reports.dataset import build_dataset
    from kcn.reports.document import compose
    from kcn.reports.render import DOCUMENT_FORMATS, render

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    heading = " ".join(f"{fmt:>7}" for fmt in DOCUMENT_FORMATS)
    print(f"{'period':10} {'dataset':>8} {'compose':>8} {heading}")
    for code in args.periods:
        period = parse_period(code)
        dataset_s, dataset = best(args.repeat, partial(build_dataset, period))
        compose_s, document = best(args.repeat, partial(compose, dataset, "vi"))
        formats = [best(args.repeat, partial(render, document, fmt))[0] for fmt in DOCUMENT_FORMATS]
        seconds = " ".join(f"{value:7.2f}" for value in formats)
        print(f"{code:10} {dataset_s:8.2f} {compose_s:8.2f} {seconds}")


if __name__ == "__main__":
    main()
