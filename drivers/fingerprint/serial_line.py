"""The serial line under pyfingerprint, made to fail fast and to be put back in step.

pyfingerprint reads a reply one byte at a time and treats a timed-out read (b"") as a byte, so a
silent sensor costs it 12 timeouts (24 s) and a reply cut short ends in a `TypeError` after about
10 s. `GuardedSerial` stands in for its serial object and raises `LineSilent` at the first timeout
instead. `SerialLine` owns the real port: per-command timeouts, draining stale bytes, reopening.
"""

from __future__ import annotations

import time
from typing import Any

import serial

DRAIN_QUIET = 0.05  # seconds without a byte that count as "the line is quiet"
DRAIN_MAX = 2.5  # seconds; a line still chattering after this is reported, not drained forever
DRAIN_CHUNK = 4096


class LineSilent(Exception):
    """No (more) bytes arrived within the serial timeout."""


class GuardedSerial:
    """Proxy for `serial.Serial` given to pyfingerprint: a short read raises `LineSilent`."""

    def __init__(self, port: serial.Serial) -> None:
        self._port = port

    def read(self, size: int = 1) -> bytes:
        data: bytes = self._port.read(size)
        if len(data) < size:
            raise LineSilent(f"no answer within {self._port.timeout} s")
        return data

    def __getattr__(self, name: str) -> Any:  # write, isOpen, close, ... pass straight through
        return getattr(self._port, name)


class SerialLine:
    """The pyserial port pyfingerprint opened, with the operations recovery needs."""

    def __init__(self, port: serial.Serial) -> None:
        self.port = port
        self.guarded = GuardedSerial(port)

    def set_timeout(self, seconds: float) -> None:
        """Change the per-byte read timeout (pyserial reconfigures the port: skip if unchanged)."""
        if self.port.timeout != seconds:
            self.port.timeout = seconds

    def drain(self) -> int:
        """Discard whatever is (or keeps) arriving until the line is quiet; returns bytes dropped.

        Raises `LineSilent` if the line never goes quiet (a babbling device), serial errors if the
        port is gone.
        """
        self.port.reset_input_buffer()
        dropped = 0
        saved = self.port.timeout
        self.port.timeout = DRAIN_QUIET
        deadline = time.monotonic() + DRAIN_MAX
        try:
            while True:
                chunk = self.port.read(DRAIN_CHUNK)
                if not chunk:
                    return dropped
                dropped += len(chunk)
                if time.monotonic() > deadline:
                    raise LineSilent(f"the line did not go quiet in {DRAIN_MAX} s")
        finally:
            self.port.timeout = saved

    def quiet_after_reply(self) -> bool:
        """True when nothing more arrives after a reply (a late answer would show up here)."""
        time.sleep(DRAIN_QUIET)
        return self.port.in_waiting == 0

    def reopen(self) -> None:
        """Close and reopen the same device path (a USB adapter unplugged and plugged back)."""
        try:
            self.port.close()
        finally:
            self.port.open()

    def close(self) -> None:
        if self.port.is_open:
            self.port.close()

    @property
    def is_open(self) -> bool:
        return bool(self.port.is_open)
