"""Language switching through Qt's translation system.

Simplified Chinese is the source language (no translator installed); English loads
assets/translations/kiosk_en.qm. Installing or removing a translator makes Qt send a
LanguageChange event to every widget; screens re-read their texts in `retranslate()`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from kiosk.resources import asset

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("zh", "en")
SOURCE_LANGUAGE = "zh"


def qm_path(language: str) -> str:
    return str(asset("translations", f"kiosk_{language}.qm"))


class Translations(QObject):
    """Owns the application's translator; `language_changed(code)` after every switch."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = SOURCE_LANGUAGE
        self._translator: QTranslator | None = None

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
        if language == self._language:
            return
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            if translator.load(qm_path(language)):
                QCoreApplication.installTranslator(translator)
                self._translator = translator
            else:  # the kiosk keeps working in Chinese rather than failing
                log.error("translation file %s is missing or unreadable", qm_path(language))
        self._language = language
        self.language_changed.emit(language)

    def close(self) -> None:
        """Remove our translator from the application (several kiosks in one process: tests)."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self._language = SOURCE_LANGUAGE

    def toggle(self) -> None:
        self.set_language("en" if self._language == "zh" else "zh")
