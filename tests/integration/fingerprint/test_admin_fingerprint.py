"""`kiosk-admin fingerprint info | verify` as a subprocess, against the ZFM emulator on a pty."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from county_platform.seed import synthetic_template
from kiosk.config import load_config
from offline_cache.models import Fingerprint, Resident
from offline_cache.store import Store
from tests.emulators.zfm_sensor import ZfmConfig, ZfmEmulator

pytestmark = pytest.mark.realstack

ROOT = Path(__file__).resolve().parents[3]
PERSON_ID = "320102195001011234"
NAME = "王秀英"
RIGHT_INDEX = synthetic_template(PERSON_ID, "right_index")
LEFT_INDEX = synthetic_template(PERSON_ID, "left_index")

ConfigFor = Callable[[ZfmEmulator], Path]
StartEmulator = Callable[..., ZfmEmulator]


def run_admin(config: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(config), "fingerprint", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = proc.stdout + proc.stderr
    for secret in (PERSON_ID, NAME, *(a for a in args if len(a) == len(PERSON_ID))):
        assert secret not in out  # an ID number appears only masked
    assert RIGHT_INDEX.hex()[:32] not in out
    data = json.loads(proc.stdout) if "--json" in args else {}
    return proc.returncode, data, out


@pytest.fixture
def config_for(write_config: Callable[..., Path]) -> ConfigFor:
    def make(emulator: ZfmEmulator) -> Path:
        path = write_config(
            devices={"fingerprint": "zfm", "fingerprint_port": emulator.port, "finger_timeout": 5}
        )
        config = load_config(path)
        store = Store.open(config.database_path, config.read_template_key())
        try:
            store.upsert_resident(
                Resident(
                    person_id=PERSON_ID,
                    name=NAME,
                    gender="F",
                    birth_date=date(1950, 1, 1),
                    card_number="A12345678",
                    township_code="320102001",
                    version=1,
                    fingerprints=[
                        Fingerprint("left_index", LEFT_INDEX),
                        Fingerprint("right_index", RIGHT_INDEX),
                    ],
                )
            )
            store.upsert_resident(
                Resident(
                    person_id="320102195202021111",
                    name="李强",
                    gender="M",
                    birth_date=date(1952, 2, 2),
                    card_number="A87654321",
                    township_code="320102001",
                    version=1,
                )
            )
        finally:
            store.close()
        return path

    return make


def test_info_json(zfm_emulator_factory: StartEmulator, config_for: ConfigFor) -> None:
    emulator = zfm_emulator_factory(ZfmConfig(capacity=300, packet_size_code=3))
    code, data, _ = run_admin(config_for(emulator), "info", "--json")
    assert code == 0
    assert data["capacity"] == 300
    assert data["packet_size"] == 256
    assert data["baud_rate"] == 57600
    assert data["security_level"] == 3
    assert data["system_id"] == 9


def test_info_text(zfm_emulator: ZfmEmulator, config_for: ConfigFor) -> None:
    code, _, out = run_admin(config_for(zfm_emulator), "info")
    assert code == 0
    assert "packet_size" in out and "128" in out


def test_info_on_a_silent_sensor(zfm_emulator: ZfmEmulator, config_for: ConfigFor) -> None:
    zfm_emulator.silent = True
    code, data, _ = run_admin(config_for(zfm_emulator), "info", "--json")
    assert code != 0
    assert data["error"] == "sensor_unavailable"
    assert data["detail"]


def test_info_on_an_unsupported_sensor(
    zfm_emulator_factory: StartEmulator, config_for: ConfigFor
) -> None:
    emulator = zfm_emulator_factory(ZfmConfig.r308())
    code, data, _ = run_admin(config_for(emulator), "info", "--json")
    assert code != 0
    assert data["error"] == "sensor_unsupported"
    assert data["detail"].startswith("unsupported sensor")


def test_verify_matching_finger(zfm_emulator: ZfmEmulator, config_for: ConfigFor) -> None:
    zfm_emulator.place_finger(RIGHT_INDEX)
    code, data, _ = run_admin(
        config_for(zfm_emulator), "verify", "--person-id", PERSON_ID, "--json"
    )
    assert code == 0
    assert data["matched"] is True
    assert data["finger"] == "right_index"
    assert data["score"] >= 100


def test_verify_another_finger_text(zfm_emulator: ZfmEmulator, config_for: ConfigFor) -> None:
    zfm_emulator.place_finger(synthetic_template("110101199001010000", "right_index"))
    code, _, out = run_admin(config_for(zfm_emulator), "verify", "--person-id", PERSON_ID)
    assert code == 1
    assert "no match" in out
    assert "3201**********1234" in out  # the resident is named only masked


@pytest.mark.parametrize(
    ("setup", "person", "error"),
    [
        ("none", PERSON_ID, "no_finger"),
        ("poor", PERSON_ID, "poor_image"),
        ("silent", PERSON_ID, "sensor_unavailable"),
        ("good", "320102195202021111", "not_enrolled"),  # in the cache, no fingers
        ("good", "110101199001010000", "not_enrolled"),  # not in the cache at all
    ],
)
def test_verify_errors(
    zfm_emulator: ZfmEmulator, config_for: ConfigFor, setup: str, person: str, error: str
) -> None:
    if setup == "poor":
        zfm_emulator.place_finger(RIGHT_INDEX, "poor")
    elif setup == "good":
        zfm_emulator.place_finger(RIGHT_INDEX)
    elif setup == "silent":
        zfm_emulator.silent = True
    code, data, _ = run_admin(
        config_for(zfm_emulator), "verify", "--person-id", person, "--timeout", "0.5", "--json"
    )
    assert code != 0
    assert data["error"] == error
    assert "matched" not in data


def test_the_emulator_command_can_hold_a_residents_enrolled_finger(
    config_for: ConfigFor,
) -> None:
    """`python -m tests.emulators.zfm_sensor --person-id ID --finger F` (docs, by hand) places
    the synthetic finger the county seed enrolled, so `fingerprint verify` matches it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.emulators.zfm_sensor", "--person-id", PERSON_ID,
         "--finger", "left_index"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        port = proc.stdout.readline().strip()
        assert port.startswith("/dev/")
        config = config_for(type("Port", (), {"port": port})())
        code, data, _ = run_admin(config, "verify", "--person-id", PERSON_ID, "--json")
        assert code == 0, data
        assert data["matched"] is True and data["finger"] == "left_index"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
