"""What diagnostics report: one `Check` per part of the kiosk, its state word, the report.

The model only (no Qt, no I/O), imported by the probes (diagnostics.py), the device checks of
`kiosk-admin devices` (diagnostics_devices.py), the log check (diagnostics_logs.py), the bundle,
and the maintenance screens.

States: OK (nothing to do), WARNING (works, but look at it), FAULT (a resident-facing function is
broken), UNKNOWN (could not be checked, e.g. the port is held by the running kiosk).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from kiosk import __version__


class State(StrEnum):
    OK = "OK"
    WARNING = "WARNING"
    FAULT = "FAULT"
    UNKNOWN = "UNKNOWN"


SEVERITY = {State.OK: 0, State.UNKNOWN: 1, State.WARNING: 2, State.FAULT: 3}


class CheckId(StrEnum):
    CARD_READER = "card_reader"
    FINGERPRINT = "fingerprint"
    PRINTER = "printer"
    COUNTY = "county"
    DATABASE = "database"
    DISK = "disk"
    SOFTWARE = "software"
    LOG_ERRORS = "log_errors"


TITLES = {
    CheckId.CARD_READER: "Card reader",
    CheckId.FINGERPRINT: "Fingerprint sensor",
    CheckId.PRINTER: "Printer",
    CheckId.COUNTY: "County platform",
    CheckId.DATABASE: "Database",
    CheckId.DISK: "Disk space",
    CheckId.SOFTWARE: "Software",
    CheckId.LOG_ERRORS: "Recent errors",
}


@dataclass(frozen=True)
class Check:
    """One line of the diagnostics screen. `reason` is a stable code (for translation and
    scripts), `text` a short English sentence for the technician, `details` JSON-safe facts."""

    id: CheckId
    state: State
    reason: str
    text: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return TITLES[self.id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id.value,
            "title": self.title,
            "state": self.state.value,
            "reason": self.reason,
            "text": self.text,
            "details": self.details,
        }


@dataclass(frozen=True)
class DiagnosticsReport:
    checks: tuple[Check, ...]
    generated_at: str  # ISO 8601, UTC

    @property
    def worst(self) -> State:
        return max((c.state for c in self.checks), key=SEVERITY.__getitem__, default=State.OK)

    @property
    def has_fault(self) -> bool:
        return any(c.state is State.FAULT for c in self.checks)

    def check(self, check_id: CheckId) -> Check:
        return next(c for c in self.checks if c.id is check_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "generated_at": self.generated_at,
            "version": __version__,
            "worst": self.worst.value,
            "checks": [c.to_dict() for c in self.checks],
        }


def utc_now_iso(clock: Callable[[], float] = time.time) -> str:
    return datetime.fromtimestamp(clock(), UTC).isoformat(timespec="seconds")


def guarded(check_id: CheckId, probe: Callable[[], Check]) -> Check:
    """Run a probe; any exception becomes a FAULT naming it (a probe never raises)."""
    try:
        return probe()
    except Exception as e:  # the point: whatever a device library throws, the screen shows it
        return Check(check_id, State.FAULT, _reason_of(e), f"check failed: {describe(e)}")


def describe(e: BaseException) -> str:
    detail = getattr(e, "detail", None) or str(e) or type(e).__name__
    return " ".join(str(detail).split())[:300]


def _reason_of(e: BaseException) -> str:
    code = getattr(e, "code", None)
    return str(code) if isinstance(code, str) else "error"
