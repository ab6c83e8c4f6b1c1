"""The one sort of failures: driver error codes and bugs → a resident screen, out of service, or
only a log line.

Every part reports a `kiosk.core.faults.Fault` here (`report`); repeated faults of the kiosk's own
devices and bugs within the window of `FailureCounter` emit `out_of_service`, and the shell takes
the kiosk out of service. A device that works again forgives its own faults (`forgive`). What a
resident is told about a card error is sorted here too (`card_error_kind`); the error screen only
words the kind it is given.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from drivers.errors import (
    CardExpired,
    CardRemoved,
    CardUnreadable,
    NotASocialSecurityCard,
    ReaderUnavailable,
)
from kiosk.core.failures import FailureCounter
from kiosk.core.faults import Fault, FaultSource
from kiosk.screens.common.error import ErrorKind

log = logging.getLogger(__name__)

# drivers.errors codes -> what the resident is told; any other card code is "unexpected"
CARD_ERROR_KINDS: dict[str, ErrorKind] = {
    NotASocialSecurityCard.code: ErrorKind.NOT_SSC,
    CardExpired.code: ErrorKind.EXPIRED,
    CardUnreadable.code: ErrorKind.UNREADABLE,
    CardRemoved.code: ErrorKind.CARD_REMOVED,
    ReaderUnavailable.code: ErrorKind.NO_READER,
}


def card_error_kind(code: str) -> ErrorKind:
    return CARD_ERROR_KINDS.get(code, ErrorKind.UNEXPECTED)


class Faults(QObject):
    """`out_of_service()`: enough faults within the window; the shell stops serving residents."""

    out_of_service = Signal()

    def __init__(
        self,
        monotonic: Callable[[], float] = time.monotonic,
        counter: FailureCounter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self.counter = counter or FailureCounter()
        self._held: set[FaultSource] = set()  # sources of faults that count at once

    def report(self, fault: Fault) -> None:
        """Log the fault; count it if it is the kiosk's own; out of service when enough count."""
        if not fault.counts_towards_out_of_service:
            log.info("fault (not the kiosk's): %s", fault)
            return
        log.warning("failure: %s", fault, extra={"event": "fault"})
        reached = self.counter.record(self._monotonic(), fault.source)
        if fault.out_of_service_at_once:
            self._held.add(fault.source)  # until a technician forgives it (or a restart)
            log.error("%s: out of service at once", fault, extra={"event": "out_of_service"})
            self.out_of_service.emit()
        elif reached:
            log.error("repeated failures: out of service", extra={"event": "out_of_service"})
            self.out_of_service.emit()

    def forgive(self, source: FaultSource) -> None:
        """The part works again: its own faults are forgotten, no others."""
        self.counter.reset(source)
        self._held.discard(source)

    @property
    def reached(self) -> bool:
        return self.counter.reached or bool(self._held)
