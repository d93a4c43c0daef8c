"""The database's plan for each pass of the indicator engine: which tables it scans whole.

    KCN_DATA_DIR=var/dev .venv/bin/python benchmarks/plans.py [--period 2022-Q1] [--all]

Runs the engine's passes for the period (one query per source, ``engine.passes``),
captures the SQL each one sends, and asks the database for its plan: SQLite's
``EXPLAIN QUERY PLAN``, PostgreSQL's ``EXPLAIN``. For each pass it prints the
tables read through an index and the tables read whole (``SCAN t`` on SQLite,
``Seq Scan on t`` on PostgreSQL); ``--all`` prints the whole plans. A whole
read is not wrong in itself: a pass that aggregates most of a table reads it
all whatever the indexes; what it shows is where an index could help a pass
that keeps few rows. Use it on a large database (benchmarks/national.py's) on
both databases: a small one is read whole by any planner.
"""

from __future__ import annotations

import argparse
import os
import re
from typing import Any

SQLITE_SCAN = re.compile(r"\bSCAN (\w+)(?! USING (?:COVERING )?INDEX)")
SQLITE_INDEX = re.compile(r"\b(?:SEARCH|SCAN) (\w+) USING (?:COVERING )?INDEX (\w+)")
POSTGRES_SCAN = re.compile(r"Seq Scan on (\w+)")
POSTGRES_INDEX = re.compile(r"Index (?:Only )?Scan (?:Backward )?using (\w+) on (\w+)")
POSTGRES_BITMAP_TABLE = re.compile(r"Bitmap Heap Scan on (\w+)")
POSTGRES_BITMAP_INDEX = re.compile(r"Bitmap Index Scan on (\w+)")


def plan_of(connection: Any, sql: str, params: Any) -> list[str]:
    """The plan's lines for one statement."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return [str(row[-1]) for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN {sql}", params)
        return [str(row[0]) for row in cursor.fetchall()]


def reads(vendor: str, lines: list[str]) -> tuple[set[str], set[str]]:
    """(tables read whole, ``table (index)`` read through an index)."""
    text = "\n".join(lines)
    if vendor == "sqlite":
        indexed = {f"{table} ({index})" for table, index in SQLITE_INDEX.findall(text)}
        return set(SQLITE_SCAN.findall(text)), indexed
    indexed = {f"{table} ({index})" for index, table in POSTGRES_INDEX.findall(text)}
    table = "?"
    for line in lines:  # a bitmap heap scan's index scans are the lines below it
        heap = POSTGRES_BITMAP_TABLE.search(line)
        if heap:
            table = heap.group(1)
        bitmap = POSTGRES_BITMAP_INDEX.search(line)
        if bitmap:
            indexed.add(f"{table} ({bitmap.group(1)})")
    return set(POSTGRES_SCAN.findall(text)), indexed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="2022-Q1")
    parser.add_argument("--all", action="store_true", help="print the whole plans")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kcn.core.periods import parse_period
    from kcn.indicators.engine import passes
    from kcn.indicators.measures import run_pass
    from kcn.indicators.registry import INDICATORS

    period = parse_period(args.period)
    print(f"{connection.vendor}: the engine's passes for {period.code}")
    for one_pass in passes(period, list(INDICATORS.values())):
        source = one_pass[0]
        with CaptureQueriesContext(connection) as captured:
            run_pass(*one_pass)
        statements = [query["sql"] for query in captured.captured_queries]
        whole: set[str] = set()
        indexed: set[str] = set()
        lines: list[str] = []
        for sql in statements:
            # The captured SQL has its parameters inlined (Django's last_executed_query);
            # the plan is the database's for that exact statement.
            found = plan_of(connection, sql, None)
            lines.extend(found)
            scanned, through_index = reads(connection.vendor, found)
            whole |= scanned
            indexed |= through_index
        print(f"\n{source.name}: {len(statements)} statement(s)")
        print(f"  read whole:       {', '.join(sorted(whole)) or '-'}")
        print(f"  through an index: {', '.join(sorted(indexed)) or '-'}")
        if args.all:
            for line in lines:
                print(f"    {line}")


if __name__ == "__main__":
    main()
