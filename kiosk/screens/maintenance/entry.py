"""Maintenance mode's entry: the technician PIN keypad (after a technician card or the hidden
corner sequence), plus the small widgets every maintenance screen shares.

Technician screens are denser than resident screens (body 24 px) but keep touch targets of at
least 160×120 px; a state is always a word and a mark, the colour only repeats it. They never
speak (residents are not addressed) and show no resident data beyond a masked test read.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ops.diagnostics import State
from kiosk.ops.technician import (
    PIN_MAX_DIGITS,
    PIN_MIN_DIGITS,
    AttemptOutcome,
    AttemptResult,
)
from kiosk.screens.base import NoParams, P, Screen, ScreenContext
from kiosk.screens.names import ScreenName
from kiosk.texts import Utterance
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.keypad import Keypad
from kiosk.widgets.theme import Theme

TECH_BODY_PX = 24  # ui-guide: maintenance screens may use 24 px body text
TECH_BUTTON_PX = 28
TECH_TITLE_PX = 30

STATE_MARKS: dict[State, str] = {
    State.OK: "✓",
    State.WARNING: "!",
    State.FAULT: "✕",
    State.UNKNOWN: "?",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Maintenance", text)


def state_word(state: State) -> str:
    """The mark and the word of a state, in the current language (never colour alone)."""
    words = {
        State.OK: QCoreApplication.translate("Maintenance", "正常"),
        State.WARNING: QCoreApplication.translate("Maintenance", "注意"),
        State.FAULT: QCoreApplication.translate("Maintenance", "故障"),
        State.UNKNOWN: QCoreApplication.translate("Maintenance", "未知"),
    }
    return f"{STATE_MARKS[state]} {words[state]}"


def state_colour(theme: Theme, state: State) -> str:
    p = theme.palette
    return {
        State.OK: p.success,
        State.WARNING: p.warning,
        State.FAULT: p.error,
        State.UNKNOWN: p.text_secondary,
    }[state]


def tech_label(theme: Theme, parent: QWidget, px: int = TECH_BODY_PX, bold: bool = False) -> QLabel:
    """A word-wrapped technician text line (24 px body)."""
    label = QLabel(parent)
    label.setProperty("role", "technician")
    label.setWordWrap(True)
    weight = "bold" if bold else "normal"
    label.setStyleSheet(f"font-size: {theme.px(px)}px; font-weight: {weight};")
    return label


def tech_button(theme: Theme, parent: QWidget, role: str = "secondary") -> BigButton:
    button = BigButton(theme, role, parent)
    button.setStyleSheet(f"font-size: {theme.px(TECH_BUTTON_PX)}px;")
    return button


class TechnicianScreen(Screen[P]):
    """Base of the maintenance screens: no voice, no language switch, only 返回 in the bar."""

    bar_buttons: ClassVar[frozenset[BarButton]] = frozenset({BarButton.BACK})
    resident_facing = False
    instruction_text: ClassVar[str] = ""

    def instruction(self) -> str:
        return tr(self.instruction_text)

    def utterances(self) -> list[Utterance]:
        return []


class TechnicianKeypad(Keypad):
    """The kiosk keypad accepting 6 to 8 digits (technician PINs vary in length)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, length=PIN_MAX_DIGITS, parent=parent)

    def display_text(self) -> str:
        return " ".join("●" * len(self.value)) if self.value else " "

    def _refresh(self) -> None:
        self.display.setText(self.display_text())
        self.confirm_key.setEnabled(len(self.value) >= PIN_MIN_DIGITS)

    def _confirm(self) -> None:
        if len(self.value) >= PIN_MIN_DIGITS:
            self.confirmed.emit(self.value)


class MaintenanceEntryScreen(TechnicianScreen[NoParams]):
    """The PIN keypad (the flow knows the entry method). Emits `pin_entered(pin)`; the flow
    answers with `show_result`, `show_locked` or `set_checking`."""

    name = ScreenName.MAINTENANCE
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：请输入维护密码"))
    bar_buttons = frozenset({BarButton.HOME})

    pin_entered = Signal(str)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        # landscape: the message beside the keypad (1280×1024 has no height for both)
        layout = QVBoxLayout(self) if theme.portrait else QHBoxLayout(self)
        layout.setContentsMargins(theme.margin, 0, theme.margin, theme.px(8))
        layout.setSpacing(theme.gap * 2)
        self.message = tech_label(theme, self, TECH_TITLE_PX, bold=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad = TechnicianKeypad(theme, self)
        self.keypad.confirmed.connect(self._confirmed)
        self.checking = False  # a PIN is being checked on the worker
        if theme.portrait:
            layout.addWidget(self.message)
            layout.addStretch(1)
            layout.addWidget(self.keypad)  # the whole width, like the residents' PIN keypad
            layout.addStretch(1)
        else:  # the dots move beside the keypad, with the message under them
            side = QVBoxLayout()
            self.keypad.display.setParent(self)
            side.addStretch(1)
            side.addWidget(self.keypad.display)
            side.addWidget(self.message)
            side.addStretch(1)
            layout.addLayout(side, 1)
            layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignCenter)

    def enter(self, params: NoParams) -> None:
        super().enter(params)
        # a new entry: the keypad answers again (a right PIN last time left it disabled while it
        # was checked, and the next stay's keypad ignored every touch); a lock still running is
        # shown by the flow right after (`MaintenanceFlow._show_lock`)
        self.set_checking(False)
        self.keypad.clear()
        self.message.setText("")

    def retranslate(self) -> None:
        self.keypad.retranslate()  # 清除 / 确定 in the screen's language

    def _confirmed(self, pin: str) -> None:
        self.keypad.clear()
        self.set_checking(True)
        self.pin_entered.emit(pin)

    def set_checking(self, checking: bool) -> None:
        self.checking = checking
        self.keypad.setEnabled(not checking)
        if checking:
            self.message.setText(QCoreApplication.translate("Maintenance", "正在核对…"))

    def show_result(self, result: AttemptResult) -> None:
        self.set_checking(False)
        o = result.outcome
        if o is AttemptOutcome.WRONG_PIN:
            text = QCoreApplication.translate("Maintenance", "密码不对，还可以再试 %1 次").replace(
                "%1", str(result.tries_left)
            )
        elif o is AttemptOutcome.LOCKED:
            self.show_locked(result.locked_for_s)
            return
        elif o is AttemptOutcome.NOT_CONFIGURED:
            text = QCoreApplication.translate(
                "Maintenance", "本机没有设置维护密码：kiosk-admin technician set-pin"
            )
        elif o is AttemptOutcome.PIN_FILE_BROKEN:
            text = QCoreApplication.translate("Maintenance", "维护密码文件无法读取：请查看日志")
        elif o is AttemptOutcome.NOT_RECORDED:
            text = QCoreApplication.translate(
                "Maintenance", "密码不对；错误次数无法保存（磁盘已满？），请查看日志"
            )
        else:
            text = ""
        self.message.setText(text)

    def show_locked(self, seconds: float) -> None:
        self.keypad.setEnabled(seconds <= 0)
        if seconds > 0:
            self.message.setText(
                QCoreApplication.translate("Maintenance", "错误次数过多，请 %1 秒后再试").replace(
                    "%1", f"{seconds:.0f}"
                )
            )
        else:
            self.message.setText("")

    def clear(self) -> None:
        super().clear()
        self.set_checking(False)
        self.keypad.clear()
        self.message.setText("")
