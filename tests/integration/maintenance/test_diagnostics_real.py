"""Each diagnostic against the real stack, with the part present and absent.

pcscd + Debian's vpcd with a virtual card, the ZFM emulator on a pty through pyfingerprint, cupsd
with cups-pdf queues, the reference county server over HTTP. Missing stacks fail (fixtures).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import Config, load_config
from kiosk.ops.diagnostics import State
from kiosk.ops.diagnostics_devices import (
    open_and_probe_card,
    open_and_probe_county,
    open_and_probe_printer,
    open_and_probe_sensor,
)
from offline_cache.store import Store
from tests.emulators.card_pcscd import VPCD_READER, wait_card_state
from tests.emulators.zfm_sensor import ZfmConfig
from tests.fixtures.county import CountyServer, stop_county_server
from tests.integration.maintenance.helpers import CARD_STATE_TIMEOUT_S, sync_once

pytestmark = pytest.mark.realstack

MakeConfig = Callable[..., Config]


@pytest.fixture
def make_config(write_config: Callable[..., Path]) -> MakeConfig:
    return lambda **sections: load_config(write_config(**sections))


# --- card reader ----------------------------------------------------------------------------------
def test_card_reader_with_a_card(
    make_config: MakeConfig, virtual_card: Callable[..., object]
) -> None:
    virtual_card("v2")
    assert wait_card_state(VPCD_READER, present=True, timeout=CARD_STATE_TIMEOUT_S)
    check = open_and_probe_card(make_config(devices={"card": "pcsc", "card_reader": VPCD_READER}))
    assert check.state is State.OK, check.text
    assert check.details["card_present"] is True and check.details["reader_name"] == VPCD_READER


def test_card_reader_absent(make_config: MakeConfig, pcscd: object) -> None:
    config = make_config(devices={"card": "pcsc", "card_reader": "No Such Reader 99"})
    check = open_and_probe_card(config)
    assert (check.state, check.reason) == (State.FAULT, "no_reader")
    assert check.details["service_reachable"] is True


# --- fingerprint sensor ---------------------------------------------------------------------------
def test_sensor_responding(make_config: MakeConfig, zfm_port: str) -> None:
    check = open_and_probe_sensor(
        make_config(devices={"fingerprint": "zfm", "fingerprint_port": zfm_port})
    )
    assert check.state is State.OK, check.text
    assert check.details["capacity"] == ZfmConfig().capacity
    assert check.details["baud_rate"] == 57600


def test_sensor_port_missing(make_config: MakeConfig, tmp_path: Path) -> None:
    port = str(tmp_path / "ttyUSB9")
    check = open_and_probe_sensor(
        make_config(devices={"fingerprint": "zfm", "fingerprint_port": port})
    )
    assert (check.state, check.reason) == (State.FAULT, "sensor_unavailable")
    assert port in check.text


def test_sensor_unsupported(
    make_config: MakeConfig, zfm_emulator_factory: Callable[..., object]
) -> None:
    emulator = zfm_emulator_factory(ZfmConfig.r308())
    config = make_config(devices={"fingerprint": "zfm", "fingerprint_port": emulator.port})  # type: ignore[attr-defined]
    check = open_and_probe_sensor(config)
    assert (check.state, check.reason) == (State.FAULT, "sensor_unsupported")


# --- printer --------------------------------------------------------------------------------------
def test_printer_ready(make_config: MakeConfig, cups_queue: Callable[..., str]) -> None:
    name = cups_queue("pdf")
    check = open_and_probe_printer(make_config(devices={"printer": "cups", "printer_name": name}))
    assert check.state is State.OK, check.text
    assert check.details["state"] == "ready"


def test_printer_disabled(make_config: MakeConfig, cups_queue: Callable[..., str]) -> None:
    name = cups_queue("disabled")
    check = open_and_probe_printer(make_config(devices={"printer": "cups", "printer_name": name}))
    assert (check.state, check.reason) == (State.FAULT, "disabled")


def test_printer_queue_missing(make_config: MakeConfig, cupsd: object) -> None:
    config = make_config(devices={"printer": "cups", "printer_name": "kiosktest-no-such-queue"})
    check = open_and_probe_printer(config)
    assert (check.state, check.reason) == (State.FAULT, "unavailable")


# --- county platform ------------------------------------------------------------------------------
def test_county_synced_then_down(make_config: MakeConfig, county_server: CountyServer) -> None:
    config = make_config(
        county={"url": county_server.url},
        terminal={"id": county_server.terminal_id, "secret_file": str(county_server.secret_file)},
    )
    sync_once(config)
    up = open_and_probe_county(config)
    assert up.state is State.OK, up.text
    assert up.details["reachable"] is True and up.details["pending"] == 0
    assert abs(up.details["measured_clock_offset_s"]) < 60
    assert set(up.details["feed_ages_s"]) == {"roster", "jobs", "notices"}
    stop_county_server(county_server)
    down = open_and_probe_county(config)
    assert (down.state, down.reason) == (State.WARNING, "unreachable")
    assert down.details["last_success_at"] == up.details["last_success_at"]


def test_county_never_synced(make_config: MakeConfig, county_server: CountyServer) -> None:
    config = make_config(county={"url": county_server.url})
    Store.open(config.database_path, config.read_template_key()).close()
    check = open_and_probe_county(config)
    assert (check.state, check.reason) == (State.FAULT, "no_roster")
    assert check.details["reachable"] is True
