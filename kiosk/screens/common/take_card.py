"""End of a session with the card still in the reader: "请取走您的社保卡", repeated aloud every
`ui.card_reminder_interval` seconds until the card is out (the application then goes home)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext
from kiosk.screens.names import ScreenName
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture


class TakeCardScreen(Screen[NoParams]):
    name = ScreenName.TAKE_CARD
    prompt_id = "take_card"
    bar_buttons = frozenset({BarButton.REPEAT})

    remind = Signal()  # time to say it again

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, 0, m, m)
        self.picture = SvgPicture(ctx.theme, "take-card.svg", self)
        layout.addWidget(self.picture, 1)
        self.reminder = QTimer(self)
        self.reminder.setInterval(round(ctx.config.ui.card_reminder_interval * 1000))
        self.reminder.timeout.connect(self.remind)

    def enter(self, params: NoParams) -> None:
        super().enter(params)
        self.reminder.start()

    def leave(self) -> None:
        self.reminder.stop()
