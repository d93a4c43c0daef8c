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
    print(f"{'period':10} {'dataset':>8} {'compose':>8} " + " ".join(f"{f:>7}" for f in DOCUMENT_FORMATS))
    for code in args.periods:
        period = parse_period(code)
        dataset_s, dataset = best(args.repeat, lambda: build_dataset(period))  # noqa: B023
        compose_s, document = best(args.repeat, lambda: compose(dataset, "vi"))  # noqa: B023
        formats = [
            best(args.repeat, lambda fmt=fmt: render(document, fmt))[0]  # type: ignore[misc]
            for fmt in DOCUMENT_FORMATS
        ]
        print(
            f"{code:10} {dataset_s:8.2f} {compose_s:8.2f} "
            + " ".join(f"{seconds:7.2f}" for seconds in formats)
        )


if __name__ == "__main__":
    main()
