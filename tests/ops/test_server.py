"""``kcn serve``'s gunicorn settings: enough processes for the machine, threads in each."""

from __future__ import annotations

from unittest import mock

from kcn import server


def test_by_default_two_processes_per_core_plus_one_each_with_threads() -> None:
    with mock.patch("os.cpu_count", return_value=4):
        settings = server.options(host="127.0.0.1", port=8000, workers=None)
    assert settings["workers"] == 9
    assert settings["threads"] == 4
    assert settings["worker_class"] == "gthread"


def test_the_operator_chooses_processes_and_a_single_thread_means_sync_workers() -> None:
    settings = server.options(host="0.0.0.0", port=80, workers=3, threads=1)
    assert (settings["bind"], settings["workers"], settings["worker_class"]) == (
        "0.0.0.0:80",
        3,
        "sync",
    )
