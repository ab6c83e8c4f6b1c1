"""Where the resident is in a flow, in words: "① 插卡 — ② 按指纹 — ③ 完成".

The current step is bold and underlined, finished steps carry a tick; numbers alone never carry the
meaning (the words do). A flow that stopped at a step (a failed certification, a blocked PIN, a
failed print) marks that step ✕ instead of its number, and nothing after it as done: the indicator
never says a step was done that was not. A screen's `steps()` returns `Steps` (or the older
`(words, current)` pair), computed from its state each time the frame asks.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨"
FAILED_MARK = "✕"


class Steps(NamedTuple):
    """What the indicator shows: the words, the current step (0-based) and whether the flow
    stopped there (failed). A tuple, so `set_steps(*steps)` takes it as it takes a pair."""

    words: list[str]
    current: int
    failed: bool = False


class StepIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBarText")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._steps: list[str] = []
        self._current = -1
        self._failed = False

    @property
    def steps(self) -> list[str]:
        return list(self._steps)

    @property
    def current(self) -> int:
        return self._current

    @property
    def failed(self) -> bool:
        return self._failed

    def set_steps(self, steps: list[str], current: int, failed: bool = False) -> None:
        """`steps` are already-translated words; `current` is 0-based (-1: none); `failed`: the
        flow stopped at the current step (✕)."""
        self._steps = list(steps)
        self._current = current
        self._failed = failed
        parts: list[str] = []
        for i, word in enumerate(steps):
            item = f"{self._mark(i)} {escape(word)}"
            parts.append(f"<b><u>{item}</u></b>" if i == current else item)
        self.setText(" — ".join(parts))
        self.setVisible(bool(steps))

    def plain_text(self) -> str:
        """The text without markup (tests, logs)."""
        return " — ".join(f"{self._mark(i)} {w}" for i, w in enumerate(self._steps))

    def _mark(self, i: int) -> str:
        if i < self._current:
            return "✓"
        if i == self._current and self._failed:
            return FAILED_MARK
        return CIRCLED_DIGITS[i]
