"""The child process that parses a big sheet never leaves its parent waiting, nor outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kcn.core.errors import KcnError
from kcn.exchange import xlsx
from kcn.exchange.importer import workbook_import
from kcn.exchange.xlsx import XlsxReader, write_workbook
from kcn.investors.models import Investor

ROWS = 5000
BATCH = 50


@pytest.fixture
def big_workbook(tmp_path: Path) -> Path:
    """An investors sheet of many batches: far more than the pipe between the processes holds."""
    path = tmp_path / "nha-dau-tu.xlsx"
    rows = ([f"JP-{n:05d}", f"Công ty Hưng Yên số {n}", "JP"] for n in range(ROWS))
    write_workbook(path, [("investors", ["code", "name", "country"], rows)])
    return path


@pytest.fixture
def small_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The smallest pipe Linux gives (one page), so the child is sure to be still at work."""
    monkeypatch.setattr(xlsx, "PIPE_BYTES", 4096)


def parsers_of(parent: int) -> list[int]:
    """The parser processes whose parent is ``parent`` (from /proc: no psutil needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if int(fields[1]) == parent and b"_child_main" in command:
            found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie (one that its new parent, init, has not
    reaped yet is dead all the same)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def the_only_parser() -> int:
    (pid,) = parsers_of(os.getpid())
    return pid


def test_a_sheet_reads_the_same_in_the_child_process_as_in_this_one(big_workbook):
    with XlsxReader(big_workbook) as reader:
        here = [row for batch in reader.rows("investors", BATCH, parallel=False) for row in batch]
        there = [row for batch in reader.rows("investors", BATCH, parallel=True) for row in batch]
    assert there == here
    assert len(here) == ROWS + 1
    assert parsers_of(os.getpid()) == []


@pytest.mark.django_db
def test_a_parser_killed_mid_import_fails_the_import_at_once_with_a_clear_message(
    big_workbook, small_pipe, monkeypatch
):
    monkeypatch.setattr(xlsx, "PARALLEL_FROM_ROWS", 1)
    killed: list[int] = []

    def kill_the_parser(sheet: str, rows: int) -> None:
        if not killed:
            killed.append(the_only_parser())
            os.kill(killed[0], signal.SIGKILL)

    started = time.monotonic()
    with pytest.raises(KcnError) as error:
        workbook_import(big_workbook, batch_size=BATCH, progress=kill_the_parser)
    assert time.monotonic() - started < 10
    assert str(error.value) == (
        "nha-dau-tu.xlsx, sheet investors: the process that reads the sheet stopped before its "
        "end (killed by signal SIGKILL)"
    )
    assert Investor.objects.count() == 0  # all or nothing
    assert not running(killed[0])
    assert parsers_of(os.getpid()) == []


def test_a_parser_that_sends_nothing_is_stopped_after_the_stall_timeout(
    big_workbook, small_pipe, monkeypatch
):
    monkeypatch.setattr(xlsx, "STALL_SECONDS", 1.0)
    with XlsxReader(big_workbook) as reader:
        batches = reader.rows("investors", BATCH, parallel=True)
        next(batches)
        child = the_only_parser()
        os.kill(child, signal.SIGSTOP)  # alive, but it will never send another row
        started = time.monotonic()
        with pytest.raises(KcnError, match="sent nothing for 1 seconds and was stopped"):
            for _batch in batches:
                pass
    assert time.monotonic() - started < 10
    assert not running(child)


def test_a_reader_left_unfinished_stops_its_parser(big_workbook, small_pipe):
    with XlsxReader(big_workbook) as reader:
        batches = reader.rows("investors", BATCH, parallel=True)
        next(batches)
        child = the_only_parser()
        batches.close()  # what happens when the importer stops at a bad header
    assert not running(child)


def test_a_damaged_sheet_is_reported_by_the_parser_as_damaged(big_workbook, tmp_path):
    import zipfile

    damaged = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(big_workbook) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of the rows
            target.writestr(item, data)
    with XlsxReader(damaged) as reader, pytest.raises(KcnError, match="the file is damaged"):
        for _batch in reader.rows("investors", BATCH, parallel=True):
            pass
    assert parsers_of(os.getpid()) == []


# An import in a process of its own, which the test then kills: it reads the first batch of
# the big sheet in a child process, says so, and waits.
IMPORTER = """
import sys, time
from pathlib import Path
from kcn.exchange import xlsx
xlsx.PIPE_BYTES = 4096
with xlsx.XlsxReader(Path(sys.argv[1])) as reader:
    batches = reader.rows("investors", 50, parallel=True)
    next(batches)
    print("reading", flush=True)
    time.sleep(60)
"""


def test_a_parser_dies_within_seconds_when_its_parent_is_killed(big_workbook):
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(big_workbook)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert importer.stdout is not None
        assert importer.stdout.readline() == "reading\n"
        (child,) = parsers_of(importer.pid)
        assert running(child)
        importer.kill()
        importer.wait(10)
        assert gone_within(child, 5)
    finally:
        importer.kill()
        importer.wait(10)


# The fallback when the kernel cannot be asked (not Linux, or prctl refused): the child's own
# thread sees that its parent changed. A "parent" starts a child in which prctl fails.
ORPHAN = """
import ctypes, sys, time
from kcn.exchange import xlsx
def refuse(*args, **kwargs):
    raise OSError("no prctl here")
ctypes.CDLL = refuse
xlsx._die_with_parent(int(sys.argv[1]))
print("watching", flush=True)
time.sleep(60)
"""
PARENT = """
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1], str(os.getpid())])
print(child.pid, flush=True)
time.sleep(60)
"""


def test_without_the_kernels_help_the_parser_still_sees_its_parent_go():
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, ORPHAN], stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert parent.stdout.readline() == "watching\n"
        assert running(child)
        parent.kill()
        parent.wait(10)
        assert gone_within(child, 5)
    finally:
        parent.kill()
        parent.wait(10)
