"""The card reader as the application sees it: a worker in its own thread, and signals.

`CardWorker` owns the `drivers.card.api.CardReader` (made in the worker thread by the factory of
`[devices] card`) and polls it with `wait_for_event(POLL_SECONDS)` from a zero-interval timer, so
that queued requests (read, verify PIN) are handled between polls. A card is read as soon as it is
inserted; an expired card is reported as `card_expired`. `CardService` is the GUI-side facade.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from drivers.card.api import CardData, CardEventKind, CardReader
from drivers.errors import (
    CardError,
    CardExpired,
    DeviceError,
    PinBlocked,
    ReaderUnavailable,
    WrongPin,
)
from kiosk.config import Config
from kiosk.core.masking import mask_card_number
from kiosk.ops import devices
from kiosk.services.threads import assert_in_thread, start_worker, stop_worker

log = logging.getLogger(__name__)

POLL_SECONDS = 0.1  # how long one wait_for_event blocks; bounds the latency of queued requests
REOPEN_MS = 3000  # retry opening a reader that could not be opened


def open_configured_reader(config: Config) -> Callable[[], CardReader]:
    """A factory the worker thread calls, so the thread that opens the reader owns it."""
    return lambda: devices.open_configured_reader(config)


class CardWorker(QObject):
    inserted = Signal()
    removed = Signal()
    read_done = Signal(CardData)
    failed = Signal(str, str)  # drivers.errors code, technician detail
    reader_lost = Signal()
    reader_found = Signal()
    pin_ok = Signal()
    pin_wrong = Signal(int)  # tries left
    pin_blocked = Signal()
    probed = Signal(object)  # what a `run_probe` function returned

    def __init__(self, open_reader: Callable[[], CardReader], today: Callable[[], date]) -> None:
        super().__init__()
        self._open_reader = open_reader
        self._today = today
        self._reader: CardReader | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        assert_in_thread(self)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._poll)
        self._open()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._reader is not None:
            try:
                self._reader.close()
            except DeviceError as e:
                log.warning("closing the card reader: %s", e.detail)
            self._reader = None

    @Slot()
    def read(self) -> None:
        assert_in_thread(self)
        if self._reader is None:
            self.failed.emit(ReaderUnavailable.code, "no reader open")
            return
        try:
            card = self._reader.read()
        except CardError as e:
            log.info("card read failed: %s (%s)", e.code, e.detail)
            self.failed.emit(e.code, e.detail)
            return
        if card.is_expired(self._today()):
            log.info("card %s expired on %s", mask_card_number(card.card_number), card.expiry_date)
            self.failed.emit(CardExpired.code, f"expired on {card.expiry_date.isoformat()}")
            return
        log.info("card %s read", mask_card_number(card.card_number))
        self.read_done.emit(card)

    @Slot(str)
    def verify_pin(self, pin: str) -> None:
        assert_in_thread(self)
        if self._reader is None:
            self.failed.emit(ReaderUnavailable.code, "no reader open")
            return
        try:
            self._reader.verify_pin(pin)
        except WrongPin as e:
            self.pin_wrong.emit(e.tries_left)
        except PinBlocked:
            self.pin_blocked.emit()
        except CardError as e:
            self.failed.emit(e.code, e.detail)
        else:
            self.pin_ok.emit()

    @Slot(object)
    def run_probe(self, probe: Callable[[CardReader | None], object]) -> None:
        """Run `probe(reader)` on this thread (maintenance diagnostics); None: no reader open."""
        assert_in_thread(self)
        self.probed.emit(probe(self._reader))

    def _open(self) -> None:
        try:
            self._reader = self._open_reader()
        except DeviceError as e:
            log.warning("card reader not available: %s", e.detail)
            self.reader_lost.emit()
            QTimer.singleShot(REOPEN_MS, self, self._open)
            return
        assert self._timer is not None
        self._timer.start()

    def _poll(self) -> None:
        assert self._reader is not None
        try:
            event = self._reader.wait_for_event(POLL_SECONDS)
        except DeviceError as e:
            log.warning("card reader failed while waiting: %s", e.detail)
            self.reader_lost.emit()
            return
        if event is None:
            return
        if event.kind is CardEventKind.INSERTED:
            self.inserted.emit()
            self.read()
        elif event.kind is CardEventKind.REMOVED:
            self.removed.emit()
        elif event.kind is CardEventKind.READER_LOST:
            self.reader_lost.emit()
        elif event.kind is CardEventKind.READER_FOUND:
            self.reader_found.emit()


class CardService(QObject):
    """GUI-side facade: the same signals, plus `card_present` and requests that never block."""

    card_inserted = Signal()
    card_removed = Signal()
    card_read = Signal(CardData)
    card_error = Signal(str, str)  # code, detail
    reader_lost = Signal()
    reader_found = Signal()
    pin_ok = Signal()
    pin_wrong = Signal(int)
    pin_blocked = Signal()
    probe_done = Signal(object)

    _read_requested = Signal()
    _pin_requested = Signal(str)
    _probe_requested = Signal(object)

    def __init__(
        self,
        open_reader: Callable[[], CardReader],
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.card_present = False
        self.reader_present = False
        self._worker = CardWorker(open_reader, today)
        w = self._worker
        w.inserted.connect(self._on_inserted)
        w.removed.connect(self._on_removed)
        w.read_done.connect(self.card_read)
        w.failed.connect(self.card_error)
        w.reader_lost.connect(self._on_reader_lost)
        w.reader_found.connect(self._on_reader_found)
        w.pin_ok.connect(self.pin_ok)
        w.pin_wrong.connect(self.pin_wrong)
        w.pin_blocked.connect(self.pin_blocked)
        self._read_requested.connect(w.read)
        self._pin_requested.connect(w.verify_pin)
        self._probe_requested.connect(w.run_probe)
        w.probed.connect(self.probe_done)
        self._thread: QThread | None = None

    def start(self) -> None:
        self._thread = start_worker(self._worker, "card-worker")

    def shutdown(self) -> None:
        if self._thread is not None:
            stop_worker(self._worker, self._thread)
            self._thread = None

    def request_read(self) -> None:
        self._read_requested.emit()

    def request_verify_pin(self, pin: str) -> None:
        self._pin_requested.emit(pin)

    def probe(self, probe: Callable[[CardReader | None], object]) -> None:
        """Run `probe(reader)` on the card thread; its result arrives as `probe_done`."""
        self._probe_requested.emit(probe)

    def _on_inserted(self) -> None:
        self.card_present = True
        self.card_inserted.emit()

    def _on_removed(self) -> None:
        self.card_present = False
        self.card_removed.emit()

    def _on_reader_lost(self) -> None:
        self.reader_present = False
        if self.card_present:
            self._on_removed()
        self.reader_lost.emit()

    def _on_reader_found(self) -> None:
        self.reader_present = True
        self.reader_found.emit()
