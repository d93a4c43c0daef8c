"""Reading and writing .xlsx files, streaming.

Reading: a streaming reader of SpreadsheetML on the standard library's
expat parser. Why not a library: python-calamine (fast) loads a whole sheet
into memory (about 90 bytes a cell) and openpyxl's read-only mode streams but
reads about 8,000 rows a second; an import must keep its memory flat while
reading hundreds of thousands of rows (docs/decisions/0002-xlsx-reader.md).
Numbers come out as exact ``Decimal`` (the text Excel stored, never a float)
and cells with a date format as ``date``/``datetime``.

Writing: XlsxWriter in constant-memory mode.
"""

from __future__ import annotations

import array
import contextlib
import ctypes
import datetime as dt
import os
import pickle
import posixpath
import re
import selectors
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Generator, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, TypeAlias
from xml.parsers import expat

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kcn.core.errors import KcnError

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Built-in number formats that are dates or times (ECMA-376, part 1, 18.8.30).
BUILTIN_DATE_FORMATS = frozenset(
    {
        14,
        15,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
        27,
        28,
        29,
        30,
        31,
        32,
        33,
        34,
        35,
        36,
        45,
        46,
        47,
        50,
        51,
        52,
        53,
        54,
        55,
        56,
        57,
        58,
    }
)
# In a custom format, what is quoted, escaped or in brackets is not a date part.
FORMAT_NOISE_RE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
DATE_PART_RE = re.compile(r"[dmyhsDMYHS]")
# Excel cells hold wall-clock dates with no time zone: naive datetimes are right here.
EXCEL_EPOCH_1900 = dt.datetime(1899, 12, 30)  # noqa: DTZ001
EXCEL_EPOCH_1904 = dt.datetime(1904, 1, 1)  # noqa: DTZ001
DIMENSION_RE = re.compile(r'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + (ord(char) - 64)
    return index - 1


def is_date_format(code: str) -> bool:
    cleaned = FORMAT_NOISE_RE.sub("", code)
    if cleaned.lower() == "general":
        return False
    return bool(DATE_PART_RE.search(cleaned))


# --- Limits: what a workbook of records never exceeds ---------------------------------------
#
# A hostile or damaged file is refused with one message, before it can take the memory or the
# processor (docs/decisions/0014-trust-in-every-record.md). Excel's own limits: 16,384 columns
# (A to XFD), 1,048,576 rows, 32,767 characters in a cell.
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576
MAX_TEXT = 32_767
# A part of the archive may expand to at most RATIO times its compressed size (after the
# first GRACE bytes) and never beyond PART_BYTES: the XML of real workbooks compresses about
# ten times (Apache POI's ZipSecureFile refuses beyond a hundred, as here).
RATIO = 100
GRACE = 1 << 20
PART_BYTES = 4 << 30
MAX_ENTRIES = 10_000  # parts in the archive (a workbook has a few dozen)
# Numbers beyond ±10^20 (no amount, area or count of a board is) or with an exponent below
# -100 are no values of a record; ``1E+99999999`` would take minutes to turn into digits.
MAX_EXPONENT = 19
MIN_EXPONENT = -100
# Shared strings kept in memory up to this many characters; beyond, in a temporary file.
STRINGS_IN_MEMORY = 1 << 25
# A batch holds at most this many cells besides its rows (a sheet of very wide rows).
BATCH_CELLS = 1 << 20
CELL_REF_RE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


# A message made where Django may not run (the parser process), translated where it is
# shown: its English text (marked with ``gettext_noop`` for the catalogue) and its values.
Message = tuple[str, dict[str, Any]]


def render(message: Message) -> str:
    text, values = message
    return _(text) % values


class Flawed:
    """A cell whose content is no value (too long, a number out of range, a date that is not
    one): the import reports ``message`` pinned on the cell, as it does a bad value."""

    __slots__ = ("text", "values")

    def __init__(self, text: str, values: dict[str, Any]) -> None:
        self.text = text
        self.values = values

    @property
    def message(self) -> str:
        return render((self.text, self.values))

    def __reduce__(self) -> tuple[type[Flawed], tuple[str, dict[str, Any]]]:
        return (Flawed, (self.text, self.values))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Flawed) and (other.text, other.values) == (self.text, self.values)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Flawed({self.text!r}, {self.values!r})"

    def __str__(self) -> str:
        return self.message


# What the reader gives for a cell (``kcn.core.cells.CellValue``, and ``Flawed``).
CellValue: TypeAlias = str | Decimal | dt.date | dt.datetime | bool | Flawed | None


class _Refused(ValueError):
    """What makes a file no workbook of records (a DTD, a cell outside a sheet, a bomb)."""

    def __init__(self, text: str, values: dict[str, Any] | None = None) -> None:
        super().__init__(text, values or {})
        self.text = text
        self.values = values or {}

    def __str__(self) -> str:
        return render((self.text, self.values))


# What reading a damaged or hostile archive may raise, besides our own refusals.
_DAMAGE = (
    expat.ExpatError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    IndexError,
    ValueError,
    OverflowError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    UnicodeError,
)


class XlsxReader:
    """Sheets of a workbook, read row by row."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._shared_strings: SharedStrings | None = None
        self._date_styles: frozenset[int] | None = None
        self.duplicate_sheets: list[str] = []
        try:
            _check_archive(path)
            self.zip = zipfile.ZipFile(path)
        except (_Refused, *_DAMAGE) as error:
            raise KcnError(
                _("%(file)s is not an Excel workbook (.xlsx): %(problem)s")
                % {"file": path.name, "problem": _what_file(path, error)}
            ) from None
        try:
            self._sheet_paths = self._read_workbook()
        except (_Refused, *_DAMAGE) as error:
            self.zip.close()
            raise KcnError(
                _("%(file)s is not an Excel workbook (.xlsx): %(problem)s")
                % {"file": path.name, "problem": _problem(error)}
            ) from None

    def close(self) -> None:
        self.zip.close()
        if self._shared_strings is not None:
            self._shared_strings.close()

    def __enter__(self) -> XlsxReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._sheet_paths)

    def row_count(self, sheet: str) -> int:
        """Rows of a sheet as its ``<dimension>`` says (0 when the writer did not say)."""
        try:
            with self._open(self._sheet_paths[sheet]) as stream:
                head = stream.read(4096).decode("utf-8", "replace")
        except (_Refused, *_DAMAGE) as error:
            raise _damaged(self.path, sheet, _problem(error)) from None
        match = DIMENSION_RE.search(head)
        return min(int(match[1]), MAX_ROWS) if match else 0

    def rows(
        self, sheet: str, batch_size: int = 2000, *, parallel: bool | None = None
    ) -> Generator[list[tuple[int, list[CellValue]]], None, None]:
        """Batches of ``(row number, values)``; values are indexed by column, empty rows skipped.

        A sheet of many rows is parsed in a second process (``parallel``), so that
        reading the XML and checking and writing the rows use both cores. A damaged or
        hostile sheet raises ``KcnError`` with what is wrong, never anything else.
        """
        if parallel is None:
            # The parser process needs POSIX pipes and signals (Linux, macOS, BSD).
            parallel = os.name == "posix" and self.row_count(sheet) >= PARALLEL_FROM_ROWS
        batches = (
            _rows_in_subprocess(self.path, sheet, batch_size)
            if parallel
            else self._rows_here(sheet, batch_size)
        )
        try:
            yield from batches
        except (_Refused, *_DAMAGE) as error:
            raise _damaged(self.path, sheet, _problem(error)) from None

    def _rows_here(
        self, sheet: str, batch_size: int
    ) -> Iterator[list[tuple[int, list[CellValue]]]]:
        parser = _SheetParser(self._strings(), self._dates(), self._epoch)
        with self._open(self._sheet_paths[sheet]) as stream:
            while True:
                chunk = stream.read(1 << 18)
                parser.feed(chunk, final=not chunk)
                while len(parser.rows) >= batch_size or parser.cells >= BATCH_CELLS:
                    batch = parser.rows[:batch_size]
                    del parser.rows[:batch_size]
                    parser.cells = sum(len(values) for _number, values in parser.rows)
                    yield batch
                if not chunk:
                    break
        if parser.rows:
            yield parser.rows

    # -- workbook parts ---------------------------------------------------------------

    def _open(self, name: str) -> _LimitedPart:
        """A part of the archive, read as a stream that refuses to expand like a bomb."""
        return _LimitedPart(self.zip, name)

    def _read(self, name: str) -> bytes:
        with self._open(name) as stream:
            return stream.read()

    def _read_workbook(self) -> dict[str, str]:
        rels = _parse_elements(self._read("xl/_rels/workbook.xml.rels"), {"Relationship"})
        targets = {attrs["Id"]: _resolve_target("xl", attrs["Target"]) for _name, attrs in rels}
        self._epoch = EXCEL_EPOCH_1900
        sheets: dict[str, str] = {}
        seen: set[str] = set()
        for name, attrs in _parse_elements(self._read("xl/workbook.xml"), {"sheet", "workbookPr"}):
            if name == "workbookPr":
                if attrs.get("date1904") in ("1", "true"):
                    self._epoch = EXCEL_EPOCH_1904
                continue
            sheet = attrs["name"]
            # Excel compares sheet names without regard to case: two are one sheet too many.
            if sheet.casefold() in seen:
                self.duplicate_sheets.append(sheet)
                continue
            seen.add(sheet.casefold())
            sheets[sheet] = targets[attrs[f"{REL_NS} id"]]
        return sheets

    def _strings(self) -> SharedStrings:
        if self._shared_strings is None:
            self._shared_strings = SharedStrings()
            if "xl/sharedStrings.xml" in self.zip.NameToInfo:
                with self._open("xl/sharedStrings.xml") as stream:
                    _parse_shared_strings(stream, self._shared_strings)
        return self._shared_strings

    def _dates(self) -> frozenset[int]:
        """Indexes of the cell styles whose number format is a date."""
        if self._date_styles is None:
            self._date_styles = (
                _parse_date_styles(self._read("xl/styles.xml"))
                if "xl/styles.xml" in self.zip.NameToInfo
                else frozenset()
            )
        return self._date_styles


def upload_problem(file: IO[bytes]) -> str | None:
    """Why an uploaded file is no workbook, said at once (before it is queued), or None.

    Only what is quick to see: the file is a ZIP archive of a sensible size with a
    workbook part. What its sheets hold is the import's to check.
    """
    try:
        file.seek(0)
        head = file.read(8)
        _check_archive(file)
        with zipfile.ZipFile(file) as archive:
            archive.getinfo("xl/workbook.xml")
    except (_Refused, *_DAMAGE) as error:
        return _what(head, error)
    finally:
        file.seek(0)
    return None


def _check_archive(source: Path | IO[bytes]) -> None:
    """Refuse an archive of too many parts before ``zipfile`` reads its directory.

    The end of a ZIP file says how many parts it holds and how large its directory is; a
    workbook has a few dozen parts (ZIP64, for more than 65,535 parts or 4 GB, is refused).
    """
    with contextlib.ExitStack() as stack:
        file = stack.enter_context(source.open("rb")) if isinstance(source, Path) else source
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(max(0, size - (1 << 16) - 22))
        tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # not a ZIP file: zipfile says so
    entries, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
    zip64 = at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07"
    if zip64 or entries == 0xFFFF or directory == 0xFFFFFFFF:
        raise _Refused(gettext_noop("it is a ZIP64 archive, larger than any workbook of records"))
    if entries > MAX_ENTRIES:
        raise _Refused(
            gettext_noop("it holds %(count)s parts; a workbook holds a few dozen"),
            {"count": entries},
        )


def _what_file(path: Path, error: BaseException) -> str:
    """What the file is when it is no ZIP archive, as a user says it."""
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except OSError:
        return _problem(error)
    return _what(head, error)


def _what(head: bytes, error: BaseException) -> str:
    if head.startswith(b"%PDF"):
        return _("it is a PDF document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _(
            "it is an Excel 97-2003 workbook (.xls) or a workbook protected by a password: "
            "save it as .xlsx, without a password"
        )
    if not head:
        return _("the file is empty")
    if isinstance(error, zipfile.BadZipFile) and head.startswith(b"PK"):
        return _("the file is cut short or damaged")
    if isinstance(error, zipfile.BadZipFile):
        return _("it is not a ZIP archive, as every .xlsx file is")
    return _problem(error)


def _problem(error: BaseException) -> str:
    """One line that says what is wrong, for a refusal or a damage the reader met."""
    return render(_message_of(error))


def _message_of(error: BaseException) -> Message:
    """What is wrong, as a message that the parser process can send without Django."""
    if isinstance(error, _Refused):
        return (error.text, error.values)
    if isinstance(error, KeyError):
        return (
            gettext_noop("the part %(part)s is missing"),
            {"part": str(error.args[0])[:200] if error.args else "?"},
        )
    if isinstance(error, expat.ExpatError):
        return (gettext_noop("its XML is not well-formed (%(error)s)"), {"error": str(error)[:200]})
    return ("%(error)s", {"error": f"{type(error).__name__}: {str(error)[:200]}"})


class _LimitedPart:
    """A part of the archive as a stream; reading it past its allowance raises ``_Refused``.

    The allowance is ``RATIO`` times the part's compressed size (at least ``GRACE``), and
    never more than ``PART_BYTES``: counted on the bytes actually produced, whatever the
    archive's directory claims.
    """

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        info = archive.getinfo(name)
        self.name = name
        self.allowed = min(PART_BYTES, max(GRACE, info.compress_size * RATIO))
        self.produced = 0
        self.stream: IO[bytes] = archive.open(info)

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            chunks = []
            while chunk := self.read(1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        data = self.stream.read(size)
        self.produced += len(data)
        if self.produced > self.allowed:
            raise _Refused(
                gettext_noop(
                    "%(part)s expands to more than %(mb)s MB, far beyond what its compressed "
                    "size allows: the file is damaged or made to exhaust the server"
                ),
                {"part": self.name, "mb": self.allowed >> 20},
            )
        return data

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> _LimitedPart:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SharedStrings:
    """The shared-strings table: index → text, in memory up to ``STRINGS_IN_MEMORY``
    characters, the rest in a temporary file (its offsets in an array), so that a table of
    any size keeps the memory flat. A text longer than a cell holds is a ``Flawed``."""

    def __init__(self) -> None:
        self.memory: list[str | Flawed] = []
        self.characters = 0
        self.spill: IO[bytes] | None = None
        self.offsets = array.array("q")
        self.cache: dict[int, str | Flawed] = {}

    def __len__(self) -> int:
        return len(self.memory) + max(0, len(self.offsets) - 1)

    def append(self, text: str | Flawed) -> None:
        if self.spill is None:
            self.memory.append(text)
            self.characters += len(text) if isinstance(text, str) else 0
            if self.characters > STRINGS_IN_MEMORY:
                self.spill = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
                self.offsets.append(0)
            return
        data = (text if isinstance(text, str) else "\x00" + str(text.values["size"])).encode()
        self.spill.write(data)
        self.offsets.append(self.offsets[-1] + len(data))

    def __getitem__(self, index: int) -> str | Flawed:
        if 0 <= index < len(self.memory):
            return self.memory[index]
        found = self.cache.get(index)
        if found is not None:
            return found
        spilled = index - len(self.memory)
        if not 0 <= spilled < len(self.offsets) - 1 or self.spill is None:
            raise _Refused(
                gettext_noop("a cell names shared string %(n)s, which does not exist"), {"n": index}
            )
        start, end = self.offsets[spilled], self.offsets[spilled + 1]
        self.spill.seek(start)
        text = self.spill.read(end - start).decode("utf-8")
        found = _too_long(int(text[1:])) if text.startswith("\x00") else text
        if len(self.cache) > 100_000:
            self.cache.clear()
        self.cache[index] = found
        return found

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()


PARALLEL_FROM_ROWS = 20_000
_END = "end"
_ERROR = "error"


def _damaged(path: Path, sheet: str, problem: str) -> KcnError:
    return KcnError(
        _("%(file)s, sheet %(sheet)s: the file is damaged (%(problem)s)")
        % {"file": path.name, "sheet": sheet, "problem": problem}
    )


# --- The parser process ----------------------------------------------------------------
#
# A big sheet is parsed by a child process (``python -c`` running ``_child_main``) that
# writes its batches to a pipe as frames: 8 bytes of length, then the pickled batch; the
# last frame is ``(_END,)`` or ``(_ERROR, message)``. The pipe is its only channel and
# holds about six batches (``PIPE_BYTES``): a child that is ahead blocks, so memory stays
# flat (docs/decisions/0004-import-memory-and-speed.md).
#
# Neither process can leave the other behind:
# - the parent waits on the pipe with a timeout, never on a lock or a queue: a child that
#   dies closes the pipe and the parent sees it at once (a ``KcnError`` that says how it
#   stopped); a child that sends nothing for ``STALL_SECONDS`` is killed (a ``KcnError``);
#   whatever the end (finished, error, the caller stopped reading), the parent kills the
#   child if it is still there and reaps it, with a timeout;
# - the child dies with its parent: the kernel sends it SIGKILL when the parent goes
#   (Linux, ``prctl(PR_SET_PDEATHSIG)``), a thread of its own checks every
#   ``WATCH_SECONDS`` that its parent is still the one that started it (any POSIX system),
#   and a parent gone closes the pipe, so a write fails (``BrokenPipeError``).

PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged pipe (pipe-max-size)
STALL_SECONDS = 120.0
WATCH_SECONDS = 0.5
REAP_SECONDS = 10.0
_HEADER = struct.Struct("<Q")
_MAX_FRAME = 1 << 31
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_F_SETPIPE_SZ = 1031  # <linux/fcntl.h>
_CHILD_CODE = "from kcn.exchange.xlsx import _child_main; _child_main()"


def _rows_in_subprocess(
    path: Path, sheet: str, batch_size: int
) -> Iterator[list[tuple[int, list[CellValue]]]]:
    """The batches of a sheet, parsed by a child process a few batches ahead."""
    child = _start_child(path, sheet, batch_size)
    try:
        stream = child.stdout
        assert stream is not None
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            while True:
                item = _receive(child, stream, selector, path, sheet)
                if isinstance(item, tuple):
                    if item[0] == _ERROR:
                        raise _damaged(path, sheet, render(item[1]))
                    return
                yield item
    finally:
        _stop(child)


def _start_child(path: Path, sheet: str, batch_size: int) -> subprocess.Popen[bytes]:
    # The child imports this very module: the folder that holds the kcn package goes first.
    root = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    command = [sys.executable, "-P", "-c", _CHILD_CODE]
    command += [str(path), sheet, str(batch_size), str(os.getpid())]
    try:
        child = subprocess.Popen(  # noqa: S603 (our own interpreter and code, no shell)
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            bufsize=0,  # unbuffered: what the selector says is readable is all there is
            env={**os.environ, "PYTHONPATH": python_path},
        )
    except OSError as error:
        raise KcnError(
            _(
                "%(file)s, sheet %(sheet)s: the process that reads the sheet could not start "
                "(%(problem)s)"
            )
            % {"file": path.name, "sheet": sheet, "problem": error}
        ) from None
    assert child.stdout is not None
    with contextlib.suppress(OSError, ImportError):  # a bigger pipe where the system allows it
        import fcntl

        fcntl.fcntl(child.stdout.fileno(), _F_SETPIPE_SZ, PIPE_BYTES)
    return child


def _receive(
    child: subprocess.Popen[bytes],
    stream: Any,
    selector: selectors.BaseSelector,
    path: Path,
    sheet: str,
) -> Any:
    """The child's next frame, unpickled; a ``KcnError`` when the child stops or stalls."""
    header = _read_exactly(child, stream, selector, _HEADER.size, path, sheet)
    (size,) = _HEADER.unpack(header)
    if size > _MAX_FRAME:
        raise _stopped(child, path, sheet)
    payload = _read_exactly(child, stream, selector, size, path, sheet)
    # The frame comes from our own child process, parsing on our behalf.
    return pickle.loads(payload)  # noqa: S301


def _read_exactly(
    child: subprocess.Popen[bytes],
    stream: Any,
    selector: selectors.BaseSelector,
    size: int,
    path: Path,
    sheet: str,
) -> bytearray:
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        if not selector.select(STALL_SECONDS):
            _stop(child)
            raise KcnError(
                _(
                    "%(file)s, sheet %(sheet)s: the process that reads the sheet sent nothing "
                    "for %(seconds)s seconds and was stopped"
                )
                % {"file": path.name, "sheet": sheet, "seconds": f"{STALL_SECONDS:g}"}
            )
        read = stream.readinto(view[got:])
        if not read:  # the end of the pipe: the child is gone
            raise _stopped(child, path, sheet)
        got += read
    return buffer


def _stopped(child: subprocess.Popen[bytes], path: Path, sheet: str) -> KcnError:
    """Why the child stopped before the end of the sheet, as the user reads it."""
    _stop(child)
    code = child.returncode
    if code is not None and code < 0:
        try:
            how = _("killed by signal %(signal)s") % {"signal": signal.Signals(-code).name}
        except ValueError:
            how = _("killed by signal %(signal)s") % {"signal": -code}
    else:
        how = _("exit status %(code)s") % {"code": code}
    return KcnError(
        _(
            "%(file)s, sheet %(sheet)s: the process that reads the sheet stopped before "
            "its end (%(how)s)"
        )
        % {"file": path.name, "sheet": sheet, "how": how}
    )


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Kill the child if it still runs and reap it; never wait forever."""
    if child.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            child.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(REAP_SECONDS)
    if child.stdout is not None:
        child.stdout.close()


def _child_main() -> None:
    """In the child process: parse the sheet and write its batches (no Django here)."""
    path, sheet, batch_size, parent = sys.argv[1:5]
    _die_with_parent(int(parent))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops us
    out = os.dup(1)
    with contextlib.suppress(OSError):
        os.dup2(2, 1)  # anything printed by mistake goes to stderr, not into the frames
    try:
        reader = XlsxReader.__new__(XlsxReader)
        reader.path = Path(path)
        reader._shared_strings = None
        reader._date_styles = None
        reader.duplicate_sheets = []
        reader.zip = zipfile.ZipFile(path)
        reader._sheet_paths = reader._read_workbook()
        try:
            for batch in reader._rows_here(sheet, int(batch_size)):
                _send(out, batch)
        finally:
            reader.close()
        _send(out, (_END,))
    except BrokenPipeError:  # the parent stopped reading or is gone
        os._exit(1)
    except Exception as error:  # reported to the parent, which explains it
        try:
            _send(out, (_ERROR, _message_of(error)))
        except BrokenPipeError:
            os._exit(1)


def _send(out: int, item: Any) -> None:
    data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(out, view) :]


def _die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does, whatever the way it ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent went before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _resolve_target(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _forbidden(*_args: Any) -> None:
    raise _Refused(
        gettext_noop(
            "it declares a DTD or entities, which no workbook does (refused as defusedxml "
            "refuses them)"
        )
    )


def _parser(**options: Any) -> Any:
    """An expat parser that refuses a DTD, entity declarations and external references
    (defusedxml's rules: no "billion laughs", no reading of other files)."""
    parser = expat.ParserCreate(**options)
    parser.StartDoctypeDeclHandler = _forbidden
    parser.EntityDeclHandler = _forbidden
    parser.UnparsedEntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden  # type: ignore[assignment]
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _parse_elements(xml: bytes, wanted: set[str]) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []
    parser = _parser(namespace_separator=" ")

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local in wanted:
            found.append((local, attrs))
            if len(found) > MAX_ENTRIES:
                raise _Refused(gettext_noop("the workbook lists more sheets than a workbook holds"))

    parser.StartElementHandler = start
    parser.Parse(xml, True)
    return found


def _parse_shared_strings(stream: _LimitedPart, strings: SharedStrings) -> None:
    """Read the shared-strings table into ``strings``, chunk by chunk."""
    parts: list[str] = []
    state = {"in_text": False, "skip": 0, "size": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            parts.clear()
            state["size"] = 0
        elif local == "rPh":  # phonetic guide runs are not part of the value
            state["skip"] += 1
        elif local == "t" and not state["skip"]:
            state["in_text"] = True

    def end(name: str) -> None:
        local = _local(name)
        if local == "si":
            strings.append(_too_long(state["size"]) if state["size"] > MAX_TEXT else "".join(parts))
            parts.clear()
        elif local == "rPh":
            state["skip"] -= 1
        elif local == "t":
            state["in_text"] = False

    def data(text: str) -> None:
        if state["in_text"]:
            state["size"] += len(text)
            if state["size"] <= MAX_TEXT:
                parts.append(text)

    parser = _parser(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    while chunk := stream.read(1 << 18):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _too_long(size: int) -> Flawed:
    return Flawed(
        gettext_noop("the text has %(size)s characters; a cell holds at most %(max)s"),
        {"size": size, "max": MAX_TEXT},
    )


def _parse_date_styles(xml: bytes) -> frozenset[int]:
    custom: dict[int, str] = {}
    formats_of_styles: list[int] = []
    depth = {"cellXfs": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            custom[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            depth["cellXfs"] = True
        elif local == "xf" and depth["cellXfs"]:
            formats_of_styles.append(int(attrs.get("numFmtId", "0")))

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            depth["cellXfs"] = False

    parser = _parser(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(xml, True)
    return frozenset(
        index
        for index, format_id in enumerate(formats_of_styles)
        if (format_id in custom and is_date_format(custom[format_id]))
        or (format_id not in custom and format_id in BUILTIN_DATE_FORMATS)
    )


class _SheetParser:
    """Expat callbacks that turn ``<row>``/``<c>`` elements into value lists.

    This is the hot loop of an import (a few callbacks per cell), so names
    are resolved through small caches instead of being split every time. What a
    hostile sheet could abuse is checked where it costs least: a cell reference when
    its column letters are first seen, a row's width when it grows, a text's length as
    it arrives, a number's size once it is one.
    """

    def __init__(
        self, strings: SharedStrings, date_styles: frozenset[int], epoch: dt.datetime
    ) -> None:
        self.rows: list[tuple[int, list[CellValue]]] = []
        self.cells = 0  # cells in ``rows``
        self._strings = strings
        self._date_styles = date_styles
        self._epoch = epoch
        self._row_number = 0
        self._values: list[CellValue] = []
        self._column = -1
        self._type = "n"
        self._is_date = False
        self._text: list[str] | None = None
        self._cell_text: list[str] = []
        self._size = 0
        self._in_phonetic = 0
        self._local_names: dict[str, str] = {}
        self._columns: dict[str, int] = {}
        self._styles: dict[str, bool] = {}
        self._dates: dict[str, CellValue] = {}
        self._parser = _parser()
        self._parser.buffer_text = True
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end
        self._parser.CharacterDataHandler = self._data

    def feed(self, chunk: bytes, *, final: bool) -> None:
        self._parser.Parse(chunk, final)

    def _local(self, name: str) -> str:
        local = self._local_names.get(name)
        if local is None:
            if len(self._local_names) > 1000:
                raise _Refused(
                    gettext_noop("the sheet uses more kinds of elements than a sheet has")
                )
            local = self._local_names[name] = name.rpartition(":")[2]
        return local

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        local = self._local(name)
        if local == "c":
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column = self._columns.get(letters)
                if column is None:
                    column = self._columns[letters] = _column_of(ref)
                self._column = column
            else:
                self._column += 1
            self._type = attrs.get("t", "n")
            style = attrs.get("s")
            if style is None:
                self._is_date = False
            else:
                is_date = self._styles.get(style)
                if is_date is None:
                    is_date = self._styles[style] = _style_index(style) in self._date_styles
                self._is_date = is_date
            self._cell_text = []
            self._size = 0
        elif (local == "v" or local == "t") and not self._in_phonetic:
            self._text = self._cell_text
        elif local == "row":
            number = attrs.get("r")
            self._row_number = _row_of(number) if number else self._row_number + 1
            self._values = []
            self._column = -1
        elif local == "rPh":
            self._in_phonetic += 1

    def _end(self, name: str) -> None:
        local = self._local(name)
        if local == "c":
            if self._size > MAX_TEXT:
                value: CellValue = _too_long(self._size)
            else:
                value = self._convert("".join(self._cell_text))
            if value is not None and value != "":
                values = self._values
                column = self._column
                if len(values) <= column:
                    if column >= MAX_COLUMNS:
                        raise _outside(f"{column_letter(column)}{self._row_number}")
                    values.extend([None] * (column + 1 - len(values)))
                values[column] = value
        elif local == "v" or local == "t":
            self._text = None
        elif local == "row":
            if self._values:
                self.rows.append((self._row_number, self._values))
                self.cells += len(self._values)
        elif local == "rPh":
            self._in_phonetic -= 1

    def _data(self, text: str) -> None:
        if self._text is not None:
            self._size += len(text)
            if self._size <= MAX_TEXT:
                self._text.append(text)

    def _convert(self, raw: str) -> CellValue:
        kind = self._type
        if kind == "n":
            if raw == "":
                return None
            if self._is_date:
                return self._date(raw)
            try:
                number = Decimal(raw)
            except InvalidOperation:
                return raw
            if number.is_finite() and MIN_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
                return number
            return _out_of_range(raw)
        if kind == "s":
            return self._strings[int(raw)] if raw else None
        if kind == "inlineStr" or kind == "str":
            return raw
        if kind == "b":
            return raw == "1"
        if kind == "e":
            return f"#ERROR {raw}"
        if kind == "d" and raw:  # ISO 8601 date cell (rare; strict OOXML)
            try:
                moment = dt.datetime.fromisoformat(raw)
            except ValueError:
                return Flawed(gettext_noop("%(value)s is not a date"), {"value": f"'{raw[:40]}'"})
            return moment.date() if moment.time() == dt.time() else moment
        return raw or None

    def _date(self, raw: str) -> CellValue:
        """An Excel serial date; cached, since a sheet repeats few distinct days."""
        found = self._dates.get(raw)
        if found is None:
            try:
                moment = self._epoch + dt.timedelta(days=float(raw))
            except (ValueError, OverflowError):
                return Flawed(
                    gettext_noop(
                        "the date cell holds %(value)s, which is no date between %(first)s "
                        "and %(last)s"
                    ),
                    {"value": f"'{raw[:40]}'", "first": "01/01/1990", "last": "31/12/2100"},
                )
            moment = moment.replace(microsecond=0)
            found = moment.date() if moment.time() == dt.time() else moment
            if len(self._dates) < 100_000:
                self._dates[raw] = found
        return found


def _column_of(ref: str) -> int:
    """The column index of a cell reference, checked to be a cell of an Excel sheet."""
    match = CELL_REF_RE.fullmatch(ref)
    column = column_index(match[1]) if match else MAX_COLUMNS
    if column >= MAX_COLUMNS or not match or not 0 < int(match[2]) <= MAX_ROWS:
        raise _outside(ref)
    return column


def _row_of(number: str) -> int:
    if not number.isdigit() or len(number) > 7 or not 0 < int(number) <= MAX_ROWS:
        raise _outside(f"row {number[:20]}")
    return int(number)


def _style_index(style: str) -> int:
    if not style.isdigit() or len(style) > 9:
        raise _Refused(
            gettext_noop("the cell style %(style)s is not a number"), {"style": style[:20]}
        )
    return int(style)


def _outside(ref: str) -> _Refused:
    return _Refused(
        gettext_noop(
            "the cell reference %(ref)s is not a cell of an Excel sheet (columns A to XFD, "
            "rows 1 to 1.048.576)"
        ),
        {"ref": ref[:20]},
    )


def _out_of_range(raw: str) -> Flawed:
    return Flawed(
        gettext_noop("%(value)s is not a number a record can hold (finite, below 10^20)"),
        {"value": f"'{raw[:40]}'"},
    )


def write_workbook(path: Path, sheets: Sequence[tuple[str, Sequence[str], Any]]) -> None:
    """Write sheets of ``(name, header, rows)``; ``rows`` is any iterable of sequences.

    Dates become date cells (``dd/mm/yyyy``), ``Decimal`` and ``int`` numbers,
    ``bool`` booleans; ``None`` leaves the cell empty. Rows are streamed.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        header_format = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for name, header, rows in sheets:
            sheet = workbook.add_worksheet(name)
            sheet.freeze_panes(1, 0)
            for column, title in enumerate(header):
                sheet.write_string(0, column, title, header_format)
                sheet.set_column(column, column, max(10, min(40, len(title) + 4)))
            for row_index, row in enumerate(rows, start=1):
                if row_index > 1_048_575:
                    raise KcnError(
                        _("Sheet %(sheet)s has more rows than an Excel sheet holds (1,048,575).")
                        % {"sheet": name}
                    )
                for column, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, bool):
                        sheet.write_boolean(row_index, column, value)
                    elif isinstance(value, dt.datetime):
                        sheet.write_datetime(row_index, column, value, date_format)
                    elif isinstance(value, dt.date):
                        sheet.write_datetime(
                            row_index,
                            column,
                            dt.datetime(value.year, value.month, value.day),  # noqa: DTZ001
                            date_format,
                        )
                    elif isinstance(value, (int, Decimal, float)):
                        sheet.write_number(row_index, column, value)
                    else:
                        sheet.write_string(row_index, column, str(value))
    finally:
        workbook.close()
