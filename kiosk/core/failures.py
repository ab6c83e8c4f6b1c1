"""Counting failures to decide when the kiosk should stop serving and send residents elsewhere."""

from __future__ import annotations

from collections import deque

DEFAULT_LIMIT = 3  # failures ...
DEFAULT_WINDOW_S = 600.0  # ... within ten minutes put the kiosk out of service


class FailureCounter:
    """`record(now, source)` returns True once `limit` failures fall within `window_s` seconds.

    Each failure remembers its source ("card", "fingerprint", "printer", "bug") so that a device
    working again forgives its own failures only: a card read well says nothing about a sensor
    that failed for the last two residents."""

    def __init__(self, limit: int = DEFAULT_LIMIT, window_s: float = DEFAULT_WINDOW_S) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError("limit must be at least 1 and the window positive")
        self.limit = limit
        self.window_s = window_s
        self._times: deque[tuple[float, str]] = deque()

    def record(self, now: float, source: str = "") -> bool:
        self._times.append((now, source))
        while self._times and now - self._times[0][0] > self.window_s:
            self._times.popleft()
        return len(self._times) >= self.limit

    def reset(self, source: str | None = None) -> None:
        """Forget every failure, or those of one source."""
        if source is None:
            self._times.clear()
        else:
            self._times = deque(t for t in self._times if t[1] != source)

    @property
    def reached(self) -> bool:
        return len(self._times) >= self.limit

    def __len__(self) -> int:
        return len(self._times)
