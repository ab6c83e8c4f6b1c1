"""Insert card: the card going into the slot, an arrow pulsing towards the real reader.

The screen follows the card service's events through the application: `show_reading()` when a
card arrives. What happens after a successful read is the application's decision (the flow that
was chosen, or the greeting).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.texts import Utterance, prompt_text
from kiosk.widgets.illustrations import CardSlotIllustration


def _position_text(position: str) -> str:
    texts = {
        "bottom-right": QCoreApplication.translate("InsertCard", "读卡口在屏幕右下方"),
        "bottom-left": QCoreApplication.translate("InsertCard", "读卡口在屏幕左下方"),
        "bottom-center": QCoreApplication.translate("InsertCard", "读卡口在屏幕正下方"),
        "bottom": QCoreApplication.translate("InsertCard", "读卡口在屏幕正下方"),
        "right": QCoreApplication.translate("InsertCard", "读卡口在屏幕右边"),
        "left": QCoreApplication.translate("InsertCard", "读卡口在屏幕左边"),
    }
    return texts.get(position, texts["bottom-right"])


class InsertCardScreen(Screen[NoParams]):
    name = ScreenName.INSERT_CARD
    prompt_id = "insert_card"

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, 0, m, m)
        layout.setSpacing(ctx.theme.gap)
        self.picture = CardSlotIllustration(ctx.theme, ctx.config.terminal.reader_position, self)
        self.detail = secondary_label(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.detail)
        self.reading = False

    def enter(self, params: NoParams) -> None:
        self.reading = False
        super().enter(params)

    def show_reading(self) -> None:
        self.reading = True
        self.retranslate()
        self.prompt_changed.emit()

    def instruction(self) -> str:
        return prompt_text("reading_card") if self.reading else super().instruction()

    def utterances(self) -> list[Utterance]:
        return ["reading_card"] if self.reading else ["insert_card"]

    def retranslate(self) -> None:
        self.detail.setText(_position_text(self.ctx.config.terminal.reader_position))

    def clear(self) -> None:
        super().clear()
        self.reading = False
