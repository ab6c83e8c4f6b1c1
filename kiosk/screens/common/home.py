"""Home: the services as large tiles, and the invitation to insert a card."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.common.tiles import TileGrid
from kiosk.screens.names import ScreenName
from kiosk.widgets.frame import BarButton


class HomeScreen(Screen[NoParams]):
    name = ScreenName.HOME
    prompt_id = "home"
    bar_buttons = frozenset({BarButton.REPEAT})  # 求助 is a tile here: one 求助 per screen
    language_switch = True

    service_chosen = Signal(Service)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tiles = TileGrid(ctx.theme, list(Service), self)
        self.tiles.chosen.connect(self.service_chosen)
        layout.addWidget(self.tiles)

    def enter(self, params: NoParams) -> None:
        super().enter(params)
        self.tiles.show_available(lambda s: self.ctx.is_available(s.info.entry))

    def retranslate(self) -> None:
        self.tiles.retranslate()
