"""Open the fingerprint sensor the configuration names ([devices] fingerprint)."""

from __future__ import annotations

from drivers.fingerprint.api import FingerprintSensor


def open_fingerprint_sensor(
    kind: str,
    port: str = "/dev/ttyUSB0",
    baud: int = 57600,
    address: int = 0xFFFFFFFF,
    password: int = 0,
) -> FingerprintSensor:
    """ "zfm": a ZhianTec sensor on `port` (opened and checked now, on the calling thread, which
    then owns it); "simulated": an in-memory sensor. Raises SensorUnavailable / SensorUnsupported,
    ValueError for an unknown kind."""
    if kind == "simulated":
        from drivers.fingerprint.simulated import SimulatedSensor

        return SimulatedSensor()
    if kind == "zfm":
        from drivers.fingerprint.zfm import ZfmSensor  # imports pyfingerprint only when needed

        return ZfmSensor(port, baud, address, password)
    raise ValueError(f"unknown fingerprint sensor kind {kind!r} (zfm, simulated)")
