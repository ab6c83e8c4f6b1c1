"""What went wrong, as a value: the one vocabulary in which workers, flows and the shell speak of
failures (pure: no Qt, no I/O).

A `Fault` carries a *source* (which part failed) and a *code*: the stable code of a typed error of
`drivers.errors` (`no_reader`, `sensor_unavailable`, `out_of_paper`, …), one of the few codes of
the kiosk's own (`reader_lost`, `store_failed`), or the exception class name of a bug. Nobody
parses a failure out of free text: the source is a field, and whether a fault counts towards
putting the kiosk out of service is decided here, once (`counts_towards_out_of_service`). What a
resident is then shown is decided by the shell (kiosk/shell/faults.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import (
    DeviceError,
    PrinterJammed,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterUnavailable,
    PrintFailed,
    PrintTimeout,
    ReaderUnavailable,
    SensorUnavailable,
)

READER_LOST = "reader_lost"  # the reader vanished while the kiosk was running (pcscd, cable)
STORE_FAILED = "store_failed"  # the offline copy could not be read or written
# The store's own faults (source STORE): each puts the kiosk out of service at once, since no
# transaction can be recorded safely; the technician sees the reason in maintenance diagnostics.
DATABASE_DAMAGED = "database_damaged"  # = offline_cache.errors.DATABASE_DAMAGED
WORKER_DIED = "worker_died"  # a worker that holds the store stopped (its error is logged)


class FaultSource(StrEnum):
    """Which part failed. A part that works again forgives its own faults only."""

    CARD = "card"
    FINGERPRINT = "fingerprint"
    PRINTER = "printer"
    STORE = "store"  # the database (offline copy, outbox, audit log)
    BUG = "bug"


def _codes(*errors: type[DeviceError]) -> frozenset[str]:
    return frozenset(error.code for error in errors)


# Faults of the kiosk's own devices: each counts towards out of service. A resident's card that
# is unreadable, a finger not enrolled or "no record for this resident" say nothing about the
# kiosk and never count.
_DEVICE_FAULTS: dict[FaultSource, frozenset[str]] = {
    FaultSource.CARD: _codes(ReaderUnavailable) | {READER_LOST},
    FaultSource.FINGERPRINT: _codes(SensorUnavailable),
    FaultSource.PRINTER: _codes(
        PrinterUnavailable,
        PrinterOffline,
        PrinterOutOfPaper,
        PrinterJammed,
        PrintTimeout,
        PrintFailed,
    ),
}


_AT_ONCE: dict[FaultSource, frozenset[str]] = {
    FaultSource.STORE: frozenset({DATABASE_DAMAGED, WORKER_DIED}),
}


@dataclass(frozen=True)
class Fault:
    source: FaultSource
    code: str

    @classmethod
    def bug(cls, kind: type[BaseException] | str) -> Fault:
        name = kind if isinstance(kind, str) else kind.__name__
        return cls(FaultSource.BUG, name)

    @property
    def counts_towards_out_of_service(self) -> bool:
        if self.source is FaultSource.BUG:
            return True
        if self.out_of_service_at_once:
            return True
        return self.code in _DEVICE_FAULTS.get(self.source, frozenset())

    @property
    def out_of_service_at_once(self) -> bool:
        """Not after three: one is enough (a damaged database, a store worker that died)."""
        return self.code in _AT_ONCE.get(self.source, frozenset())

    def __str__(self) -> str:
        return f"{self.source.value}: {self.code}"
