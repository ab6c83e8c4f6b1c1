"""Touches: the idle timer, and the technicians' hidden four-corner sequence.

`ActivityWatcher` is an application-wide event filter that reports every press/touch (and key,
for a technician's keyboard) without consuming it. `CornerSequence` recognises the configured
sequence of corner touches (`[maintenance] touch_sequence`) within a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QInputEvent, QMouseEvent, QTouchEvent

CORNER_SHARE = 0.12  # a corner is the outer 12 % of the shorter side
SEQUENCE_WINDOW_S = 8.0

_PRESS_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress)


class ActivityWatcher(QObject):
    """One `touched` per press, where the finger is. Qt shows an application-wide filter the same
    press several times: first addressed to the window (not a widget), then to the widget under
    the finger and, while it is ignored, to each parent; counting each copy would feed the corner
    sequence a phantom top-left (the window's copy has no widget position) and repeats that
    reset it, so a real finger could never complete it."""

    touched = Signal(QPoint)  # global position (0,0 for keys)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last: tuple[QEvent.Type, int] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _PRESS_EVENTS:
            return False
        if isinstance(event, QMouseEvent | QTouchEvent) and not watched.isWidgetType():
            return False  # the window's copy: the widget under the finger gets it next
        if isinstance(event, QInputEvent) and event.timestamp():
            key = (event.type(), event.timestamp())
            if key == self._last:
                return False  # the same press passed on to a parent
            self._last = key
        position = QPoint()
        if isinstance(event, QMouseEvent):
            position = event.globalPosition().toPoint()
        elif isinstance(event, QTouchEvent) and event.points():
            position = event.points()[0].globalPosition().toPoint()
        self.touched.emit(position)
        return False


class IdleTimer(QObject):
    """Fires `expired` after `seconds` without `poke()`; stopped and started by the application."""

    expired = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(round(seconds * 1000))
        self.timer.timeout.connect(self.expired)

    def poke(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def active(self) -> bool:
        return self.timer.isActive()


def corner_of(point: QPoint, area: QRect) -> str | None:
    reach = min(area.width(), area.height()) * CORNER_SHARE
    left = point.x() - area.left() <= reach
    right = area.right() - point.x() <= reach
    top = point.y() - area.top() <= reach
    bottom = area.bottom() - point.y() <= reach
    vertical = "top" if top else "bottom" if bottom else None
    horizontal = "left" if left else "right" if right else None
    if vertical and horizontal:
        return f"{vertical}-{horizontal}"
    return None


class CornerSequence(QObject):
    triggered = Signal()

    def __init__(
        self,
        sequence: tuple[str, ...],
        area: Callable[[], QRect],
        clock: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sequence = sequence
        self._area = area
        self._clock = clock
        self._progress = 0
        self._started = 0.0

    def feed(self, point: QPoint) -> None:
        if not self.sequence:
            return
        corner = corner_of(point, self._area())
        now = self._clock()
        if self._progress and now - self._started > SEQUENCE_WINDOW_S:
            self._progress = 0
        if corner == self.sequence[self._progress]:
            if self._progress == 0:
                self._started = now
            self._progress += 1
            if self._progress == len(self.sequence):
                self._progress = 0
                self.triggered.emit()
        else:
            self._progress = 1 if corner == self.sequence[0] else 0
            self._started = now
