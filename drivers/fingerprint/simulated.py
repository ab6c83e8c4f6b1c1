"""A fingerprint sensor in memory, for the demo, the UI tests and the autopilot.

Another thread (a test, the autopilot, the demo's on-screen "place finger" button) presents and
lifts fingers; the owner thread waits and compares exactly as with a real sensor. Scores follow the
same rule as the ZFM emulator: byte similarity, identical templates >= 100, unrelated < 20.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import Literal

from drivers.errors import (
    Cancelled,
    NotEnrolled,
    PoorImage,
    SensorTimeout,
    SensorUnavailable,
)
from drivers.fingerprint.api import TEMPLATE_SIZE, Comparison, EnrolledFinger, SensorInfo
from drivers.fingerprint.matching import best_match

Quality = Literal["good", "poor"]

POLL_INTERVAL = 0.05  # s: how often a wait re-checks the cancel event
MAX_SCORE = 200  # identical templates


def similarity_score(capture: bytes, template: bytes) -> int:
    """0..MAX_SCORE by the share of equal bytes; unrelated random bytes score about 1."""
    if not capture or len(capture) != len(template):
        return 0
    same = sum(1 for a, b in zip(capture, template, strict=True) if a == b)
    return (same * MAX_SCORE) // len(capture)


class SimulatedSensor:
    """In-memory `FingerprintSensor`; `present_finger` / `lift_finger` / `set_available` are safe
    from any thread."""

    INFO = SensorInfo(
        system_id=0,
        capacity=1000,
        security_level=3,
        address=0xFFFFFFFF,
        packet_size=128,
        baud_rate=57600,
    )

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._finger: bytes | None = None
        self._quality: Quality = "good"
        self._available = True
        self._closed = False

    # --- control (any thread) ------------------------------------------------------------------
    def present_finger(self, template: bytes | None, quality: Quality = "good") -> None:
        """Put a finger on the glass: an enrolled template (matches), or None (nobody's finger)."""
        if quality not in ("good", "poor"):
            raise ValueError("quality must be 'good' or 'poor'")
        with self._changed:
            self._finger = bytes(template) if template is not None else os.urandom(TEMPLATE_SIZE)
            self._quality = quality
            self._changed.notify_all()

    def lift_finger(self) -> None:
        with self._changed:
            self._finger = None
            self._changed.notify_all()

    def set_available(self, available: bool) -> None:
        """False: every call fails with SensorUnavailable, as an unplugged sensor does."""
        with self._changed:
            self._available = available
            self._changed.notify_all()

    @property
    def finger_present(self) -> bool:
        with self._changed:
            return self._finger is not None

    # --- FingerprintSensor ----------------------------------------------------------------------
    def info(self) -> SensorInfo:
        with self._changed:
            self._check()
        return self.INFO

    def wait_for_finger(self, timeout: float, cancel: threading.Event) -> None:
        self._wait(lambda: self._finger is not None, timeout, cancel, "no finger was placed")

    def wait_for_lift(self, timeout: float, cancel: threading.Event) -> None:
        self._wait(lambda: self._finger is None, timeout, cancel, "the finger was not lifted")

    def capture_and_compare(self, enrolled: Sequence[EnrolledFinger], threshold: int) -> Comparison:
        usable = [f for f in enrolled if len(f.template) == TEMPLATE_SIZE]
        if not usable:
            raise NotEnrolled("no enrolled fingers" if not enrolled else "no 512-byte template")
        with self._changed:
            self._check()
            capture, quality = self._finger, self._quality
        if capture is None:
            raise PoorImage("0x15: no valid image (no finger on the sensor)")
        if quality == "poor":
            raise PoorImage("0x07: too few feature points")
        scores = ((f.finger, similarity_score(capture, f.template)) for f in usable)
        return best_match(scores, threshold)

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    # --- internals ------------------------------------------------------------------------------
    def _check(self) -> None:
        if self._closed:
            raise SensorUnavailable("the simulated sensor was closed")
        if not self._available:
            raise SensorUnavailable("the simulated sensor is switched to unavailable")

    def _wait(
        self, done: Callable[[], bool], timeout: float, cancel: threading.Event, timeout_text: str
    ) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                self._check()
                if cancel.is_set():
                    raise Cancelled("finger wait cancelled")
                if done():
                    return
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SensorTimeout(f"{timeout_text} within {timeout:g} s")
                self._changed.wait(min(POLL_INTERVAL, remaining))
