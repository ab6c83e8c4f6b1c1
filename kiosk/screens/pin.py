"""The card PIN on the large keypad: the statement flow's proof that the card's owner is here.

The screen only collects the six digits and shows what the card said: it emits `pin_entered`,
the statement flow asks the card service (worker thread) to VERIFY, and calls back
`show_checking()`, `show_wrong(tries_left)` or `show_blocked()`. Tries left are shown and spoken;
a blocked PIN sends the resident to the counter. The digits never leave the keypad except in that
one signal, and `clear()` empties it.

Landscape screens are too short for the display above a 4-row keypad of 120 px keys, so there the
dots, the tries line and the status sit in a column to the left of the keys.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, secondary_label
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture
from kiosk.widgets.keypad import EntryMode, Keypad
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.theme import Status

PIN_LENGTH = 6  # the social-security card's PIN (VERIFY with 3 BCD bytes)
KEYPAD_COLUMN_W = 720  # px at scale 1: three keys of 224 px and two gaps


def statement_steps() -> list[str]:
    return [
        QCoreApplication.translate("StatementFlow", "插卡"),
        QCoreApplication.translate("StatementFlow", "输密码"),
        QCoreApplication.translate("StatementFlow", "看证明"),
        QCoreApplication.translate("StatementFlow", "打印"),
    ]


def where_to_go(ctx: ScreenContext) -> str:
    """ "请到镇便民服务中心1号窗口办理" from the configured counter."""
    return QCoreApplication.translate("StatementFlow", "请到%1办理").replace(
        "%1", ctx.counter_location()
    )


class PinState(enum.Enum):
    ENTRY = "entry"
    CHECKING = "checking"
    WRONG = "wrong"
    BLOCKED = "blocked"


class PinScreen(Screen):
    name = "pin"
    prompt_id = "pin"
    # no 返回: behind this screen is "insert your card", with the card already in
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    pin_entered = Signal(str)  # six digits, for the card's VERIFY (never logged)
    finished = Signal()  # 返回首页 after a blocked PIN: the session ends (card reminder)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.state = PinState.ENTRY
        self.tries_left: int | None = None
        self.keypad = Keypad(theme, EntryMode.PIN, PIN_LENGTH, self)
        self.keypad.confirmed.connect(self._confirmed)
        self.status = secondary_label(self)
        self.status.hide()
        # the blocked state: counter picture, where to go, one button
        self.blocked = QWidget(self)
        blocked_layout = QVBoxLayout(self.blocked)
        blocked_layout.setContentsMargins(0, 0, 0, 0)
        blocked_layout.setSpacing(theme.gap)
        self.banner = StatusBanner(self.blocked)
        self.banner.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.picture = SvgPicture(theme, "counter.svg", self.blocked)
        self.where = secondary_label(self.blocked)
        self.where.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.home_button = BigButton(theme, "primary", self.blocked)
        self.home_button.setMinimumWidth(theme.px(420))
        self.home_button.clicked.connect(self.finished)
        blocked_layout.addWidget(self.banner)
        blocked_layout.addWidget(self.picture, 1)
        blocked_layout.addWidget(self.where)
        blocked_layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.blocked.hide()
        self._build_layout(ctx)

    def _build_layout(self, ctx: ScreenContext) -> None:
        theme = ctx.theme
        m = theme.margin
        outer = QVBoxLayout(self)
        outer.setContentsMargins(m, 0, m, m)
        outer.setSpacing(theme.gap)
        self.entry = QWidget(self)
        entry_layout: QBoxLayout
        if theme.portrait:
            entry_layout = QVBoxLayout(self.entry)
            entry_layout.addWidget(self.keypad)
            entry_layout.addWidget(self.status)
            entry_layout.addStretch(1)
        else:
            entry_layout = QHBoxLayout(self.entry)
            side = QVBoxLayout()
            side.setSpacing(theme.gap)
            side.addStretch(1)
            side.addWidget(self.keypad.display)  # moved out of the keypad, beside the keys
            side.addWidget(self.keypad.tries_label)
            side.addWidget(self.status)
            side.addStretch(1)
            entry_layout.addLayout(side, 1)
            self.keypad.setFixedWidth(theme.px(KEYPAD_COLUMN_W))
            entry_layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignTop)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.setSpacing(theme.gap * 2)
        outer.addWidget(self.entry, 1)
        outer.addWidget(self.blocked, 1)

    # --- what the frame shows and says -------------------------------------------------------
    def steps(self) -> tuple[list[str], int] | None:
        return statement_steps(), 1

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = [self._prompt()]
        if self.state is PinState.WRONG and self.tries_left is not None:
            said.append(Dynamic(self.keypad.tries_label.text()))  # "还可以再试 2 次"
        if self.state is PinState.BLOCKED:
            said.append(Dynamic(where_to_go(self.ctx)))
        return said

    def _prompt(self) -> str:
        return {
            PinState.ENTRY: "pin",
            PinState.CHECKING: "pin_checking",
            PinState.WRONG: "pin_wrong",
            PinState.BLOCKED: "pin_blocked",
        }[self.state]

    # --- states (called by the statement flow) ------------------------------------------------
    def enter(self, params: dict[str, Any]) -> None:
        self.keypad.clear()
        self._set_state(PinState.ENTRY, announce=False)  # the navigator presents it
        super().enter(params)

    def show_checking(self) -> None:
        self._set_state(PinState.CHECKING)

    def show_wrong(self, tries_left: int) -> None:
        self.tries_left = tries_left
        self.keypad.clear()
        self.keypad.set_tries_left(tries_left)
        self._set_state(PinState.WRONG)

    def show_blocked(self) -> None:
        self.keypad.clear()
        self._set_state(PinState.BLOCKED)

    def _set_state(self, state: PinState, announce: bool = True) -> None:
        self.state = state
        blocked = state is PinState.BLOCKED
        self.entry.setVisible(not blocked)
        self.blocked.setVisible(blocked)
        self.keypad.setEnabled(state in (PinState.ENTRY, PinState.WRONG))
        self.retranslate()
        self._relayout()
        if announce:
            self.prompt_changed.emit()

    def _relayout(self) -> None:
        """The tries line appears inside the keypad: lay out again now, so the keys never sit on
        a stale, smaller size until the next event round."""
        for widget in (self.keypad, self.entry, self):
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
                layout.activate()

    def _confirmed(self, pin: str) -> None:
        if self.state in (PinState.ENTRY, PinState.WRONG):
            self.show_checking()
            self.pin_entered.emit(pin)

    # --- life cycle ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.keypad.retranslate()
        if self.state is PinState.CHECKING:
            self.status.setText(prompt_text("pin_checking"))
            self.status.show()
        else:
            self.status.hide()
        self.banner.show_status(Status.ERROR, "")
        self.where.setText(where_to_go(self.ctx))
        self.home_button.setText(QCoreApplication.translate("StatementFlow", "返回首页"))

    def clear(self) -> None:
        super().clear()
        self.keypad.clear()
        self.keypad.set_tries_left(None)
        self.tries_left = None
        self.state = PinState.ENTRY
        self.entry.show()
        self.blocked.hide()
        self.keypad.setEnabled(True)
