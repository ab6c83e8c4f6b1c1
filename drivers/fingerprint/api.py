"""What the application needs from a fingerprint sensor.

A `FingerprintSensor` is owned by one thread (the fingerprint worker). Waits take a deadline and a
`threading.Event` that cancels them (the resident walked away). Errors are those of
`drivers.errors` (SensorError subclasses, Cancelled).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

TEMPLATE_SIZE = 512  # bytes of one ZhianTec characteristics block


@dataclass(frozen=True)
class SensorInfo:
    system_id: int
    capacity: int
    security_level: int
    address: int
    packet_size: int  # bytes
    baud_rate: int  # bits per second


@dataclass(frozen=True)
class EnrolledFinger:
    finger: str  # e.g. "right_index" (the roster's names)
    template: bytes  # TEMPLATE_SIZE bytes


@dataclass(frozen=True)
class Comparison:
    """The outcome of one capture compared with the enrolled fingers."""

    matched: bool
    score: int  # best score seen
    finger: str | None  # the finger that matched (or scored best)


class FingerprintSensor(Protocol):
    def info(self) -> SensorInfo:
        """Read the parameter block. Raises SensorUnavailable, SensorUnsupported."""
        ...

    def wait_for_finger(self, timeout: float, cancel: threading.Event) -> None:
        """Poll until a finger is on the sensor.

        Raises SensorTimeout, Cancelled, SensorUnavailable.
        """
        ...

    def wait_for_lift(self, timeout: float, cancel: threading.Event) -> None:
        """Poll until no finger is on the sensor (between attempts)."""
        ...

    def capture_and_compare(self, enrolled: Sequence[EnrolledFinger], threshold: int) -> Comparison:
        """Convert the image on the sensor and compare it 1:1 with each enrolled template.

        Raises PoorImage (0x06/0x07/0x15: ask for another try, not a mismatch), NotEnrolled (empty
        `enrolled`), SensorUnavailable. A score >= threshold matches.
        """
        ...

    def close(self) -> None:
        """Close the serial port explicitly."""
        ...
