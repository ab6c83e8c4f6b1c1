"""Every scene of the gallery rendered offscreen, and what a resident sees of it: the visible
widgets that carry text, each with its rectangle on the window (tests of contrast and language)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.core.sync_mark import SyncMark
from kiosk.demo.screenshots.gallery import SCENES, build_for_picture, dispose
from kiosk.screens.names import ScreenName

SIZES = [(1920, 1080), (1080, 1920), (1280, 1024)]


@dataclass(frozen=True)
class TextWidget:
    widget: QWidget
    text: str  # plain text (rich text without its markup)
    rect: QRect  # the part of the widget not clipped by its parents, in window coordinates
    under_overlay: bool  # behind the idle countdown overlay


def plain_text(widget: QLabel | QAbstractButton) -> str:
    text = widget.text()
    if (isinstance(widget, QLabel) and widget.textFormat().name == "RichText") or "<" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def text_widgets(app: KioskApp) -> list[TextWidget]:
    """Visible QLabels and buttons with text (tiles included), top bar and bottom bar too."""
    window = app.window
    overlay = app.overlay
    found: list[TextWidget] = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, QLabel | QAbstractButton) or not w.isVisible() or not w.text():
            continue
        region = w.visibleRegion().boundingRect()
        if region.isEmpty():
            continue
        rect = QRect(w.mapTo(window, region.topLeft()), region.size())
        under = overlay.isVisible() and not (w is overlay or overlay.isAncestorOf(w))
        found.append(TextWidget(w, plain_text(w), rect, under))
    return found


def rendered_scenes(
    config: Config, size: tuple[int, int], language: str
) -> Iterator[tuple[str, KioskApp]]:
    """Each scene in turn, shown and painted (a fresh KioskApp per scene, so that no scene
    inherits another's state; one QApplication for all). The top bar carries the
    technicians' offline mark, the smallest text of the kiosk, so that it is measured too."""
    for scene in SCENES:
        app = build_for_picture(config, size[0], size[1], language)
        try:
            app.navigator.go(ScreenName.HOME)
            SCENES[scene](app)
            app.frame.top_bar.set_sync_mark(SyncMark.OFFLINE)
            app.window.resize(app.geometry.size())
            app.window.show()
            QApplication.processEvents()
            yield scene, app
        finally:
            dispose(app)


def grab(app: KioskApp) -> QImage:
    return app.window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
