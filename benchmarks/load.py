"""Load: many users at once on the served app; requests per second and latency by clients.

    KCN_DATA_DIR=var/dev .venv/bin/python benchmarks/load.py [--user demo] [--seconds 15]

Starts ``kcn serve`` on a free port (its default processes and threads for this machine,
no job worker), signs in as ``--user`` (the password from ``KCN_PASSWORD``), then for each
page and each number of clients runs ``wrk`` (Debian's package: one C process that keeps
every connection open) with the session cookie for ``--seconds`` and prints requests per
second and the latency percentiles. Without ``wrk`` it says so and stops: a load made by
Python threads on this 2-core machine would measure the clients as much as the server.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
KCN = ROOT / ".venv" / "bin" / "kcn"
PAGES = ("/?period=2022-Q1", "/projects/", "/portal/")
CLIENTS = (1, 10, 50)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"kcn serve did not answer on port {port}")


def sign_in(port: int, user: str, password: str) -> str:
    """The session cookie of ``user``, signed in through the login page."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/accounts/login/")
    page = connection.getresponse()
    body = page.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie", ""))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if csrf_cookie is None or token is None:
        raise SystemExit("no CSRF token on the login page")
    form = urlencode(
        {"username": user, "password": password, "csrfmiddlewaretoken": token.group(1)}
    )
    connection.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie.group(1)}",
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    answer = connection.getresponse()
    answer.read()
    session = re.search(r"sessionid=([^;]+)", answer.getheader("Set-Cookie", ""))
    if session is None:
        raise SystemExit(f"could not sign in as {user} (status {answer.status})")
    return f"sessionid={session.group(1)}"


def run_wrk(url: str, cookie: str, clients: int, seconds: int) -> dict[str, str]:
    threads = min(clients, 2)
    done = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{clients}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    found = {
        "requests/s": re.search(r"Requests/sec:\s+([\d.]+)", out),
        "p50": re.search(r"^\s+50%\s+(\S+)", out, re.M),
        "p90": re.search(r"^\s+90%\s+(\S+)", out, re.M),
        "p99": re.search(r"^\s+99%\s+(\S+)", out, re.M),
        "errors": re.search(r"Non-2xx or 3xx responses: (\d+)", out),
    }
    return {key: (match.group(1) if match else "0") for key, match in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default="demo")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    password = os.environ.get("KCN_PASSWORD", "kcn-demo-2022")
    port = free_port()
    server = subprocess.Popen(
        [str(KCN), "serve", "--port", str(port), "--no-worker"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_up(port)
        cookie = sign_in(port, args.user, password)
        print(f"kcn serve on port {port}, {os.cpu_count()} CPU cores; wrk, {args.seconds} s each")
        header = ("page", "clients", "req/s", "p50", "p90", "p99", "errors")
        print(f"{header[0]:28} " + " ".join(f"{name:>8}" for name in header[1:]))
        for page in args.pages:
            url = f"http://127.0.0.1:{port}{page}"
            for clients in CLIENTS:
                found = run_wrk(url, cookie, clients, args.seconds)
                figures = (clients, *found.values())
                print(f"{page:28} " + " ".join(f"{figure:>8}" for figure in figures))
                sys.stdout.flush()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
