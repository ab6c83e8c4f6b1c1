"""The card PIN on the large keypad: the statement flow's proof that the card's owner is here.

The screen only collects the six digits and shows what the card said: it emits `pin_entered`,
the statement flow asks the card service (worker thread) to VERIFY, and calls back
`show_checking()`, `show_wrong(tries_left)` or `show_blocked()`. Tries left are shown and spoken;
a blocked PIN sends the resident to the counter. The digits never leave the keypad except in that
one signal, and `clear()` empties it.

"Card + PIN, or card + fingerprint" (issue 6): for a resident with enrolled fingers, when the
fingerprint service is there, the flow calls `offer_finger(True)` and a 按指纹 button appears; it
emits `finger_requested` (the flow shows the finger screen, identifies, records nothing). When the
finger is not recognised after every attempt, the flow comes back with `show_finger_failed()`:
the PIN is asked for kindly, with the counter as the other way.

Landscape screens are too short for the display above a 4-row keypad of 120 px keys, so there the
dots, the tries line and the status sit in a column to the left of the keys.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture
from kiosk.widgets.keypad import EntryMode, Keypad
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.step_indicator import Steps
from kiosk.widgets.theme import Status

PIN_LENGTH = 6  # the social-security card's PIN (VERIFY with 3 BCD bytes)
KEYPAD_COLUMN_W = 720  # px at scale 1: three keys of 224 px and two gaps


def statement_steps(by_finger: bool = False) -> list[str]:
    return [
        QCoreApplication.translate("StatementFlow", "插卡"),
        QCoreApplication.translate("StatementFlow", "按指纹")
        if by_finger
        else QCoreApplication.translate("StatementFlow", "输密码"),
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
    FINGER_FAILED = "finger_failed"  # the finger was not recognised: the PIN, or the counter
    FINGER_UNAVAILABLE = "finger_unavailable"  # the sensor failed: the PIN, or the counter


_TYPING = frozenset(
    {PinState.ENTRY, PinState.WRONG, PinState.FINGER_FAILED, PinState.FINGER_UNAVAILABLE}
)


class PinScreen(Screen[NoParams]):
    name = ScreenName.PIN
    prompt_id = "pin"
    # no 返回: behind this screen is "insert your card", with the card already in
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    pin_entered = Signal(str)  # six digits, for the card's VERIFY (never logged)
    finished = Signal()  # 返回首页 after a blocked PIN: the session ends (card reminder)
    finger_requested = Signal()  # 按指纹: identify by fingerprint instead of the PIN

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.state = PinState.ENTRY
        self.tries_left: int | None = None
        self.keypad = Keypad(theme, EntryMode.PIN, PIN_LENGTH, self)
        self.keypad.confirmed.connect(self._confirmed)
        self.status = secondary_label(self)
        self.status.hide()
        self.finger_offered = False
        self.finger_button = BigButton(theme, "secondary", self)
        self.finger_button.setMinimumWidth(theme.px(420))
        self.finger_button.clicked.connect(self._finger_clicked)
        self.finger_button.hide()
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
            entry_layout.addStretch(1)  # centred: no empty lower half on a tall screen
            entry_layout.addWidget(self.keypad)
            entry_layout.addWidget(self.status)
            entry_layout.addWidget(self.finger_button, 0, Qt.AlignmentFlag.AlignHCenter)
            entry_layout.addStretch(1)
        else:
            entry_layout = QHBoxLayout(self.entry)
            side = QVBoxLayout()
            side.setSpacing(theme.gap)
            side.addStretch(1)
            side.addWidget(self.keypad.display)  # moved out of the keypad, beside the keys
            side.addWidget(self.keypad.tries_label)
            side.addWidget(self.status)
            side.addWidget(self.finger_button, 0, Qt.AlignmentFlag.AlignHCenter)
            side.addStretch(1)
            entry_layout.addLayout(side, 1)
            self.keypad.setFixedWidth(theme.px(KEYPAD_COLUMN_W))
            entry_layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignTop)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.setSpacing(theme.gap * 2)
        outer.addWidget(self.entry, 1)
        outer.addWidget(self.blocked, 1)

    # --- what the frame shows and says -------------------------------------------------------
    def steps(self) -> Steps:
        # blocked: the flow stops here (✕ 输密码), it was never done
        return Steps(statement_steps(), 1, failed=self.state is PinState.BLOCKED)

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = [self._prompt()]
        if self.state is PinState.WRONG and self.tries_left is not None:
            said.append(Dynamic(self.keypad.tries_label.text()))  # "还可以再试 2 次"
        if self.state is PinState.BLOCKED:
            said.append(Dynamic(where_to_go(self.ctx)))
        if self.state in (PinState.FINGER_FAILED, PinState.FINGER_UNAVAILABLE):
            said.append(Dynamic(self.status.text()))  # "也可以到…办理"
        return said

    def _prompt(self) -> str:
        return {
            PinState.ENTRY: "pin",
            PinState.CHECKING: "pin_checking",
            PinState.WRONG: "pin_wrong",
            PinState.BLOCKED: "pin_blocked",
            PinState.FINGER_FAILED: "pin_finger_failed",
            PinState.FINGER_UNAVAILABLE: "pin_finger_unavailable",
        }[self.state]

    # --- states (called by the statement flow) ------------------------------------------------
    def enter(self, params: NoParams) -> None:
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

    def offer_finger(self, offered: bool) -> None:
        """按指纹 is shown (the resident has enrolled fingers and the sensor service is there)."""
        self.finger_offered = offered
        self.retranslate()
        self._relayout()

    def show_finger_failed(self, sensor_failed: bool = False) -> None:
        """Back from the finger screen without a match (every attempt used) or with a sensor
        that failed: no second go by finger; the PIN, or the counter."""
        self.finger_offered = False
        self.keypad.clear()
        self._set_state(PinState.FINGER_UNAVAILABLE if sensor_failed else PinState.FINGER_FAILED)

    def _set_state(self, state: PinState, announce: bool = True) -> None:
        self.state = state
        blocked = state is PinState.BLOCKED
        self.entry.setVisible(not blocked)
        self.blocked.setVisible(blocked)
        self.keypad.setEnabled(state in _TYPING)
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
        if self.state in _TYPING:
            self.show_checking()
            self.pin_entered.emit(pin)

    def _finger_clicked(self) -> None:
        if self.finger_offered and self.state in _TYPING:
            self.keypad.clear()
            self.finger_requested.emit()

    # --- life cycle ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.keypad.retranslate()
        if self.state is PinState.CHECKING:
            self.status.setText(prompt_text("pin_checking"))
            self.status.show()
        elif self.state in (PinState.FINGER_FAILED, PinState.FINGER_UNAVAILABLE):
            self.status.setText(
                QCoreApplication.translate("StatementFlow", "也可以到%1办理").replace(
                    "%1", self.ctx.counter_location()
                )
            )
            self.status.show()
        else:
            self.status.hide()
        self.finger_button.setText(QCoreApplication.translate("StatementFlow", "按指纹"))
        self.finger_button.setVisible(self.finger_offered and self.state in _TYPING)
        self.banner.show_status(Status.ERROR, "")
        self.where.setText(where_to_go(self.ctx))
        self.home_button.setText(QCoreApplication.translate("StatementFlow", "返回首页"))

    def clear(self) -> None:
        super().clear()
        self.keypad.clear()
        self.keypad.set_tries_left(None)
        self.tries_left = None
        self.state = PinState.ENTRY
        self.finger_offered = False
        self.finger_button.hide()
        self.status.hide()
        self.entry.show()
        self.blocked.hide()
        self.keypad.setEnabled(True)
