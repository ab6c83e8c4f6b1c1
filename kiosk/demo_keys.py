"""Keyboard shortcuts for `kiosk --demo` only: put synthetic cards into the simulated reader.

    F2  insert 王秀英's card (a valid card)      F5  insert a bank card (not social security)
    F3  remove the card                          F6  insert an expired card
    F4  insert a card with a rare-character name F7  insert an unreadable card

A real kiosk has no keyboard; these exist so that the demo can be tried at a desk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from drivers.card.simulated import SimulatedCardReader
from drivers.errors import CardUnreadable, NotASocialSecurityCard
from kiosk.core.samples import EXPIRED_CARD, RARE_NAME_CARD, SAMPLE_CARD


class DemoKeys(QObject):
    def __init__(self, reader: SimulatedCardReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_F2: lambda: reader.insert(SAMPLE_CARD),
            Qt.Key.Key_F3: reader.remove,
            Qt.Key.Key_F4: lambda: reader.insert(RARE_NAME_CARD),
            Qt.Key.Key_F5: lambda: reader.insert(NotASocialSecurityCard("6A82 (demo)")),
            Qt.Key.Key_F6: lambda: reader.insert(EXPIRED_CARD),
            Qt.Key.Key_F7: lambda: reader.insert(CardUnreadable("damaged chip (demo)")),
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self.actions.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return False
