"""After a card is read on the home screen: greet the resident by masked name (王*英) and offer the
services that need a card. The certification flow may take over this moment by hooking the
application's `card_ready` signal instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.common.tiles import TileGrid
from kiosk.screens.names import ScreenName
from kiosk.widgets.frame import BarButton

CARD_SERVICES = [s for s in Service if s.info.needs_card] + [Service.HELP]


class GreetingScreen(Screen[NoParams]):
    name = ScreenName.GREETING
    prompt_id = "greeting"
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    service_chosen = Signal(Service)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hello = QLabel(self)
        self.hello.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hello.setStyleSheet(f"font-size: {ctx.theme.primary_px}px; font-weight: bold;")
        self.tiles = TileGrid(ctx.theme, CARD_SERVICES, self)
        self.tiles.chosen.connect(self.service_chosen)
        layout.addWidget(self.hello)
        layout.addWidget(self.tiles, 1)

    def enter(self, params: NoParams) -> None:
        super().enter(params)
        self.tiles.show_available(lambda s: self.ctx.is_available(s.info.entry))

    def retranslate(self) -> None:
        name = self.ctx.session.masked_name
        self.hello.setText(
            QCoreApplication.translate("Greeting", "%1，您好").replace("%1", name) if name else ""
        )
        self.tiles.retranslate()

    def clear(self) -> None:
        super().clear()
        self.hello.setText("")
