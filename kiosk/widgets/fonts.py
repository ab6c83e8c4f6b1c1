"""Loading the shipped fonts and the family fallback chain.

The kiosk must render Chinese with no system font, including names with rare characters
(extension A such as 䶮, extension B such as 𠮷). WenQuanYi Micro Hei covers the common
ideographs; the Hanazono subsets cover extensions A and B. Qt falls back along the family list of
the application font (QFont.setFamilies).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.resources import asset

log = logging.getLogger(__name__)

# The files the statements engineer embeds in PDFs as well (kept in sync with LICENSES.md).
FONT_FILES: tuple[str, ...] = ("wqy-microhei.ttc", "HanaMinA-ExtA.ttf", "HanaMinB-ExtB.ttf")
PRIMARY_FAMILY = "WenQuanYi Micro Hei"
FALLBACK_FAMILIES: tuple[str, ...] = ("HanaMinA", "HanaMinB")

_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register the shipped fonts with Qt once per process; returns the families loaded."""
    if _loaded:
        return list(_loaded)
    for name in FONT_FILES:
        path = asset("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("font %s could not be loaded from %s", name, path)
            continue
        _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_loaded)


def families() -> list[str]:
    """The family list with fallbacks, primary first."""
    return [PRIMARY_FAMILY, *FALLBACK_FAMILIES]


def kiosk_font(pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families())
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def apply_application_font(app: QApplication, pixel_size: int) -> None:
    load_fonts()
    app.setFont(kiosk_font(pixel_size))
