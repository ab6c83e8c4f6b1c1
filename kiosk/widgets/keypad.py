"""The numeric keypad (PIN and phone number): the only kind of typing the kiosk ever asks for.

3×4 keys of at least 160×120 px, digits 64 px, a raised-dot mark on 5 (as on telephones, for
residents who find keys by touch), 清除 and 确定 as words. The entry shows as large dots (PIN) or
grouped digits (phone). A tries-left line is shown when the flow sets it. With `backspace`
(the phone number) the bottom-left key is 退格, which takes the last digit away, and 清除 is left
for the screen to place (`clear_key`, beside the number it empties).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.widgets.buttons import BigButton
from kiosk.widgets.theme import KEYPAD_DIGIT_PX, Theme

FILLED_DOT = "●"
EMPTY_DOT = "○"
PHONE_GROUPS = (3, 4, 4)  # 138 1234 5678
PORTRAIT_KEY_SCALE = 1.5  # a portrait screen has the height: taller keys, easier to hit
KEYPAD_COLUMN_W = 720  # px at scale 1, landscape: three keys of 224 px and two gaps (every keypad)


class EntryMode(enum.Enum):
    PIN = "pin"
    PHONE = "phone"


class KeyButton(BigButton):
    """A digit key; the 5 key paints a small raised-dot mark under its digit."""

    def __init__(self, theme: Theme, digit: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, "secondary", parent)
        self.digit = digit
        self.setText(digit)
        self.has_dot_mark = digit == "5"
        font = self.font()
        font.setPixelSize(theme.px(KEYPAD_DIGIT_PX))
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet(f"font-size: {theme.px(KEYPAD_DIGIT_PX)}px; font-weight: bold;")
        self._dot_radius = theme.px(6)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.has_dot_mark:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(self.palette().buttonText())
            painter.setPen(Qt.PenStyle.NoPen)
            centre = QPointF(self.width() / 2, self.height() - self._dot_radius * 3)
            painter.drawEllipse(centre, self._dot_radius, self._dot_radius)
            painter.end()


def tries_left_text(tries: int) -> str:
    """ "还可以再试 2 次". lupdate does not see translate()'s plural argument (the entry vanished
    from the .ts at every update), so the two English forms are two entries of the same source
    told apart by their comment: "1 more time" / "2 more times"."""
    if tries == 1:
        text = QCoreApplication.translate("Keypad", "还可以再试 %1 次", "one try left")
    else:
        text = QCoreApplication.translate("Keypad", "还可以再试 %1 次", "several tries left")
    return text.replace("%1", str(tries))


class Keypad(QWidget):
    """Signals: `changed(str)` after every key, `confirmed(str)` on 确定 with a full entry."""

    changed = Signal(str)
    confirmed = Signal(str)

    def __init__(
        self,
        theme: Theme,
        mode: EntryMode = EntryMode.PIN,
        length: int = 6,
        parent: QWidget | None = None,
        *,
        backspace: bool = False,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._mode = mode
        self._length = length
        self._value = ""
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.gap)
        layout.setContentsMargins(0, 0, 0, 0)
        self.display = QLabel(self)
        self.display.setObjectName("KeypadDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setStyleSheet(f"font-size: {theme.px(KEYPAD_DIGIT_PX)}px;")
        self.tries_label = QLabel(self)
        self.tries_label.setProperty("role", "secondary")
        self.tries_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tries_label.hide()
        layout.addWidget(self.display)
        layout.addWidget(self.tries_label)
        grid = QGridLayout()
        grid.setSpacing(theme.gap)
        self.keys: dict[str, KeyButton] = {}
        for index, digit in enumerate("123456789"):
            key = KeyButton(theme, digit, self)
            grid.addWidget(key, index // 3, index % 3)
            self.keys[digit] = key
        self.clear_key = BigButton(theme, "secondary", self)
        self.zero_key = KeyButton(theme, "0", self)
        self.keys["0"] = self.zero_key
        self.confirm_key = BigButton(theme, "primary", self)
        self.backspace_key: BigButton | None = None
        if backspace:  # 清除 is placed by the screen (see the module's docstring)
            self.backspace_key = BigButton(theme, "secondary", self)
            self.backspace_key.clicked.connect(self.backspace)
            grid.addWidget(self.backspace_key, 3, 0)
        else:
            grid.addWidget(self.clear_key, 3, 0)
        grid.addWidget(self.zero_key, 3, 1)
        grid.addWidget(self.confirm_key, 3, 2)
        layout.addLayout(grid)
        if theme.portrait:
            words = [b for b in (self.clear_key, self.backspace_key, self.confirm_key) if b]
            for button in (*self.keys.values(), *words):
                button.setFixedHeight(round(theme.target_h * PORTRAIT_KEY_SCALE))
        for digit, key in self.keys.items():
            key.clicked.connect(lambda _checked=False, d=digit: self.press(d))
        self.clear_key.clicked.connect(self.clear)
        self.confirm_key.clicked.connect(self._confirm)
        self._tries_left: int | None = None
        self.retranslate()
        self._refresh()

    @property
    def value(self) -> str:
        return self._value

    def press(self, digit: str) -> None:
        if len(self._value) < self._length and digit.isdigit() and len(digit) == 1:
            self._value += digit
            self._refresh()
            self.changed.emit(self._value)

    def backspace(self) -> None:
        """Take the last digit away (the 退格 key)."""
        if self._value:
            self._value = self._value[:-1]
            self._refresh()
            self.changed.emit(self._value)

    def clear(self) -> None:
        """Empty the entry (the 清除 key, and the session's clear hook)."""
        self._value = ""
        self._refresh()
        self.changed.emit(self._value)

    def set_tries_left(self, tries: int | None) -> None:
        self._tries_left = tries
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_key.setText(QCoreApplication.translate("Keypad", "清除"))
        self.confirm_key.setText(QCoreApplication.translate("Keypad", "确定"))
        if self.backspace_key is not None:
            self.backspace_key.setText(QCoreApplication.translate("Keypad", "退格"))
        if self._tries_left is None:
            self.tries_label.hide()
        else:
            self.tries_label.setText(tries_left_text(self._tries_left))
            self.tries_label.show()

    def display_text(self) -> str:
        if self._mode is EntryMode.PIN:
            shown = [FILLED_DOT] * len(self._value) + [EMPTY_DOT] * (
                self._length - len(self._value)
            )
            return " ".join(shown)
        groups: list[str] = []
        rest = self._value
        for size in PHONE_GROUPS:
            if rest:
                groups.append(rest[:size])
                rest = rest[size:]
        return " ".join(groups) if groups else " "

    def _refresh(self) -> None:
        self.display.setText(self.display_text())
        self.confirm_key.setEnabled(len(self._value) == self._length)

    def _confirm(self) -> None:
        if len(self._value) == self._length:
            self.confirmed.emit(self._value)
