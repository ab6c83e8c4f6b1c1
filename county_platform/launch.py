"""Start the reference server as a child process on 127.0.0.1 and wait until it answers.

One way to do it for the test fixture and the benchmarks, so both start the server alike: output
goes to a log file (a pipe nobody reads would fill up and block the server), and a server that
dies or never answers is reported with the end of that log instead of a bare timeout.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

HEALTH_PATH = "/api/v1/health"
POLL_S = 0.05
LOG_TAIL_CHARS = 2000


class ServerStartError(RuntimeError):
    """The child exited, or did not answer in time (the message says which)."""


def free_port() -> int:
    """A port free on 127.0.0.1 right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spawn_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`python -m county_platform serve` on `db` and `port`, stdout and stderr into `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "county_platform",
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_http(url: str, process: subprocess.Popen[bytes], log: Path, timeout_s: float) -> None:
    """Return once `url` answers 200. Raise `ServerStartError` when `process` exits first (with
    the tail of `log`) or when `timeout_s` passes (the process is then killed)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-LOG_TAIL_CHARS:]
            raise ServerStartError(f"exited with {process.returncode}: {tail}")
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(POLL_S)
    process.kill()
    process.wait()
    raise ServerStartError(f"did not answer {url} within {timeout_s} s")
