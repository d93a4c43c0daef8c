"""``kcn serve``: the web application under gunicorn, and a job worker beside it.

The worker is ``kcn worker`` in a child process: started before the server, stopped when it
stops (and, on Linux, sent SIGTERM by the kernel should the server die without stopping it).
Each gunicorn worker process keeps its uploads in a folder of its own, which the server
removes when the worker ends however it ended (kcn/ops/uploads.py). With ``KCN_LOG_JSON=1``
gunicorn's access log is off (kcn logs each request as a JSON line) and its own messages are
JSON too.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
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


def default_workers() -> int:
    """Server processes for this machine: two per CPU core, plus one (gunicorn's advice);
    each runs several threads, so that a slow page does not hold a whole process."""
    return 2 * (os.cpu_count() or 1) + 1


def options(*, host: str, port: int, workers: int | None, threads: int = 4) -> dict[str, Any]:
    """gunicorn's settings for ``kcn serve``."""
    result: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(),
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
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


def run(
    *, host: str, port: int, workers: int | None, threads: int = 4, job_worker: bool = True
) -> None:
    child = start_worker() if job_worker else None
    try:
        _Server(options(host=host, port=port, workers=workers, threads=threads)).run()
    finally:
        if child is not None:
            stop_worker(child)


def start_worker() -> subprocess.Popen[bytes]:
    """``kcn worker`` as a child process of this one, with the same settings. In a session of
    its own: Ctrl+C on the terminal reaches the server only, which then stops the worker
    once (a second signal would stop the worker in the middle of its job)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kcn.cli", "worker"],
        start_new_session=True,
        preexec_fn=_die_with_parent,
    )


def stop_worker(child: subprocess.Popen[bytes], timeout: float = 30) -> None:
    """Ask the worker to stop after the job at hand; kill it if it has not within ``timeout``
    seconds (a job it was running is rolled back by the database)."""
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
    try:
        child.wait(timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def _die_with_parent() -> None:
    """In the child, before it runs: SIGTERM when the parent dies (Linux's PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
