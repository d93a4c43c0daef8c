"""``kcn serve``: the web application under gunicorn.

Each worker process keeps its uploads in a folder of its own, which the server removes when
the worker ends however it ended (kcn/ops/uploads.py). With ``KCN_LOG_JSON=1`` gunicorn's
access log is off (kcn logs each request as a JSON line) and its own messages are JSON too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from gunicorn.app.base import BaseApplication

from kcn.ops import uploads


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from kcn.config.wsgi import application

        return application


def _on_starting(server: Any) -> None:
    uploads.remove_leftovers()


def _post_fork(server: Any, worker: Any) -> None:
    uploads.enter_worker(worker.pid)


def _child_exit(server: Any, worker: Any) -> None:
    uploads.remove_worker_folder(worker.pid)


def options(*, host: str, port: int, workers: int) -> dict[str, Any]:
    """gunicorn's settings for ``kcn serve``."""
    result: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 120,
        "on_starting": _on_starting,
        "post_fork": _post_fork,
        "child_exit": _child_exit,
    }
    if settings.KCN_LOG_JSON:
        result["accesslog"] = None
        result["logconfig_dict"] = {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": "kcn.ops.logs.JsonFormatter"}},
            "handlers": {
                "json": {"class": "logging.StreamHandler", "formatter": "json"},
            },
            "loggers": {
                "gunicorn.error": {"handlers": ["json"], "level": "WARNING", "propagate": False},
            },
        }
    return result


def run(*, host: str, port: int, workers: int) -> None:
    _Server(options(host=host, port=port, workers=workers)).run()
