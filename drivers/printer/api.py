"""What the application needs from a printer.

`print_pdf` blocks until the job completed, failed, or our own deadline passed; call it from the
printer worker thread only. Errors are those of `drivers.errors` (PrinterError subclasses).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class PrinterState(enum.Enum):
    READY = "ready"
    PRINTING = "printing"
    OUT_OF_PAPER = "out_of_paper"
    JAMMED = "paper_jam"
    OFFLINE = "offline"
    DISABLED = "disabled"
    UNAVAILABLE = "unavailable"  # no such queue, or CUPS not reachable


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    name: str
    reasons: list[str] = field(default_factory=list)  # CUPS printer-state-reasons, raw
    message: str = ""  # printer-state-message
    queued_jobs: int = 0


@dataclass(frozen=True)
class PrintResult:
    job_id: int
    pages: int


class Printer(Protocol):
    def status(self) -> PrinterStatus: ...

    def print_pdf(self, pdf: Path, title: str, timeout: float) -> PrintResult:
        """Submit and follow the job to completion. Raises PrinterOutOfPaper, PrinterJammed,
        PrinterOffline, PrinterUnavailable, PrintTimeout, PrintFailed."""
        ...
