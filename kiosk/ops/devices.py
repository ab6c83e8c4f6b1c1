"""The configured devices, opened from `[devices]` in one place (no Qt).

The application's worker threads (card, fingerprint, printer), the diagnostics of `kiosk-admin
devices` and the other `kiosk-admin` commands all open the card reader, the sensor and the printer
through these three functions; a new setting (a sensor option, say) is then added once. Call each
on the thread that will own the device.
"""

from __future__ import annotations

from drivers.card.api import CardReader
from drivers.card.factory import open_card_reader
from drivers.fingerprint.api import FingerprintSensor
from drivers.fingerprint.factory import open_fingerprint_sensor
from drivers.printer import open_printer
from drivers.printer.api import Printer
from kiosk.config import Config


def open_configured_reader(config: Config) -> CardReader:
    """Open the card reader `[devices] card` and `card_reader` name."""
    d = config.devices
    return open_card_reader(d.card, d.card_reader)


def open_configured_sensor(config: Config) -> FingerprintSensor:
    """Open the fingerprint sensor `[devices]` names. Call it on the thread that will own it."""
    d = config.devices
    return open_fingerprint_sensor(
        d.fingerprint, d.fingerprint_port, d.fingerprint_baud, d.fingerprint_address,
        d.fingerprint_password,
    )  # fmt: skip


def open_configured_printer(config: Config) -> Printer:
    """Open the printer `[devices] printer`, `printer_name` and `simulated_printer_dir` name."""
    d = config.devices
    return open_printer(d.printer, d.printer_name, d.simulated_printer_dir)
