"""A flat drawing of a hand with the enrolled finger highlighted, and an arrow down to the sensor.

Drawn with QPainter rather than an SVG because the highlighted finger changes (the roster says which
finger: right_index, left_thumb, ...). The left hand is the right hand mirrored. The arrow pulses
gently (opacity), never flashes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.widgets.illustrations import Pulse
from kiosk.widgets.theme import Theme

SKIN = "#f3d9c4"
OUTLINE = "#8a6a55"
HIGHLIGHT = "#f0a020"

# Fingers of a right hand seen from the back, palm at the bottom: (x centre, top y, width,
# length) in a 100 × 100 box; the thumb is drawn tilted.
_FINGERS: dict[str, tuple[float, float, float, float]] = {
    "index": (40.0, 8.0, 11.0, 40.0),
    "middle": (53.0, 4.0, 11.0, 44.0),
    "ring": (66.0, 9.0, 10.5, 39.0),
    "little": (77.5, 20.0, 9.5, 29.0),
}
_THUMB = (22.0, 40.0, 12.0, 30.0)  # x, y, w, length (rotated)
_THUMB_ANGLE = -40.0


def split_finger(finger: str) -> tuple[str, str]:
    """ "right_index" -> ("right", "index"); unknown names default to the right index finger."""
    hand, _, name = finger.partition("_")
    if hand not in ("left", "right") or name not in (*_FINGERS, "thumb"):
        return "right", "index"
    return hand, name


class HandIllustration(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.finger = "right_index"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(theme.px(200), theme.px(160))
        self.pulse = Pulse(self)

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(520), self._theme.px(360))

    def set_finger(self, finger: str) -> None:
        self.finger = finger
        self.update()

    def showEvent(self, event: object) -> None:
        self.pulse.start()

    def hideEvent(self, event: object) -> None:
        self.pulse.stop()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height() / 1.25)
        box = QRectF((self.width() - side) / 2, 0, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hand, which = split_finger(self.finger)
        painter.save()
        painter.translate(box.left(), box.top())
        painter.scale(side / 100, side / 100)
        if hand == "left":
            painter.translate(100, 0)
            painter.scale(-1, 1)
        self._paint_hand(painter, which)
        painter.restore()
        self._paint_arrow(painter, box)
        painter.end()

    def _paint_hand(self, painter: QPainter, which: str) -> None:
        pen = QPen(QColor(OUTLINE), 1.2)
        painter.setPen(pen)
        painter.setBrush(QColor(SKIN))
        painter.drawRoundedRect(QRectF(30, 42, 54, 46), 12, 12)  # palm
        for name, (x, top, w, length) in _FINGERS.items():
            painter.setBrush(QColor(HIGHLIGHT if name == which else SKIN))
            painter.drawRoundedRect(QRectF(x - w / 2, top, w, length + 6), w / 2, w / 2)
        painter.save()
        tx, ty, tw, tl = _THUMB
        painter.translate(tx + tw / 2, ty + tl)
        painter.rotate(_THUMB_ANGLE)
        painter.setBrush(QColor(HIGHLIGHT if which == "thumb" else SKIN))
        painter.drawRoundedRect(QRectF(-tw / 2, -tl, tw, tl + 4), tw / 2, tw / 2)
        painter.restore()
        # cover the finger bases with the palm again so the joints look natural
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SKIN))
        painter.drawRoundedRect(QRectF(31, 47, 52, 40), 10, 10)

    def arrow_opacity(self) -> float:
        return self.pulse.opacity()

    def _paint_arrow(self, painter: QPainter, box: QRectF) -> None:
        """From under the hand down to the sensor (below the screen), with the sensor drawn."""
        colour = QColor(self._theme.palette.primary)
        colour.setAlphaF(self.arrow_opacity())
        x = box.center().x()
        start = QPointF(x, box.top() + box.height() * 0.92)
        end = QPointF(x, min(self.height() - self._theme.px(30), start.y() + box.height() * 0.18))
        if end.y() <= start.y():
            return
        pen = QPen(colour, self._theme.px(14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(start, QPointF(x, end.y() - self._theme.px(10)))
        head = self._theme.px(30)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF([QPointF(x, end.y() + head * 0.4),
                       QPointF(x - head * 0.7, end.y() - head * 0.5),
                       QPointF(x + head * 0.7, end.y() - head * 0.5)])
        )  # fmt: skip
        sensor = QPainterPath()
        w = self._theme.px(120)
        sensor.addRoundedRect(QRectF(x - w / 2, end.y() + head * 0.5, w, self._theme.px(16)), 6, 6)
        painter.setBrush(QColor(OUTLINE))
        painter.drawPath(sensor)
