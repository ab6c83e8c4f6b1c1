"""The PC/SC card reader (pyscard's low-level `smartcard.scard` over pcscd).

One thread owns a `PcscCardReader` (see drivers/card/api.py). Events come from polling
`SCardGetStatusChange` in that thread: no pyscard monitor threads, which die silently when pcscd
stops. When pcscd stops or restarts (SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, an invalid
handle) the context is dropped and re-established on the next wait; a reader that goes away and
comes back is found again by its name pattern. Every pyscard result code and exception is
translated into `drivers.errors` here, at the boundary.

A card is connected per operation (read, verify_pin) and left powered (SCARD_LEAVE_CARD), so a
verified PIN stays verified until the card leaves. A PSAM (secure access module) for
third-generation cards would be a second slot matched by its own pattern and opened next to the
card in `_open_card`; see CardSession.read_card for where its authentication step goes.
"""

from __future__ import annotations

import collections
import fnmatch
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from smartcard import scard

from drivers.card.api import CardData, CardEvent, CardEventKind, ReaderStatus
from drivers.card.session import CardSession
from drivers.errors import CardError, CardRemoved, CardUnreadable, NoCard, ReaderUnavailable

log = logging.getLogger(__name__)

SERVICE_RETRY_INTERVAL = 0.25  # s between attempts to reach a stopped pcscd
READER_RESCAN_INTERVAL = 0.5  # s between reader list scans while the reader is missing
MAX_BLOCK = 2.0  # s: longest single SCardGetStatusChange, so a wedged pcscd cannot hang us
REMOVAL_CONFIRM_TIMEOUT = 1.0  # s to wait for pcscd to notice a card that left mid-APDU
PROTOCOLS = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
READER_GONE = scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_IGNORE
EVENT_COUNTER_SHIFT = 16  # pcsc-lite counts card events in the upper half of the event state

# The service itself is gone: drop the context and re-establish it later.
SERVICE_LOST = frozenset(
    {
        scard.SCARD_E_NO_SERVICE,
        scard.SCARD_E_SERVICE_STOPPED,
        scard.SCARD_E_INVALID_HANDLE,
        scard.SCARD_F_COMM_ERROR,
        scard.SCARD_E_NO_READERS_AVAILABLE,
    }
)
READER_LOST = frozenset({scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE})
CARD_ABSENT = frozenset({scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD})

T = TypeVar("T")


class PcscError(Exception):
    """A failed pyscard call, with its PC/SC result code (internal: never leaves this module)."""

    def __init__(self, call: str, hresult: int) -> None:
        self.hresult = hresult & 0xFFFFFFFF
        super().__init__(f"{call}: {_message(self.hresult)} (0x{self.hresult:08X})")


def _message(hresult: int) -> str:
    try:
        return str(scard.SCardGetErrorMessage(hresult))
    except Exception:  # pyscard has no text for some codes
        return "unknown PC/SC error"


def _call(name: str, fn: Callable[..., Any], *args: Any) -> Any:
    """Run a `smartcard.scard` function; non-success results and SWIG errors become PcscError."""
    try:
        result = fn(*args)
    except scard.error as e:
        raise PcscError(name, scard.SCARD_F_UNKNOWN_ERROR) from e
    hresult, *values = result if isinstance(result, list | tuple) else (result,)
    if hresult != scard.SCARD_S_SUCCESS:
        raise PcscError(name, hresult)
    return values[0] if len(values) == 1 else tuple(values)


def matches(reader: str, pattern: str) -> bool:
    """ "" matches any reader; a pattern with * ? [ is an fnmatch pattern; anything else a
    substring. Case-insensitive, since reader names differ in case between driver versions."""
    if not pattern:
        return True
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatch(reader.lower(), pattern.lower())
    return pattern.lower() in reader.lower()


class PcscCardReader:
    """The kiosk's card reader on a real PC/SC stack. Owned by one thread; see module docstring.

    Events: READER_FOUND when a matching reader appears (also at the start), INSERTED for a card
    (also one already present), REMOVED, and READER_LOST when the reader or pcscd goes away —
    preceded by REMOVED if a card was in it, since its session cannot survive.
    """

    def __init__(self, pattern: str = "") -> None:
        self.pattern = pattern
        self._context: int | None = None
        self._reader: str | None = None
        self._state = scard.SCARD_STATE_UNAWARE  # last event state of our reader
        self._card_present = False
        self._pending: collections.deque[CardEvent] = collections.deque()
        self.last_apdu_count = 0  # commands of the last read or verify (for benchmarks)

    # --- events --------------------------------------------------------------------------------
    def wait_for_event(self, timeout: float) -> CardEvent | None:
        deadline = time.monotonic() + max(timeout, 0.0)
        while not self._pending:
            remaining = deadline - time.monotonic()
            self._poll(max(remaining, 0.0))
            if remaining <= 0:
                break
        return self._pending.popleft() if self._pending else None

    def _poll(self, budget: float) -> None:
        """One step of watching; blocks at most `budget` seconds; queues any events."""
        try:
            if self._context is None:
                self._context = _call(
                    "SCardEstablishContext", scard.SCardEstablishContext, scard.SCARD_SCOPE_USER
                )
            if self._reader is None:
                self._find_reader(budget)
                return
            self._watch_reader(budget)
        except PcscError as e:
            if e.hresult in READER_LOST:
                self._lose_reader(str(e))
                return
            self._lose_service(str(e))
            time.sleep(min(budget, SERVICE_RETRY_INTERVAL))

    def _find_reader(self, budget: float) -> None:
        reader = self._matching_reader()
        if reader is None:
            time.sleep(min(budget, READER_RESCAN_INTERVAL))
            return
        self._reader, self._state, self._card_present = reader, scard.SCARD_STATE_UNAWARE, False
        log.info("card reader found: %s", reader)
        self._pending.append(CardEvent(CardEventKind.READER_FOUND, reader))

    def _watch_reader(self, budget: float) -> None:
        assert self._reader is not None
        timeout_ms = int(min(budget, MAX_BLOCK) * 1000)
        try:
            states = _call(
                "SCardGetStatusChange",
                scard.SCardGetStatusChange,
                self._context,
                timeout_ms,
                [(self._reader, self._state)],
            )
        except PcscError as e:
            if e.hresult == scard.SCARD_E_TIMEOUT:
                return
            raise
        _, event_state, _atr = states[0]
        if event_state & READER_GONE:
            self._lose_reader("reader state unknown/unavailable")
            return
        first = self._state == scard.SCARD_STATE_UNAWARE
        before = self._state >> EVENT_COUNTER_SHIFT
        present = bool(event_state & scard.SCARD_STATE_PRESENT)
        self._state = event_state & ~scard.SCARD_STATE_CHANGED
        missed_cycle = (event_state >> EVENT_COUNTER_SHIFT) - before >= 2
        if present and self._card_present and not first and missed_cycle:
            self._queue_card(False)  # out and back in between two polls: a new session
        if present != self._card_present:
            self._queue_card(present)

    def _queue_card(self, present: bool) -> None:
        self._card_present = present
        kind = CardEventKind.INSERTED if present else CardEventKind.REMOVED
        self._pending.append(CardEvent(kind, self._reader or ""))

    def _lose_reader(self, why: str) -> None:
        if self._reader is None:
            return
        log.warning("card reader lost: %s (%s)", self._reader, why)
        if self._card_present:
            self._queue_card(False)
        self._pending.append(CardEvent(CardEventKind.READER_LOST, self._reader))
        self._reader, self._state = None, scard.SCARD_STATE_UNAWARE

    def _lose_service(self, why: str) -> None:
        self._lose_reader(why)
        if self._context is not None:
            context, self._context = self._context, None
            with suppress(scard.error):  # the context died with pcscd
                scard.SCardReleaseContext(context)

    def _matching_reader(self) -> str | None:
        try:
            readers = _call("SCardListReaders", scard.SCardListReaders, self._context, [])
        except PcscError as e:
            if e.hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
                return None
            raise
        return next((r for r in readers if matches(r, self.pattern)), None)

    # --- card operations -----------------------------------------------------------------------
    def read(self) -> CardData:
        return self._run(lambda session: session.read_card())

    def verify_pin(self, pin: str) -> None:
        self._run(lambda session: session.verify_pin(pin))

    def _run(self, operation: Callable[[CardSession], T]) -> T:
        with self._open_card() as (handle, protocol, reader):
            session = CardSession(lambda command: self._transmit(handle, protocol, reader, command))
            try:
                return operation(session)
            finally:
                self.last_apdu_count = session.apdu_count

    @contextmanager
    def _open_card(self) -> Iterator[tuple[int, int, str]]:
        """Connect to the card for one operation, inside a PC/SC transaction."""
        reader = self._require_reader()
        try:
            handle, protocol = _call(
                "SCardConnect",
                scard.SCardConnect,
                self._context,
                reader,
                scard.SCARD_SHARE_SHARED,
                PROTOCOLS,
            )
        except PcscError as e:
            raise self._translate(e, reader, during_read=False) from e
        try:
            try:
                _call("SCardBeginTransaction", scard.SCardBeginTransaction, handle)
            except PcscError as e:
                raise self._translate(e, reader, during_read=True) from e
            yield handle, protocol, reader
        finally:
            try:
                scard.SCardEndTransaction(handle, scard.SCARD_LEAVE_CARD)
                scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
            except scard.error:
                pass  # the handle died with the card or with pcscd

    def _transmit(self, handle: int, protocol: int, reader: str, command: bytes) -> bytes:
        try:
            response = _call("SCardTransmit", scard.SCardTransmit, handle, protocol, list(command))
        except PcscError as e:
            raise self._translate(e, reader, during_read=True) from e
        if len(response) < 2 and self._card_left(reader):
            # vpcd and some readers answer an APDU cut by the card's removal with no bytes at
            # all rather than SCARD_W_REMOVED_CARD (seen under load): the resident pulled it
            raise CardRemoved(f"card left the reader during the read ({len(response)} bytes)")
        return bytes(response)

    def _require_reader(self) -> str:
        """The matching reader, looked up now if the event loop has not found it yet."""
        try:
            if self._context is None:
                self._context = _call(
                    "SCardEstablishContext", scard.SCardEstablishContext, scard.SCARD_SCOPE_USER
                )
            reader = self._reader or self._matching_reader()
        except PcscError as e:
            self._lose_service(str(e))
            raise ReaderUnavailable(f"pcscd not reachable: {e}") from e
        if reader is None:
            raise ReaderUnavailable(f"no card reader matching {self.pattern!r}")
        return reader

    def _translate(self, error: PcscError, reader: str, during_read: bool) -> CardError:
        """Sort a failed call: no card, card gone mid-read, reader or service gone, or a card
        that does not answer properly."""
        code = error.hresult
        if code in CARD_ABSENT:
            return CardRemoved(str(error)) if during_read else NoCard(str(error))
        if code in SERVICE_LOST:
            self._lose_service(str(error))
            return ReaderUnavailable(str(error))
        if code in READER_LOST:
            self._lose_reader(str(error))
            return ReaderUnavailable(str(error))
        if code == scard.SCARD_E_SHARING_VIOLATION:
            return ReaderUnavailable(f"the card is in use by another application: {error}")
        if during_read and self._card_left(reader):
            return CardRemoved(f"card left the reader during the read ({error})")
        return CardUnreadable(str(error))

    def _card_left(self, reader: str) -> bool:
        """After a failed APDU: did the card leave? (pcscd notices within its poll period.)"""
        state = scard.SCARD_STATE_PRESENT
        deadline = time.monotonic() + REMOVAL_CONFIRM_TIMEOUT
        while True:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            try:
                states = _call(
                    "SCardGetStatusChange",
                    scard.SCardGetStatusChange,
                    self._context,
                    max(remaining_ms, 0),
                    [(reader, state)],
                )
            except PcscError:
                return False
            event_state = states[0][1]
            if not event_state & scard.SCARD_STATE_PRESENT:
                return True
            if remaining_ms <= 0:
                return False
            state = event_state & ~scard.SCARD_STATE_CHANGED

    # --- status --------------------------------------------------------------------------------
    def status(self) -> ReaderStatus:
        """A fresh look at pcscd and the reader; does not consume or produce events."""
        try:
            if self._context is None:
                self._context = _call(
                    "SCardEstablishContext", scard.SCardEstablishContext, scard.SCARD_SCOPE_USER
                )
            reader = self._matching_reader()
            if reader is None:
                return ReaderStatus(True, False, "", False)
            states = _call(
                "SCardGetStatusChange",
                scard.SCardGetStatusChange,
                self._context,
                0,
                [(reader, scard.SCARD_STATE_UNAWARE)],
            )
        except PcscError as e:
            if e.hresult in READER_LOST:
                return ReaderStatus(True, False, "", False)
            self._lose_service(str(e))
            return ReaderStatus(False, False, "", False)
        present = bool(states[0][1] & scard.SCARD_STATE_PRESENT)
        return ReaderStatus(True, True, reader, present)

    def close(self) -> None:
        if self._context is not None:
            context, self._context = self._context, None
            with suppress(scard.error):
                scard.SCardReleaseContext(context)
        self._reader = None
