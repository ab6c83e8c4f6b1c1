"""Illustrations: flat SVG drawings from assets/images, with a gently pulsing arrow.

`CardSlotIllustration` shows a card going into the slot; the arrow points where the reader really
is (config `terminal.reader_position`: "bottom-right", "bottom-left", "bottom-center", "right",
"left"). The pulse changes the arrow's opacity slowly (no flashing).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.resources import asset
from kiosk.widgets.theme import Theme

PULSE_MS = 80
PULSE_PERIOD_S = 1.6
MIN_OPACITY = 0.35

# Direction of the arrow (unit vector, screen coordinates) for each configured reader position.
_DIRECTIONS: dict[str, tuple[float, float]] = {
    "bottom-right": (0.7071, 0.7071),
    "bottom-left": (-0.7071, 0.7071),
    "bottom-center": (0.0, 1.0),
    "bottom": (0.0, 1.0),
    "right": (1.0, 0.0),
    "left": (-1.0, 0.0),
}


class SvgPicture(QWidget):
    """An SVG from assets/images, drawn centred and scaled to fit (aspect ratio kept)."""

    def __init__(self, theme: Theme, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.renderer = QSvgRenderer(str(asset("images", name)), self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(theme.px(200), theme.px(160))

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(520), self._theme.px(360))

    def picture_rect(self) -> QRectF:
        size = self.renderer.defaultSize()
        if size.isEmpty():
            return QRectF(self.rect())
        scale = min(self.width() / size.width(), self.height() / size.height())
        w, h = size.width() * scale, size.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer.render(painter, self.picture_rect())
        self.paint_extra(painter)
        painter.end()

    def paint_extra(self, painter: QPainter) -> None:
        """Subclasses draw on top (arrows)."""


class Pulse(QTimer):
    """The arrows' gentle pulse: while running (the owner starts it on show, stops it on hide),
    it repaints `widget` every PULSE_MS, and `opacity()` goes smoothly between MIN_OPACITY and 1
    once per PULSE_PERIOD_S: movement that draws the eye without flashing."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self.phase = 0.0
        self.setInterval(PULSE_MS)
        self.timeout.connect(self._advance)

    def _advance(self) -> None:
        self.phase = (self.phase + PULSE_MS / 1000 / PULSE_PERIOD_S) % 1.0
        self._widget.update()

    def opacity(self) -> float:
        return MIN_OPACITY + (1 - MIN_OPACITY) * (0.5 + 0.5 * math.sin(2 * math.pi * self.phase))


class CardSlotIllustration(SvgPicture):
    def __init__(self, theme: Theme, reader_position: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, "insert-card.svg", parent)
        self.reader_position = reader_position
        self.direction = _DIRECTIONS.get(reader_position, _DIRECTIONS["bottom-right"])
        self.pulse = Pulse(self)

    def showEvent(self, event: object) -> None:
        self.pulse.start()

    def hideEvent(self, event: object) -> None:
        self.pulse.stop()

    def arrow_opacity(self) -> float:
        return self.pulse.opacity()

    def paint_extra(self, painter: QPainter) -> None:
        """An arrow from the picture's centre towards the slot's side of the screen."""
        rect = self.picture_rect()
        dx, dy = self.direction
        length = min(rect.width(), rect.height()) * 0.28
        start = QPointF(
            rect.center().x() + dx * length * 0.9, rect.center().y() + dy * length * 0.9
        )
        end = QPointF(start.x() + dx * length, start.y() + dy * length)
        colour = QColor(self._theme.palette.primary)
        colour.setAlphaF(self.arrow_opacity())
        pen = QPen(colour, self._theme.px(18), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(start, end)
        head = self._theme.px(44)
        angle = math.atan2(dy, dx)
        left = QPointF(
            end.x() - head * math.cos(angle - 0.5), end.y() - head * math.sin(angle - 0.5)
        )
        right = QPointF(
            end.x() - head * math.cos(angle + 0.5), end.y() - head * math.sin(angle + 0.5)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        tip = QPointF(end.x() + dx * head * 0.3, end.y() + dy * head * 0.3)
        painter.drawPolygon(QPolygonF([tip, left, right]))
