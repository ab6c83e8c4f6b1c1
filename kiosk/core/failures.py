"""Counting failures to decide when the kiosk should stop serving and send residents elsewhere."""

from __future__ import annotations

from collections import deque

DEFAULT_LIMIT = 3  # failures ...
DEFAULT_WINDOW_S = 600.0  # ... within ten minutes put the kiosk out of service


class FailureCounter:
    """`record(now)` returns True once `limit` failures fall within `window_s` seconds."""

    def __init__(self, limit: int = DEFAULT_LIMIT, window_s: float = DEFAULT_WINDOW_S) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError("limit must be at least 1 and the window positive")
        self.limit = limit
        self.window_s = window_s
        self._times: deque[float] = deque()

    def record(self, now: float) -> bool:
        self._times.append(now)
        while self._times and now - self._times[0] > self.window_s:
            self._times.popleft()
        return len(self._times) >= self.limit

    def reset(self) -> None:
        self._times.clear()

    def __len__(self) -> int:
        return len(self._times)
