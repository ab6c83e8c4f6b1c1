"""Big touch targets: `BigButton` for actions and `Tile` (icon above a short label) for services.

Both are QPushButtons styled by the theme's `role` property; minimum sizes come from the theme so
that no target is ever smaller than 160×120 px at the reference height.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from kiosk.resources import asset
from kiosk.widgets.theme import PRIMARY_PX, Theme


class BigButton(QPushButton):
    """A large button; `role` is "primary" (deep blue), "secondary" or "bar" (bottom bar)."""

    def __init__(self, theme: Theme, role: str = "primary", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setMinimumSize(theme.target_w, theme.target_h)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no keyboard focus rings on a touch kiosk
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(theme.target_h)


MAX_TILE_W = 560
MAX_TILE_H = 360


class Tile(QPushButton):
    """A service tile: an SVG icon (assets/images/icons/<icon>.svg) above a 2–4 character label.

    Painted by hand so the icon and the label scale together with the tile's size.
    """

    ICON_SHARE = 0.45  # of the tile height

    def __init__(self, theme: Theme, icon: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setProperty("role", "primary")
        self.setMinimumSize(theme.px(260), theme.px(200))
        self.setMaximumSize(theme.px(MAX_TILE_W), theme.px(MAX_TILE_H))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._renderer = QSvgRenderer(str(asset("images", "icons", f"{icon}.svg")), self)
        self.icon_name = icon

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(400), self._theme.px(260))

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = option.text
        option.text = ""  # the style draws the background and frame; icon and label are ours
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.rect()
        icon_h = r.height() * self.ICON_SHARE
        label_h = self._theme.px(PRIMARY_PX) * 1.4
        top = (r.height() - icon_h - label_h - self._theme.px(12)) / 2
        if self._renderer.isValid():
            self._renderer.render(painter, QRectF((r.width() - icon_h) / 2, top, icon_h, icon_h))
        painter.setFont(self.font())
        painter.setPen(self.palette().buttonText().color())
        label_rect = QRectF(0, top + icon_h + self._theme.px(12), r.width(), label_h)
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
