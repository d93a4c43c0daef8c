"""The data folder is its user's alone: the folder 0700, the database and the secret key
0600, the key never readable by others even for a moment (issue 14's probe: "the data
folder is 0755 and the database 0644")."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kcn.config import env


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets everyone read new files, as a careless server might have."""
    old = os.umask(0o000)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_data_folder_is_0700(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    monkeypatch.setenv("KCN_DATA_DIR", str(tmp_path / "new" / "kcn"))
    folder = env.data_dir()
    assert mode(folder) == 0o700


def test_an_existing_data_folder_open_to_others_is_narrowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kcn"
    folder.mkdir()
    folder.chmod(0o755)
    monkeypatch.setenv("KCN_DATA_DIR", str(folder))
    env.data_dir()
    assert mode(folder) == 0o700


def test_the_secret_key_file_is_created_0600_whatever_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    monkeypatch.delenv("KCN_SECRET_KEY", raising=False)
    key = env.secret_key(tmp_path)
    assert len(key) >= 50
    assert mode(tmp_path / "secret_key") == 0o600
    assert env.secret_key(tmp_path) == key
    assert [path.name for path in tmp_path.iterdir()] == ["secret_key"]  # no draft left


def test_the_secret_key_is_written_private_before_it_has_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    """The key's bytes only ever sit in a file created 0600 (os.open with the mode, not a
    chmod afterwards), and the name appears by a link once the file is complete."""
    monkeypatch.delenv("KCN_SECRET_KEY", raising=False)
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def watching_open(path: str, flags: int, mode: int = 0o777, *args: object) -> int:
        opened.append((os.fspath(path), mode))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", watching_open)
    env.secret_key(tmp_path)
    assert opened
    assert all(created_mode == 0o600 for _path, created_mode in opened)
    assert all(Path(path).name != "secret_key" for path, _mode in opened)


def test_processes_starting_together_share_one_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KCN_SECRET_KEY", raising=False)
    keys: list[str] = []
    threads = [
        threading.Thread(target=lambda: keys.append(env.secret_key(tmp_path))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1


def test_an_existing_secret_key_open_to_others_is_narrowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KCN_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").write_text("k" * 60)
    (tmp_path / "secret_key").chmod(0o644)
    assert env.secret_key(tmp_path) == "k" * 60
    assert mode(tmp_path / "secret_key") == 0o600


def test_the_sqlite_database_is_created_0600_and_an_open_one_narrowed(
    tmp_path: Path, open_umask: None
) -> None:
    new = tmp_path / "kcn.sqlite3"
    env.private_sqlite_file(new)
    assert mode(new) == 0o600
    new.chmod(0o644)
    env.private_sqlite_file(new)
    assert mode(new) == 0o600


@pytest.mark.slow
def test_kcn_init_on_a_new_machine_leaves_nothing_readable_by_others(tmp_path: Path) -> None:
    data = tmp_path / "kcn-data"
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "KCN_SECRET_KEY") and not key.startswith("DJANGO_")
    }
    environment["KCN_DATA_DIR"] = str(data)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.umask(0o022); from kcn.cli import main; sys.exit(main(['init']))",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert mode(data) == 0o700
    assert mode(data / "secret_key") == 0o600
    assert mode(data / "kcn.sqlite3") == 0o600
    for extra in ("kcn.sqlite3-wal", "kcn.sqlite3-shm"):
        if (data / extra).exists():
            assert mode(data / extra) == 0o600, extra
    assert mode(data / "uploads") == 0o700
