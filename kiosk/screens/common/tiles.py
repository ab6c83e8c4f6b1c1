"""A grid of service tiles (home screen, greeting screen): 3 columns landscape, 2 portrait."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.screens.common.service_catalog import Service
from kiosk.widgets.buttons import Tile
from kiosk.widgets.theme import Theme


class TileGrid(QWidget):
    chosen = Signal(Service)

    def __init__(
        self, theme: Theme, services: list[Service], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._columns = 2 if theme.portrait else 3
        self._grid = QGridLayout(self)
        self._grid.setSpacing(theme.gap * 2)
        m = theme.margin
        self._grid.setContentsMargins(m * 2, m, m * 2, m)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tiles: dict[Service, Tile] = {}
        for service in services:
            tile = Tile(theme, service.info.icon, self)
            tile.clicked.connect(lambda _c=False, s=service: self.chosen.emit(s))
            self.tiles[service] = tile
        self.retranslate()

    def show_available(self, available: Callable[[Service], bool]) -> None:
        """Lay out the available tiles in order (hidden ones take no place: no gaps)."""
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
            tile.hide()
        position = 0
        for service, tile in self.tiles.items():
            if available(service):
                self._grid.addWidget(tile, position // self._columns, position % self._columns)
                tile.show()
                position += 1

    def visible_services(self) -> list[Service]:
        return [s for s, t in self.tiles.items() if not t.isHidden()]

    def retranslate(self) -> None:
        for service, tile in self.tiles.items():
            tile.setText(service.label())
