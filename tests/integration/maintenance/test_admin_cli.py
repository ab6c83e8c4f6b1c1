"""`kiosk-admin devices|technician|bundle` end-to-end, as subprocesses against the real stacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.ops.technician import PinFile
from offline_cache.store import Store
from tests.emulators.card_pcscd import VPCD_READER, wait_card_state
from tests.fixtures.county import CountyServer
from tests.integration.maintenance.helpers import CARD_STATE_TIMEOUT_S, sync_once

pytestmark = pytest.mark.realstack

CLI_TIMEOUT_S = 60.0


def kiosk_admin(
    config: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(config), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        env={**os.environ, **(env or {})},
    )


def states(result: subprocess.CompletedProcess[str]) -> dict[str, tuple[str, str]]:
    data: dict[str, Any] = json.loads(result.stdout)
    return {c["id"]: (c["state"], c["reason"]) for c in data["checks"]}


def test_devices_json_everything_present(
    write_config: Callable[..., Path],
    virtual_card: Callable[..., object],
    zfm_port: str,
    cups_queue: Callable[..., str],
    county_server: CountyServer,
) -> None:
    virtual_card("v3")
    assert wait_card_state(VPCD_READER, present=True, timeout=CARD_STATE_TIMEOUT_S)
    path = write_config(
        terminal={"id": county_server.terminal_id, "secret_file": str(county_server.secret_file)},
        county={"url": county_server.url},
        devices={
            "card": "pcsc",
            "card_reader": "Virtual PCD",
            "fingerprint": "zfm",
            "fingerprint_port": zfm_port,
            "printer": "cups",
            "printer_name": cups_queue("pdf"),
        },
    )
    sync_once(load_config(path))
    result = kiosk_admin(path, "devices", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    found = states(result)
    assert found["card_reader"] == ("OK", "ok")
    assert found["printer"] == ("OK", "ok")
    assert found["county"] == ("OK", "ok")
    assert found["software"] == ("OK", "ok")
    # this test process holds the emulator's pty, as the running kiosk holds the real port:
    # the command must not open it behind the kiosk's back
    assert found["fingerprint"] == ("UNKNOWN", "port_in_use")
    text = kiosk_admin(path, "devices")
    assert text.returncode == 0 and "OK       Card reader" in text.stdout


def test_devices_json_everything_absent(
    write_config: Callable[..., Path], pcscd: object, cupsd: object, tmp_path: Path
) -> None:
    path = write_config(
        county={"url": "http://127.0.0.1:9", "connect_timeout": 1},
        devices={
            "card": "pcsc",
            "fingerprint": "zfm",
            "fingerprint_port": str(tmp_path / "ttyUSB7"),
            "printer": "cups",
            "printer_name": "kiosktest-absent-queue",
        },
    )
    # a client whose pcscd socket does not exist: exactly what a stopped pcscd looks like
    env = {"PCSCLITE_CSOCK_NAME": str(tmp_path / "no-pcscd.comm")}
    result = kiosk_admin(path, "devices", "--json", env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    found = states(result)
    assert found["card_reader"] == ("FAULT", "pcscd_unreachable")
    assert found["fingerprint"] == ("FAULT", "sensor_unavailable")
    assert found["printer"] == ("FAULT", "unavailable")
    assert found["county"][0] == "FAULT"
    assert "not reachable" in json.loads(result.stdout)["checks"][3]["text"]


def test_technician_commands_and_bundle(write_config: Callable[..., Path], tmp_path: Path) -> None:
    path = write_config()
    config = load_config(path)
    added = kiosk_admin(path, "technician", "set-pin", "--name", "li", "--pin-stdin",
                        stdin="24681357\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "24681357" not in added.stdout + added.stderr
    assert PinFile(config.maintenance.pin_file).load()[0].matches("24681357")
    weak = kiosk_admin(path, "technician", "set-pin", "--name", "wang", "--pin-stdin", "--json",
                       stdin="123456\n")  # fmt: skip
    assert weak.returncode == 2 and json.loads(weak.stdout)["error"] == "invalid_pin"
    listed = kiosk_admin(path, "technician", "list", "--json")
    assert json.loads(listed.stdout)["technicians"] == ["li"]
    assert kiosk_admin(path, "technician", "remove", "--name", "wang").returncode == 3
    assert kiosk_admin(path, "technician", "remove", "--name", "li").returncode == 0
    assert kiosk_admin(path, "technician", "unlock").returncode == 0
    out = tmp_path / "usb"
    out.mkdir()
    bundle = kiosk_admin(path, "bundle", "--out", str(out), "--json")
    assert bundle.returncode == 0, bundle.stdout + bundle.stderr
    zip_path = Path(json.loads(bundle.stdout)["bundle"])
    with zipfile.ZipFile(zip_path) as zf:
        assert "diagnostics.json" in zf.namelist()
    store = Store.open(config.database_path, config.read_template_key())
    try:
        actions = [json.loads(store.transaction(i).body)["payload"]["action"]  # type: ignore[union-attr]
                   for i in store.transaction_ids()]  # fmt: skip
        assert store.verify_audit().ok
    finally:
        store.close()
    assert actions == ["pin_set", "pin_removed", "lockout_cleared", "export_bundle"]
