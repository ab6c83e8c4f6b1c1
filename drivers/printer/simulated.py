"""A printer that "prints" by copying the PDF into a folder: for demos, development and tests
of the application's print flow. It can be told to fail, as a real printer would."""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from drivers.errors import (
    PrinterError,
    PrinterJammed,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterUnavailable,
    PrintFailed,
)
from drivers.printer.api import PrinterState, PrinterStatus, PrintResult
from drivers.printer.pdfpages import count_pdf_pages

# A printed copy is a resident's statement: the folder and its files are the kiosk user's alone.
PRINTED_DIR_MODE = 0o700
PRINTED_FILE_MODE = 0o600

_STATE_OF_ERROR: dict[type[PrinterError], PrinterState] = {
    PrinterOutOfPaper: PrinterState.OUT_OF_PAPER,
    PrinterJammed: PrinterState.JAMMED,
    PrinterOffline: PrinterState.OFFLINE,
    PrinterUnavailable: PrinterState.UNAVAILABLE,
}


@dataclass
class SimulatedPrinter:
    """Writes each job to `folder` as "<job id>-<title>.pdf". `fail_with` makes every job (and
    `status`) fail with that error until cleared."""

    folder: Path
    name: str = "simulated"
    fail_with: PrinterError | None = None
    printed: list[Path] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1), repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def status(self) -> PrinterStatus:
        if self.fail_with is None:
            return PrinterStatus(PrinterState.READY, self.name)
        state = _STATE_OF_ERROR.get(type(self.fail_with), PrinterState.READY)
        return PrinterStatus(state, self.name, reasons=[self.fail_with.code], message="simulated")

    def print_pdf(self, pdf: Path, title: str, timeout: float) -> PrintResult:
        if self.fail_with is not None:
            raise self.fail_with
        try:
            data = pdf.read_bytes()
        except OSError as e:
            raise PrintFailed(f"cannot read {pdf}: {e.strerror}") from e
        with self._lock:
            job_id = next(self._ids)
            self.folder.mkdir(mode=PRINTED_DIR_MODE, parents=True, exist_ok=True)
            safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in title)[:60] or "job"
            target = self.folder / f"{job_id:04d}-{safe}.pdf"
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRINTED_FILE_MODE)
                os.fchmod(fd, PRINTED_FILE_MODE)  # an older copy of that name may be 644
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
            except OSError as e:
                raise PrintFailed(f"cannot write {target}: {e.strerror}") from e
            self.printed.append(target)
        return PrintResult(job_id=job_id, pages=count_pdf_pages(data))
