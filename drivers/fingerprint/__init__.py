"""Fingerprint sensors: the Protocol (api), ZhianTec sensors through pyfingerprint (zfm), and an
in-memory sensor (simulated). `open_fingerprint_sensor` picks one from the configuration."""

from drivers.fingerprint.factory import open_fingerprint_sensor

__all__ = ["open_fingerprint_sensor"]
