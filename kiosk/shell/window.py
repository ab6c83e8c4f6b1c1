"""The kiosk's only window: frameless, full screen, and with no way out for a resident.

No close button (frameless), Escape and Alt+F4 swallowed, close events ignored unless the
application is quitting on purpose (`allow_close()`). Under a bare X server without a window
manager `showFullScreen()` keeps the initial size, so the geometry is set to the screen's first.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

log = logging.getLogger(__name__)

WINDOW_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window


class KioskWindow(QWidget):
    def __init__(self, central: QWidget) -> None:
        super().__init__(None, WINDOW_FLAGS)
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCursor(Qt.CursorShape.BlankCursor)  # touch screen: no pointer to distract
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(central)
        self._closing_allowed = False

    def fill_screen(self, geometry: QRect, fullscreen: bool = True) -> None:
        self.setGeometry(geometry)
        if fullscreen:
            self.showFullScreen()
            self.setGeometry(geometry)  # bare X without a window manager ignores the state
        else:
            self.show()

    def allow_close(self) -> None:
        """The application is quitting on purpose (maintenance exit, signal, tests)."""
        self._closing_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_allowed:
            event.accept()
        else:
            log.info("close request ignored (kiosk mode)")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape, Alt+F4 and everything else from a stray keyboard: swallowed.
        event.accept()
