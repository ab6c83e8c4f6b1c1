"""The idle overlay: "您还需要更多时间吗？", a large countdown and one huge button.

It covers the whole window (a child of it, raised on top), so any touch lands on the overlay; a
touch anywhere extends the session, as does the button. It is painted opaque: the screen behind is
hidden, not dimmed (dimmed, its text stayed half-readable at 2–3:1, below the 7:1 every text on the
kiosk keeps; tests/ui/screens/test_contrast.py). The overlay owns a one-second tick timer;
`tick()` is public so tests can drive the countdown without waiting.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.texts import prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.theme import Theme

TICK_MS = 1000


def seconds_left_text(seconds: int) -> str:
    """ "30 秒后回到首页". Like the keypad's tries left: lupdate drops a translate() call with a
    plural argument (the entry never reached the .ts and English showed the Chinese), so the two
    English forms are two entries of one source told apart by their comment."""
    if seconds == 1:
        text = QCoreApplication.translate("CountdownOverlay", "%1 秒后回到首页", "one second left")
    else:
        text = QCoreApplication.translate(
            "CountdownOverlay", "%1 秒后回到首页", "several seconds left"
        )
    return text.replace("%1", str(seconds))


class CountdownOverlay(QWidget):
    """Signals: `extended()` when the resident wants more time, `expired()` at zero."""

    extended = Signal()
    expired = Signal()

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("CountdownOverlay")
        self._theme = theme
        self._remaining = 0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QWidget(self)
        self.panel.setObjectName("CountdownPanel")
        self.panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel_layout = QVBoxLayout(self.panel)
        m = theme.px(48)
        panel_layout.setContentsMargins(m, m, m, m)
        panel_layout.setSpacing(theme.gap)
        self.question = QLabel(self.panel)
        self.question.setObjectName("Instruction")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.number = QLabel(self.panel)
        self.number.setObjectName("CountdownNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds_label = QLabel(self.panel)
        self.seconds_label.setProperty("role", "secondary")
        self.seconds_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = BigButton(theme, "primary", self.panel)
        self.button.setFixedHeight(theme.px(180))
        self.button.clicked.connect(self._extend)
        for w in (self.question, self.number, self.seconds_label, self.button):
            panel_layout.addWidget(w)
        outer.addWidget(self.panel)
        self.hide()
        self.retranslate()

    @property
    def remaining(self) -> int:
        return self._remaining

    @property
    def running(self) -> bool:
        return self.isVisible() and self._remaining > 0

    def start(self, seconds: float) -> None:
        self._remaining = max(1, math.ceil(seconds))
        self._sync_geometry()
        self._refresh()
        self.show()
        self.raise_()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.hide()

    def tick(self) -> None:
        if self._remaining <= 0:
            return
        self._remaining -= 1
        self._refresh()
        if self._remaining == 0:
            self.stop()
            self.expired.emit()

    def retranslate(self) -> None:
        self.question.setText(prompt_text("idle"))
        self.button.setText(QCoreApplication.translate("CountdownOverlay", "需要更多时间"))
        self._refresh()

    def _refresh(self) -> None:
        self.number.setText(str(self._remaining))
        self.seconds_label.setText(seconds_left_text(self._remaining))

    def _extend(self) -> None:
        self.stop()
        self.extended.emit()

    def _sync_geometry(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere on the dimmed area counts as "more time"."""
        self._extend()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Opaque: nothing of the screen behind shows through."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._theme.palette.overlay))
        painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._sync_geometry()
        return False
