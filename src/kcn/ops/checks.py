"""kcn's own deployment checks, beside Django's ``check --deploy`` (``kcn check`` runs both
and says in plain words what is missing)."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

from kcn.config.env import PRIVATE_FILE, PRIVATE_FOLDER

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def _too_open(path: Path, allowed: int) -> str | None:
    """The mode of ``path`` (e.g. ``0755``) when others than its owner may use it."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    return f"{mode:04o}" if mode & ~allowed & 0o777 else None


@checks.register(checks.Tags.security, deploy=True)
def private_files(
    app_configs: Sequence[Any] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """The data folder, the SQLite database and the secret key are for kcn's user alone."""
    found: list[checks.CheckMessage] = []
    data_dir = Path(settings.DATA_DIR)
    mode = _too_open(data_dir, PRIVATE_FOLDER)
    if mode:
        found.append(
            checks.Warning(
                _("The data folder %(path)s (mode %(mode)s) can be read by other users.")
                % {"path": data_dir, "mode": mode},
                hint=_("chmod 700 %(path)s, as the user that runs kcn.") % {"path": data_dir},
                id="kcn.W001",
            )
        )
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        path = Path(database["NAME"])
        mode = _too_open(path, PRIVATE_FILE)
        if mode:
            found.append(
                checks.Warning(
                    _("The database %(path)s (mode %(mode)s) can be read by other users.")
                    % {"path": path, "mode": mode},
                    hint=_("chmod 600 %(path)s*") % {"path": path},
                    id="kcn.W002",
                )
            )
    key_file = data_dir / "secret_key"
    mode = _too_open(key_file, PRIVATE_FILE)
    if mode:
        found.append(
            checks.Warning(
                _("The secret key %(path)s (mode %(mode)s) can be read by other users.")
                % {"path": key_file, "mode": mode},
                hint=_("chmod 600 %(path)s") % {"path": key_file},
                id="kcn.W003",
            )
        )
    return found


@checks.register(checks.Tags.security, deploy=True)
def served_names(
    app_configs: Sequence[Any] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """A server answers to its own name, not only to this machine's."""
    if set(settings.ALLOWED_HOSTS) <= LOCAL_HOSTS:
        return [
            checks.Warning(
                _("KCN_ALLOWED_HOSTS names this machine only: other computers cannot reach kcn."),
                hint=_("Set KCN_ALLOWED_HOSTS to the name users type, e.g. kcn.example.gov.vn."),
                id="kcn.W004",
            )
        ]
    return []


@checks.register(checks.Tags.database, deploy=True)
def database_ready(
    app_configs: Sequence[Any] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """The database answers and has every migration of this version."""
    from kcn.ops.health import pending_migrations, reachable

    if not reachable("default"):
        return [
            checks.Error(
                _("The database does not answer."),
                hint=_("Check DATABASE_URL and that the database server runs."),
                id="kcn.E001",
            )
        ]
    found: list[checks.CheckMessage] = []
    pending = pending_migrations()
    if pending:
        found.append(
            checks.Error(
                _("The database is not up to date with this version of kcn (%(n)s changes).")
                % {"n": len(pending)},
                hint=_("Run kcn init."),
                id="kcn.E002",
            )
        )
    if settings.KCN_READ_REPLICA and not reachable("replica"):
        found.append(
            checks.Error(
                _("The read replica does not answer."),
                hint=_(
                    "Check DATABASE_REPLICA_URL, or unset it to read everything on the primary."
                ),
                id="kcn.E003",
            )
        )
    return found


@checks.register(deploy=True)
def mail(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Reminders reach the enterprises only through a mail server."""
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
        return [
            checks.Warning(
                _("No mail server: reminders to enterprises are printed, not sent."),
                hint=_(
                    "Set KCN_EMAIL_HOST (and KCN_EMAIL_USER, KCN_EMAIL_PASSWORD, KCN_EMAIL_FROM)."
                ),
                id="kcn.W005",
            )
        ]
    return []
