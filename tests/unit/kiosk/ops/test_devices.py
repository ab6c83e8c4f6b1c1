"""kiosk/ops/devices.py: the one place that opens each configured device from `[devices]`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from drivers.card.simulated import SimulatedCardReader
from drivers.fingerprint.simulated import SimulatedSensor
from drivers.printer.simulated import SimulatedPrinter
from kiosk.config import load_config
from kiosk.ops.devices import (
    open_configured_printer,
    open_configured_reader,
    open_configured_sensor,
)


def test_each_simulated_device_is_opened_from_the_configuration(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "printed"
    config = load_config(
        write_config(devices={"printer_name": "counter", "simulated_printer_dir": str(folder)})
    )
    assert isinstance(open_configured_reader(config), SimulatedCardReader)
    sensor = open_configured_sensor(config)
    try:
        assert isinstance(sensor, SimulatedSensor)
    finally:
        sensor.close()
    printer = open_configured_printer(config)
    assert isinstance(printer, SimulatedPrinter)
    assert (printer.folder, printer.status().name) == (folder, "counter")


def test_an_unknown_kind_is_refused(write_config: Callable[..., Path]) -> None:
    loaded = load_config(write_config())
    config = replace(loaded, devices=replace(loaded.devices, printer="laser"))
    with pytest.raises(ValueError, match="laser"):
        open_configured_printer(config)
