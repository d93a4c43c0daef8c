"""Typed readers of the environment that fail loudly on a bad value."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs


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


def env_int(name: str, default: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r}: expected a whole number") from None
    if value < 0:
        raise ConfigurationError(f"{name}={raw!r}: expected 0 or more")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """The folder that holds the embedded database and the secret key.

    ``KCN_DATA_DIR`` when set, otherwise the user's data folder
    (``~/.local/share/kcn`` on Linux). Created when missing.
    """
    raw = os.environ.get("KCN_DATA_DIR")
    folder = Path(raw).expanduser() if raw else platformdirs.user_data_path("kcn")
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def secret_key(folder: Path) -> str:
    """``KCN_SECRET_KEY``, or a key generated once and kept in the data folder."""
    from_env = os.environ.get("KCN_SECRET_KEY")
    if from_env:
        return from_env
    key_file = folder / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()
