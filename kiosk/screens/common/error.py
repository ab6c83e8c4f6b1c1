"""A failure a resident can act on: what happened (one line), what to do now (one line), one button.

The kinds are the resident-facing sorting of device errors (drivers.errors codes) and bugs; the
shell picks the kind (kiosk/shell/faults.py), this screen only words it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.texts import Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.theme import Status


@dataclass(frozen=True)
class Failure:
    what: str  # prompt id
    todo: str  # prompt id
    button: ScreenName  # HOME | HELP
    picture: str  # assets/images: what to do, drawn (the card pictures are the other screens')
    moves_on_removal: bool = False  # the card taken out is what the todo asked: the screen moves on


class ErrorKind(enum.Enum):
    NOT_SSC = Failure("error_not_ssc", "todo_use_ssc", ScreenName.HOME, "take-card.svg", True)
    EXPIRED = Failure("error_expired", "todo_renew_card", ScreenName.HELP, "counter.svg")
    UNREADABLE = Failure(
        "error_unreadable", "todo_wipe_and_retry", ScreenName.HOME, "take-card.svg", True
    )
    CARD_REMOVED = Failure(
        "error_card_removed", "todo_insert_again", ScreenName.HOME, "insert-card.svg"
    )
    NO_READER = Failure("error_no_reader", "todo_ask_staff", ScreenName.HELP, "counter.svg")
    UNEXPECTED = Failure("error_unexpected", "todo_start_again", ScreenName.HOME, "counter.svg")


@dataclass(frozen=True)
class ErrorParams(ScreenParams):
    kind: ErrorKind = ErrorKind.UNEXPECTED


class ErrorScreen(Screen[ErrorParams]):
    name = ScreenName.ERROR
    Params = ErrorParams
    bar_buttons = frozenset({BarButton.REPEAT})

    finished = Signal()  # 返回首页: the session ends (the card reminder follows if the card is in)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = ErrorKind.UNEXPECTED
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(ctx.theme.gap * 2)
        self.banner = StatusBanner(self)
        self.banner.setStyleSheet(f"font-size: {ctx.theme.primary_px}px;")
        self.todo = secondary_label(self)
        self.todo.setStyleSheet(f"font-size: {ctx.theme.primary_px}px;")
        self.button = BigButton(ctx.theme, "primary", self)
        self.button.setMinimumWidth(ctx.theme.px(420))
        self.button.clicked.connect(self._button_clicked)
        self.pictures = {  # one per picture file, the kind's shown (as on the other failures)
            name: SvgPicture(ctx.theme, name, self)
            for name in dict.fromkeys(kind.value.picture for kind in ErrorKind)
        }
        layout.addStretch(1)
        layout.addWidget(self.banner)
        layout.addWidget(self.todo)
        for picture in self.pictures.values():
            layout.addWidget(picture, 4)
            picture.hide()
        layout.addStretch(1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def enter(self, params: ErrorParams) -> None:
        self.kind = params.kind
        for name, picture in self.pictures.items():
            picture.setVisible(name == self.kind.value.picture)
        super().enter(params)

    @property
    def picture(self) -> SvgPicture:
        return self.pictures[self.kind.value.picture]

    def instruction(self) -> str:
        return prompt_text(self.kind.value.what)

    def utterances(self) -> list[Utterance]:
        return [self.kind.value.what, self.kind.value.todo]

    def retranslate(self) -> None:
        self.banner.show_status(Status.ERROR, "")  # the instruction line already says what
        self.todo.setText(prompt_text(self.kind.value.todo))
        self.button.setText(
            QCoreApplication.translate("ErrorScreen", "求助")
            if self.kind.value.button is ScreenName.HELP
            else QCoreApplication.translate("ErrorScreen", "返回首页")
        )

    def _button_clicked(self) -> None:
        if self.kind.value.button is ScreenName.HOME:
            self.finished.emit()
        else:
            self.navigate.emit(self.kind.value.button, None)
