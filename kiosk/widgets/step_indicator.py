"""Where the resident is in a flow, in words: "① 插卡 — ② 按指纹 — ③ 完成".

The current step is bold and underlined, finished steps carry a tick; numbers alone never carry the
meaning (the words do).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨"


class StepIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBarText")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._steps: list[str] = []
        self._current = -1

    @property
    def steps(self) -> list[str]:
        return list(self._steps)

    @property
    def current(self) -> int:
        return self._current

    def set_steps(self, steps: list[str], current: int) -> None:
        """`steps` are already-translated words; `current` is 0-based (-1: none)."""
        self._steps = list(steps)
        self._current = current
        parts: list[str] = []
        for i, word in enumerate(steps):
            mark = "✓" if i < current else CIRCLED_DIGITS[i]
            item = f"{mark} {escape(word)}"
            parts.append(f"<b><u>{item}</u></b>" if i == current else item)
        self.setText(" — ".join(parts))
        self.setVisible(bool(steps))

    def plain_text(self) -> str:
        """The text without markup (tests, logs)."""
        return " — ".join(
            f"{'✓' if i < self._current else CIRCLED_DIGITS[i]} {w}"
            for i, w in enumerate(self._steps)
        )
