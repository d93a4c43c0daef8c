"""Typed readers of the environment that fail loudly on a bad value, and the data folder's
files created private to the user that runs kcn."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import platformdirs

# Who may read what kcn keeps (sessions, password hashes, the secret key, uploads): its user.
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


class ConfigurationError(Exception):
    """A setting read from the environment has a value kcn cannot use."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name}={raw!r}: expected 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r}: expected a whole number") from None
    if value < minimum:
        raise ConfigurationError(f"{name}={raw!r}: expected at least {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """The folder that holds the embedded database and the secret key.

    ``KCN_DATA_DIR`` when set, otherwise the user's data folder
    (``~/.local/share/kcn`` on Linux). Created when missing, readable by its owner only
    (0700); an existing folder of ours is narrowed to that.
    """
    raw = os.environ.get("KCN_DATA_DIR")
    folder = Path(raw).expanduser() if raw else platformdirs.user_data_path("kcn")
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    folder = folder.resolve()
    make_private(folder, PRIVATE_FOLDER)
    return folder


def private_folder(folder: Path) -> Path:
    """``folder`` created when missing, readable by its owner only."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(folder, PRIVATE_FOLDER)
    return folder


def make_private(path: Path, mode: int) -> None:
    """Narrow ``path`` to ``mode`` when it is ours and wider; leave another owner's alone
    (``kcn check`` reports it)."""
    with contextlib.suppress(OSError):
        info = path.stat()
        if info.st_uid == os.geteuid() and info.st_mode & 0o777 & ~mode:
            path.chmod(mode)


def private_sqlite_file(path: Path) -> None:
    """Create the SQLite database file empty and 0600 before SQLite does (it would follow the
    umask, usually 0644); SQLite gives its -wal and -shm files the database's mode."""
    if not path.name or str(path) == ":memory:":
        return
    if path.exists():
        make_private(path, PRIVATE_FILE)
        return
    with contextlib.suppress(OSError):  # a folder we cannot write: SQLite will say so
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def secret_key(folder: Path) -> str:
    """``KCN_SECRET_KEY``, or a key generated once and kept in the data folder.

    The key is written to a new file created 0600 (never readable by others, not even for
    a moment), then linked to its name, which fails if another process was first: then
    that process's key is the key.
    """
    from_env = os.environ.get("KCN_SECRET_KEY")
    if from_env:
        return from_env
    key_file = folder / "secret_key"
    if not key_file.exists():
        _create_private_file(key_file, secrets.token_urlsafe(50))
    make_private(key_file, PRIVATE_FILE)
    return key_file.read_text().strip()


def _create_private_file(path: Path, text: str) -> None:
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    finally:
        draft.unlink(missing_ok=True)
