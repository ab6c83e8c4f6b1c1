"""`kiosk-admin card read` end to end: the installed command, real pcscd, virtual cards."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.emulators.card_pcscd import VPCD_READER, Pcscd
from tests.emulators.card_profiles import PROFILES
from tests.emulators.vpcd_card import VirtualCard

pytestmark = pytest.mark.realstack
KIOSK_ADMIN = Path(sys.prefix) / "bin" / "kiosk-admin"
CLI_TIMEOUT = 60  # s for the whole subprocess (start-up included)


def kiosk_admin(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not KIOSK_ADMIN.exists():
        pytest.fail(f"{KIOSK_ADMIN} missing: install the project into the venv (make setup)")
    return subprocess.run(
        [str(KIOSK_ADMIN), "--config", str(config), "card", "read", *args],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        check=False,
    )


@pytest.fixture
def pcsc_config(pcscd: Pcscd, write_config: Callable[..., Path]) -> Path:
    return write_config(devices={"card": "pcsc", "card_reader": VPCD_READER})


def test_read_masked_json(pcsc_config: Path, virtual_card: Callable[..., VirtualCard]) -> None:
    person = PROFILES["v2"].person
    assert person is not None
    virtual_card("v2")
    result = kiosk_admin(pcsc_config, "--json", "--timeout", "10")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["person_id"] == person.person_id[:4] + "*" * 10 + person.person_id[-4:]
    assert data["name"] == "王*英"
    assert data["birth_date"] == "1958-**-**"
    assert data["card_number"] != person.card_number
    assert (data["gender"], data["ethnicity"], data["birthplace"]) == ("female", 1, "320102")
    assert data["ethnicity_name"] == "汉族"
    assert (data["spec_version"], data["issue_date"], data["expiry_date"]) == (
        "2.00",
        "2019-06-01",
        "2029-06-01",
    )
    assert data["expired"] is False
    assert person.person_id not in result.stdout + result.stderr


def test_read_revealed_text_with_a_rare_character(
    pcsc_config: Path, virtual_card: Callable[..., VirtualCard]
) -> None:
    person = PROFILES["rare_name"].person
    assert person is not None
    virtual_card("rare_name")
    result = kiosk_admin(pcsc_config, "--reveal", "--timeout", "10")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert lines["name"] == "王𠮷"
    assert lines["person_id"] == person.person_id
    assert lines["birth_date"] == "1990-07-07"


def test_expired_card_is_shown_as_expired(
    pcsc_config: Path, virtual_card: Callable[..., VirtualCard]
) -> None:
    virtual_card("expired")
    result = kiosk_admin(pcsc_config, "--json", "--timeout", "10")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["expired"] is True


@pytest.mark.parametrize("profile", ["bank", "truncated", "removal"])
def test_bad_cards_exit_with_their_code(
    pcsc_config: Path, virtual_card: Callable[..., VirtualCard], profile: str
) -> None:
    virtual_card(profile)
    result = kiosk_admin(pcsc_config, "--json", "--timeout", "10")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["error"] == PROFILES[profile].expected_error
    assert data["detail"]


def test_no_card(pcsc_config: Path) -> None:
    result = kiosk_admin(pcsc_config, "--json", "--timeout", "0.5")
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"] == "no_card"


def test_no_matching_reader(pcscd: Pcscd, write_config: Callable[..., Path]) -> None:
    config = write_config(devices={"card": "pcsc", "card_reader": "ACS ACR39U*"})
    result = kiosk_admin(config, "--timeout", "0.5")
    assert result.returncode == 1
    assert "no_reader" in result.stderr and "ACS ACR39U*" in result.stderr


def test_simulated_reader_reports_no_card(write_config: Callable[..., Path]) -> None:
    result = kiosk_admin(write_config(devices={"card": "simulated"}), "--json", "--timeout", "0.2")
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"] == "no_card"


def test_pcscd_not_running_is_no_reader(pcscd_owned: Pcscd, pcsc_config: Path) -> None:
    pcscd_owned.stop()
    result = kiosk_admin(pcsc_config, "--json", "--timeout", "0.3")
    pcscd_owned.start()
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["error"] == "no_reader"
    assert "pcscd" in data["detail"]
