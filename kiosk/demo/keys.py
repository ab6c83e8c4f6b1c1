"""Keyboard shortcuts for `kiosk --demo` only: put cards into the simulated reader.

    F2  a pensioner whose certification is due   F5  a bank card (not social security)
    F3  remove the card                          F6  an expired card
    F4  a resident with a rare-character name    F7  an unreadable card
    F11 an unemployed resident                   F12 a resident with no benefits

The residents' cards come from the LOCAL CACHE (kiosk/demo/cards.py), so every service finds
them; F8-F10 (the finger) are in kiosk/demo/panel.py. The table is in docs/ui.md. A real kiosk has
no keyboard; these exist so that the demo can be tried at a desk.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent

from drivers.card.api import CardData
from drivers.card.simulated import SimulatedCardReader
from drivers.errors import CardUnreadable, NotASocialSecurityCard
from kiosk.core.masking import mask_name
from kiosk.demo.cards import DemoResident
from kiosk.demo.samples import EXPIRED_CARD, RARE_NAME_CARD, SAMPLE_CARD

log = logging.getLogger(__name__)

RESIDENT_KEYS: dict[Qt.Key, DemoResident] = {
    Qt.Key.Key_F2: DemoResident.DUE_PENSIONER,
    Qt.Key.Key_F4: DemoResident.RARE_NAME,
    Qt.Key.Key_F11: DemoResident.UNEMPLOYED,
    Qt.Key.Key_F12: DemoResident.NO_BENEFITS,
}
# nobody of that kind in the copy (an empty or tiny one): a sample card still shows the screens
FALLBACK: dict[DemoResident, CardData] = {
    DemoResident.DUE_PENSIONER: SAMPLE_CARD,
    DemoResident.RARE_NAME: RARE_NAME_CARD,
}


class KeyActions(QObject):
    """An application-wide event filter: a key in `actions` runs its action and goes no further
    (the screens never see the demo's F-keys); every other event passes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions: dict[Qt.Key, Callable[[], None]] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self.actions.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return False


class DemoKeys(KeyActions):
    """The residents' cards are read from the cache on a thread of their own, started here (the GUI
    thread never waits for the disk); a key pressed before they are ready is served when they are.
    `inserted(who)` / `missing(who)` tell what a key did (tests, the autopilot)."""

    inserted = Signal(object)  # DemoResident
    missing = Signal(object)  # DemoResident: nobody of that kind in the cache
    _cards_loaded = Signal(object)  # dict[DemoResident, CardData], from the loading thread

    def __init__(
        self,
        reader: SimulatedCardReader,
        cards: Callable[[], dict[DemoResident, CardData]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self._cards: dict[DemoResident, CardData] | None = None
        self._waiting: DemoResident | None = None  # the last key pressed before the cards came
        self.actions = {
            Qt.Key.Key_F3: self._remove,
            Qt.Key.Key_F5: lambda: reader.insert(NotASocialSecurityCard("6A82 (demo)")),
            Qt.Key.Key_F6: lambda: reader.insert(EXPIRED_CARD),
            Qt.Key.Key_F7: lambda: reader.insert(CardUnreadable("damaged chip (demo)")),
        }
        for key, who in RESIDENT_KEYS.items():
            self.actions[key] = partial(self.insert, who)
        self._cards_loaded.connect(self._on_cards_loaded)
        threading.Thread(target=self._load, args=(cards,), name="demo-cards", daemon=True).start()

    def _load(self, cards: Callable[[], dict[DemoResident, CardData]]) -> None:
        try:
            loaded = cards()
        except Exception:  # a broken demo cache: the sample cards still show the screens
            log.exception("demo: could not read the residents from the local cache")
            loaded = {}
        self._cards_loaded.emit(loaded)

    @Slot(object)
    def _on_cards_loaded(self, cards: dict[DemoResident, CardData]) -> None:
        self._cards = cards
        if self._waiting is not None:
            who, self._waiting = self._waiting, None
            self.insert(who)

    @property
    def ready(self) -> bool:
        return self._cards is not None

    def card(self, who: DemoResident) -> CardData | None:
        """None also while the cache is still being read."""
        if self._cards is None:
            return None
        return self._cards.get(who) or FALLBACK.get(who)

    def insert(self, who: DemoResident) -> None:
        if self._cards is None:
            self._waiting = who  # served by `_on_cards_loaded`
            return
        card = self.card(who)
        if card is None:
            print(f"kiosk demo: nobody in the local cache is {who.value}", file=sys.stderr)
            self.missing.emit(who)
            return
        log.info("demo: inserting the card of %s (%s)", mask_name(card.name), who.name.lower())
        self.reader.insert(card)
        self.inserted.emit(who)

    def _remove(self) -> None:
        self._waiting = None  # a card asked for and then taken out never arrives
        self.reader.remove()
