"""The demo environment a new user gets from `make demo`."""

from __future__ import annotations

from kiosk.demo.environment import DEMO_TECHNICIAN_PIN, prepare_demo
from kiosk.ops.technician import PinFile


def test_demo_has_a_technician_pin_and_a_synced_township() -> None:
    env = prepare_demo(residents=8)
    try:
        entries = PinFile(env.config.maintenance.pin_file).load()
        assert [e.name for e in entries] == ["demo"]
        assert entries[0].matches(DEMO_TECHNICIAN_PIN)
        assert not entries[0].matches("000000")
        assert env.config.devices.card == "simulated"
        assert (env.config.paths.data_dir / "kiosk.sqlite3").exists()
    finally:
        env.close()
    assert not env.root.exists()
