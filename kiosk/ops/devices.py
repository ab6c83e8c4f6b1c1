"""The configured devices, opened from `[devices]` in one place (no Qt).

The application's worker threads, the maintenance checks and `kiosk-admin` all open the sensor the
same way; a new setting (a sensor option, say) is then added once.
"""

from __future__ import annotations

from drivers.fingerprint.api import FingerprintSensor
from drivers.fingerprint.factory import open_fingerprint_sensor
from kiosk.config import Config


def open_configured_sensor(config: Config) -> FingerprintSensor:
    """Open the fingerprint sensor `[devices]` names. Call it on the thread that will own it."""
    d = config.devices
    return open_fingerprint_sensor(
        d.fingerprint, d.fingerprint_port, d.fingerprint_baud, d.fingerprint_address,
        d.fingerprint_password,
    )  # fmt: skip
