"""A result line that never relies on colour: icon + word + message ("✓ 成功  认证已完成")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.widgets.theme import STATUS_MARKS, Status

# For lupdate: the words of STATUS_MARKS, translated at display time.
_WORDS = (
    QT_TRANSLATE_NOOP("StatusBanner", "成功"),
    QT_TRANSLATE_NOOP("StatusBanner", "注意"),
    QT_TRANSLATE_NOOP("StatusBanner", "未成功"),
)


def status_word(status: Status) -> str:
    """The translated word (looked up at call time so a language switch applies)."""
    source = STATUS_MARKS[status][1]
    return QCoreApplication.translate("StatusBanner", source)


class StatusBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._status: Status | None = None
        self._message = ""
        self.hide()

    @property
    def status(self) -> Status | None:
        return self._status

    def show_status(self, status: Status, message: str) -> None:
        self._status = status
        self._message = message
        self.setProperty("status", status.value)
        self.style().unpolish(self)
        self.style().polish(self)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        if self._status is not None:
            icon = STATUS_MARKS[self._status][0]
            text = f"{icon} {status_word(self._status)}"
            self.setText(f"{text}　{self._message}" if self._message else text)

    def clear_status(self) -> None:
        self._status = None
        self._message = ""
        self.setText("")
        self.hide()
