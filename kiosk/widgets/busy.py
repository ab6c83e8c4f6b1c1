"""A wait that shows it is alive: a calm ring of dots drawn by the kiosk, and words past 3 s.

A screen that waits (the certification's lookup, the statement being prepared) calls
`start(words)` when the wait begins and `stop()` when it ends. The first `SHOW_AFTER_S` (0.5 s)
show nothing, so a quick answer does not flicker; then eight dots go slowly round (one turn in
about 1.6 s, the leading dot dark and the others fading: movement, no flashing); past
`EXPLAIN_AFTER_S` (3 s) the words say what the kiosk is waiting for ("正在查询您的认证信息…").

The state follows the elapsed time read from `clock` (monotonic seconds) each `tick()`; the
widget's QTimer ticks every `TICK_MS`. Tests replace `clock` and call `tick()`, or wait on
`state`, instead of sleeping.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.widgets.theme import Theme

SHOW_AFTER_S = 0.5  # a shorter wait shows nothing
EXPLAIN_AFTER_S = 3.0  # a longer one says what it waits for
TICK_MS = 100
DOTS = 8
STEP_S = 0.2  # the leading dot moves on one place this often (a turn: DOTS * STEP_S)
RING_PX = 120  # the ring's diameter at scale 1
WORDS_MIN_W = 760  # px at scale 1: the words' line, narrower than a portrait screen


class BusyState(enum.Enum):
    IDLE = "idle"  # no wait
    WAITING = "waiting"  # a wait began less than 0.5 s ago: nothing shown yet
    MOVING = "moving"  # the dots go round
    EXPLAINED = "explained"  # the dots, and the words of what it waits for


class BusyDots(QWidget):
    """The ring itself: `step` says which dot leads."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(theme.palette.primary)
        self.step = 0
        side = theme.px(RING_PX)
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        side = min(self.width(), self.height())
        dot = side / 7
        radius = side / 2 - dot
        centre = QPointF(self.width() / 2, self.height() / 2)
        for i in range(DOTS):
            behind = (self.step - i) % DOTS  # 0: the leading dot
            colour = QColor(self._colour)
            colour.setAlphaF(max(0.15, 1.0 - behind * 0.14))
            painter.setBrush(colour)
            angle = 2 * math.pi * i / DOTS - math.pi / 2
            at = centre + QPointF(math.cos(angle) * radius, math.sin(angle) * radius)
            r = dot / 2 * (1.0 if behind else 1.15)
            painter.drawEllipse(at, r, r)
        painter.end()


class BusyIndicator(QWidget):
    """`state_changed(BusyState)` when the wait passes 0.5 s, 3 s, or ends."""

    state_changed = Signal(object)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], float] = time.monotonic
        self.state = BusyState.IDLE
        self._started = 0.0
        self._words = ""
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.gap)
        self.dots = BusyDots(theme, self)
        self.words = QLabel(self)
        self.words.setProperty("role", "secondary")
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # room for the words in two lines, laid out before they appear (they never overlap)
        self.words.setMinimumWidth(theme.px(WORDS_MIN_W))
        self.words.setMinimumHeight(round(theme.secondary_px * 1.5 * 2))
        for w in (self.dots, self.words):
            policy = w.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # nothing jumps when they appear
            w.setSizePolicy(policy)
            w.hide()
        layout.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.words)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def start(self, words: str) -> None:
        """A wait begins; `words` (already translated) say what for, once it lasts."""
        self._words = words
        self._started = self.clock()
        self.timer.start()
        self._set_state(BusyState.WAITING)

    def set_words(self, words: str) -> None:
        """New words for the same wait (a language switch)."""
        self._words = words
        if self.state is BusyState.EXPLAINED:
            self.words.setText(words)

    def stop(self) -> None:
        self.timer.stop()
        self._set_state(BusyState.IDLE)

    def elapsed(self) -> float:
        return self.clock() - self._started if self.state is not BusyState.IDLE else 0.0

    def tick(self) -> None:
        if self.state is BusyState.IDLE:
            return
        elapsed = self.elapsed()
        self.dots.step = int(elapsed / STEP_S) % DOTS
        if elapsed >= EXPLAIN_AFTER_S:
            self._set_state(BusyState.EXPLAINED)
        elif elapsed >= SHOW_AFTER_S:
            self._set_state(BusyState.MOVING)
        self.dots.update()

    def _set_state(self, state: BusyState) -> None:
        if state is self.state:
            return
        self.state = state
        self.dots.setVisible(state in (BusyState.MOVING, BusyState.EXPLAINED))
        self.words.setText(self._words if state is BusyState.EXPLAINED else "")
        self.words.setVisible(state is BusyState.EXPLAINED)
        self.state_changed.emit(state)
