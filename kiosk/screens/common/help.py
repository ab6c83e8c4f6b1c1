"""Help: staff are coming; where the counter is (config `terminal.counter_location`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture


def counter_sentence(ctx: ScreenContext) -> str:
    return QCoreApplication.translate("Help", "也可以到%1办理").replace(
        "%1", ctx.counter_location()
    )


class HelpScreen(Screen[NoParams]):
    name = ScreenName.HELP
    prompt_id = "help"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT})

    # the application may ring a bell or light a lamp for staff (hardware to come)
    staff_called = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, 0, m, m)
        self.picture = SvgPicture(ctx.theme, "counter.svg", self)
        self.detail = secondary_label(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.detail)

    def enter(self, params: NoParams) -> None:
        super().enter(params)
        self.staff_called.emit()

    def utterances(self) -> list[Utterance]:
        return ["help", Dynamic(counter_sentence(self.ctx))]

    def retranslate(self) -> None:
        self.detail.setText(counter_sentence(self.ctx))
