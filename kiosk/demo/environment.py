"""The demo environment behind `kiosk --demo` (and `make demo`): no configuration needed.

Creates a temporary data directory with a terminal secret and a template key, seeds a reference
county server (county_platform) with a synthetic township, starts it on 127.0.0.1 in the
background, writes a kiosk.toml with simulated devices pointing at it, and pulls the township copy
once so the kiosk has residents from its first screen. Everything is removed at exit.
"""

from __future__ import annotations

import atexit
import logging
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import Config, load_config
from kiosk.ops.technician import PinFile
from kiosk.private_files import write_private

log = logging.getLogger(__name__)

DEMO_TERMINAL_ID = "T-320102001-003"
DEMO_TOWNSHIP = "320102001"
DEMO_RESIDENTS = 60
DEMO_TECHNICIAN_PIN = "246802"  # maintenance mode in the demo: the four corners, then this PIN
SERVER_START_TIMEOUT = 20.0  # seconds for the reference server to answer /health


@dataclass
class DemoEnvironment:
    """What `prepare_demo` set up; `close()` stops the server and removes the folder."""

    root: Path
    config: Config
    server: subprocess.Popen[bytes] | None

    def close(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.server.kill()
        shutil.rmtree(self.root, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_health(url: str, server: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the demo county server exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the demo county server did not answer at {url} within {timeout:.0f} s")


def _write_config(root: Path, url: str, extra: str) -> Path:
    path = root / "kiosk.toml"
    path.write_text(
        f"""# Written by `kiosk --demo`: simulated devices, synthetic township, local county server.
[terminal]
id = "{DEMO_TERMINAL_ID}"
secret_file = "terminal.secret"
township_name = "青山镇"
township_name_en = "Qingshan Town"

[county]
url = "{url}"
connect_timeout = 2
read_timeout = 10
sync_interval = 60

[paths]
data_dir = "{root / "data"}"

[security]
template_key_file = "template.key"

[devices]
card = "simulated"
fingerprint = "simulated"
printer = "simulated"
{extra}""",
        encoding="utf-8",
    )
    return path


def prepare_demo(
    residents: int = DEMO_RESIDENTS, start_server: bool = True, extra_toml: str = ""
) -> DemoEnvironment:
    """Set up the demo; the caller (or atexit) calls `close()`.

    With `start_server=False` the kiosk runs against an unreachable county (offline demo).
    """
    root = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    (root / "data").mkdir()
    secret_file = root / "terminal.secret"
    write_private(secret_file, secrets.token_hex(32).encode())  # the kiosk refuses others' access
    write_private(root / "template.key", secrets.token_bytes(32))
    server: subprocess.Popen[bytes] | None = None
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    try:
        if start_server:
            county_db = root / "county.sqlite3"
            subprocess.run(
                [sys.executable, "-m", "county_platform", "seed", "--db", str(county_db),
                 "--township", DEMO_TOWNSHIP, "--residents", str(residents),
                 "--terminal", DEMO_TERMINAL_ID, "--secret-file", str(secret_file)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            server = subprocess.Popen(
                [sys.executable, "-m", "county_platform", "serve", "--db", str(county_db),
                 "--host", "127.0.0.1", "--port", str(port)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            _wait_for_health(url, server, SERVER_START_TIMEOUT)
        config = load_config(_write_config(root, url, extra_toml))
        PinFile(config.maintenance.pin_file).set_pin("demo", DEMO_TECHNICIAN_PIN)
        env = DemoEnvironment(root=root, config=config, server=server)
    except BaseException:
        if server is not None:
            server.kill()
        shutil.rmtree(root, ignore_errors=True)
        raise
    atexit.register(env.close)
    if start_server:
        _initial_sync(config)
    return env


def _initial_sync(config: Config) -> None:
    """Pull the township copy once, so the first screen already knows the residents."""
    assert config.source is not None
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(config.source), "sync", "--json"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        log.warning("demo: the initial sync did not complete (%s)", result.stdout.strip()[:200])
