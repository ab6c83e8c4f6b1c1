"""A card reader without hardware, for the demo, UI tests and the autopilot.

Another thread (a UI test, the demo's control panel) calls `insert()` / `remove()`; the card
worker that owns the reader sees the result through `wait_for_event`, exactly as with pcscd.
A "card" is either the `CardData` a read returns or the `CardError` it raises (a bank card is
`NotASocialSecurityCard()`, a damaged one `CardUnreadable(...)`); expiry is data, as on a real card.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass

from drivers.card.apdu import PIN_LENGTH
from drivers.card.api import CardData, CardEvent, CardEventKind, ReaderStatus
from drivers.errors import CardError, CardRemoved, NoCard, PinBlocked, ReaderUnavailable, WrongPin

SIMULATED_READER = "Simulated card reader"
DEFAULT_PIN = "123456"
DEFAULT_PIN_TRIES = 3


@dataclass
class _Card:
    content: CardData | CardError
    pin: str
    tries_left: int
    max_tries: int
    remove_during_read: bool


class SimulatedCardReader:
    """Thread-safe: `insert`, `remove`, `unplug`, `replug` may be called from any thread."""

    def __init__(self, pin: str = DEFAULT_PIN, pin_tries: int = DEFAULT_PIN_TRIES) -> None:
        self._pin = pin
        self._pin_tries = pin_tries
        self._lock = threading.Lock()
        self._events: queue.Queue[CardEvent] = queue.Queue()
        self._card: _Card | None = None
        self._plugged = True
        self._closed = False
        self._events.put(CardEvent(CardEventKind.READER_FOUND, SIMULATED_READER))

    # --- control (any thread) ------------------------------------------------------------------
    def insert(
        self,
        card: CardData | CardError,
        *,
        pin: str | None = None,
        pin_tries: int | None = None,
        remove_during_read: bool = False,
    ) -> None:
        """Put a card in the slot (replacing any card there: REMOVED then INSERTED).

        `pin_tries=0` gives a blocked PIN; `remove_during_read` makes the next read end in
        CardRemoved, as when the resident pulls the card out mid-read.
        """
        tries = self._pin_tries if pin_tries is None else pin_tries
        with self._lock:
            if self._card is not None:
                self._put(CardEventKind.REMOVED)
            self._card = _Card(card, pin or self._pin, tries, self._pin_tries, remove_during_read)
            if self._plugged:
                self._put(CardEventKind.INSERTED)

    def remove(self) -> None:
        with self._lock:
            self._take_card()

    def unplug(self) -> None:
        """The reader goes away (REMOVED first if a card was in it, then READER_LOST)."""
        with self._lock:
            if not self._plugged:
                return
            if self._card is not None:
                self._put(CardEventKind.REMOVED)
            self._plugged = False
            self._put(CardEventKind.READER_LOST)

    def replug(self) -> None:
        with self._lock:
            if self._plugged:
                return
            self._plugged = True
            self._put(CardEventKind.READER_FOUND)
            if self._card is not None:
                self._put(CardEventKind.INSERTED)

    # --- CardReader (owner thread) -------------------------------------------------------------
    def wait_for_event(self, timeout: float) -> CardEvent | None:
        try:
            return self._events.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            return None

    def read(self) -> CardData:
        with self._lock:
            card = self._present_card()
            if card.remove_during_read:
                self._take_card()
                raise CardRemoved("card left the reader during the read (simulated)")
            if isinstance(card.content, CardError):
                raise card.content
            return card.content

    def verify_pin(self, pin: str) -> None:
        if len(pin) != PIN_LENGTH or not pin.isascii() or not pin.isdigit():
            raise ValueError("the card PIN must be exactly 6 digits")
        with self._lock:
            card = self._present_card()
            if card.tries_left == 0:
                raise PinBlocked("PIN blocked (simulated)")
            if pin == card.pin:
                card.tries_left = card.max_tries
                return
            card.tries_left -= 1
            if card.tries_left == 0:
                raise PinBlocked("wrong PIN, now blocked (simulated)")
            raise WrongPin(card.tries_left)

    def status(self) -> ReaderStatus:
        with self._lock:
            name = SIMULATED_READER if self._plugged else ""
            return ReaderStatus(True, self._plugged, name, self._plugged and self._card is not None)

    def close(self) -> None:
        self._closed = True

    # --- internals (lock held) -----------------------------------------------------------------
    def _present_card(self) -> _Card:
        if not self._plugged:
            raise ReaderUnavailable("simulated reader unplugged")
        if self._card is None:
            raise NoCard("no card in the simulated reader")
        return self._card

    def _take_card(self) -> None:
        if self._card is not None:
            self._card = None
            if self._plugged:
                self._put(CardEventKind.REMOVED)

    def _put(self, kind: CardEventKind) -> None:
        self._events.put(CardEvent(kind, SIMULATED_READER))
