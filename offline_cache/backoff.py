"""Exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS architecture blog).

Delay for retry number `attempt` (0-based) is uniform in [0, min(cap, base * 2**attempt)]: the
kiosks of a county that all lost the network at once do not come back in lock-step. The random
source and the sleep are injected so tests run the real schedule without waiting.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_BASE = 1.0  # seconds


def full_jitter_delay(attempt: int, base: float, cap: float, rand: Callable[[], float]) -> float:
    """`rand()` returns a float in [0, 1)."""
    ceiling = min(cap, base * (2 ** min(attempt, 62)))
    return ceiling * rand()


@dataclass
class Backoff:
    cap: float
    base: float = DEFAULT_BASE
    sleep: Callable[[float], None] = time.sleep
    rand: Callable[[], float] = field(default_factory=lambda: random.SystemRandom().random)
    slept: list[float] = field(default_factory=list)  # every delay taken, for status and tests

    def wait(self, attempt: int) -> float:
        delay = full_jitter_delay(attempt, self.base, self.cap, self.rand)
        self._sleep(delay)
        return delay

    def wait_exactly(self, seconds: float) -> float:
        """A server-imposed wait (Retry-After), still capped so a kiosk never stalls for hours."""
        delay = max(0.0, min(seconds, self.cap))
        self._sleep(delay)
        return delay

    def _sleep(self, delay: float) -> None:
        self.slept.append(delay)
        self.sleep(delay)
