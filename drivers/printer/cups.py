"""A CUPS queue as a `Printer`, through pycups.

CUPS is optimistic: a job to an unreachable printer stays "processing" forever, a queue pauses
itself on "no paper" and holds the job, and some printers report an out-of-paper job as
completed. So `print_pdf` follows the job itself, looks at the printer's state-reasons on every
poll, cancels the job when it gives up (a resident who walked away must not find a statement
printing later), and raises the `drivers.errors` type that says what went wrong.

pycups connections are not thread-safe: each call opens its own. Call from the printer worker
thread only (`print_pdf` blocks).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cups

from drivers.errors import (
    PrinterError,
    PrinterJammed,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterUnavailable,
    PrintFailed,
    PrintTimeout,
)
from drivers.printer.api import PrinterState, PrinterStatus, PrintResult
from drivers.printer.pdfpages import count_pdf_pages

POLL_INTERVAL = 0.25  # seconds between job-state queries

# IPP enums (RFC 8011) as pycups reports them.
PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED = 3, 4, 5
JOB_PENDING, JOB_HELD, JOB_PROCESSING, JOB_STOPPED = 3, 4, 5, 6
JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED = 7, 8, 9
JOB_FINISHED = frozenset({JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED})

PRINTER_ATTRIBUTES = [
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
    "queued-job-count",
]
JOB_ATTRIBUTES = [
    "job-state",
    "job-state-reasons",
    "job-printer-state-message",
    "job-impressions-completed",
]

# printer-state-reasons keywords (suffix -error/-report stripped; -warning ones never block).
OUT_OF_PAPER_REASONS = frozenset({"media-empty", "media-needed", "input-tray-missing"})
JAM_REASONS = frozenset({"media-jam", "jam"})
OFFLINE_REASONS = frozenset({"offline", "shutdown", "connecting-to-device-timeout"})
DISABLED_REASONS = frozenset({"paused", "stopped", "moving-to-paused"})
_SUFFIXES = ("-error", "-report")

_STATE_ERRORS: dict[PrinterState, type[PrinterError]] = {
    PrinterState.OUT_OF_PAPER: PrinterOutOfPaper,
    PrinterState.JAMMED: PrinterJammed,
    PrinterState.OFFLINE: PrinterOffline,
    PrinterState.DISABLED: PrinterUnavailable,
    PrinterState.UNAVAILABLE: PrinterUnavailable,
}


def _reason_keywords(reasons: list[str]) -> set[str]:
    """Blocking reason keywords without their severity suffix; warnings and "none" dropped."""
    keywords: set[str] = set()
    for reason in reasons:
        if reason == "none" or reason.endswith("-warning"):
            continue
        for suffix in _SUFFIXES:
            if reason.endswith(suffix):
                reason = reason[: -len(suffix)]
                break
        keywords.add(reason)
    return keywords


def classify(state: int, reasons: list[str], accepting: bool) -> PrinterState:
    """The application's view of a queue from IPP printer-state and printer-state-reasons.

    A physical problem (paper, jam, offline) wins over "stopped": CUPS stops the queue because of
    it, and the resident-facing message must name the cause.
    """
    keywords = _reason_keywords(reasons)
    if keywords & OUT_OF_PAPER_REASONS:
        return PrinterState.OUT_OF_PAPER
    if keywords & JAM_REASONS:
        return PrinterState.JAMMED
    if keywords & OFFLINE_REASONS:
        return PrinterState.OFFLINE
    if state == PRINTER_STOPPED or not accepting or keywords & DISABLED_REASONS:
        return PrinterState.DISABLED
    if state == PRINTER_PROCESSING:
        return PrinterState.PRINTING
    return PrinterState.READY


def error_for(status: PrinterStatus) -> PrinterError | None:
    """The error a job meets on a printer in `status`, or None when it can print."""
    cls = _STATE_ERRORS.get(status.state)
    if cls is None:
        return None
    detail = f"{status.name}: {status.state.value} ({', '.join(status.reasons) or 'no reasons'})"
    if status.message:
        detail += f": {status.message}"
    return cls(detail)


@dataclass
class CupsPrinter:
    """The CUPS queue `name` on the local cupsd (or `server`, a host or socket path)."""

    name: str
    server: str | None = None
    poll_interval: float = POLL_INTERVAL

    def _connect(self) -> Any:
        if self.server:
            cups.setServer(self.server)
        try:
            return cups.Connection()
        except RuntimeError as e:
            raise PrinterUnavailable(f"CUPS is not reachable: {e}") from e

    def _status(self, conn: Any) -> PrinterStatus:
        try:
            attrs = conn.getPrinterAttributes(self.name, requested_attributes=PRINTER_ATTRIBUTES)
        except cups.IPPError as e:
            status_code, message = e.args
            if status_code == cups.IPP_NOT_FOUND:
                return PrinterStatus(PrinterState.UNAVAILABLE, self.name, message="no such queue")
            raise PrinterUnavailable(f"{self.name}: {message} ({status_code})") from e
        except cups.HTTPError as e:
            raise PrinterUnavailable(f"{self.name}: CUPS HTTP error {e.args[0]}") from e
        reasons = list(attrs.get("printer-state-reasons", []))
        state = classify(
            int(attrs.get("printer-state", PRINTER_IDLE)),
            reasons,
            bool(attrs.get("printer-is-accepting-jobs", True)),
        )
        return PrinterStatus(
            state=state,
            name=self.name,
            reasons=reasons,
            message=str(attrs.get("printer-state-message", "")),
            queued_jobs=int(attrs.get("queued-job-count", 0)),
        )

    def status(self) -> PrinterStatus:
        """The queue's state now; UNAVAILABLE (not an exception) when CUPS or the queue is gone."""
        try:
            return self._status(self._connect())
        except PrinterUnavailable as e:
            return PrinterStatus(PrinterState.UNAVAILABLE, self.name, message=e.detail)

    def print_pdf(self, pdf: Path, title: str, timeout: float) -> PrintResult:
        try:
            data = pdf.read_bytes()
        except OSError as e:
            raise PrintFailed(f"cannot read {pdf}: {e.strerror}") from e
        conn = self._connect()
        blocked = error_for(self._status(conn))
        if blocked is not None:
            raise blocked
        try:
            job_id = int(conn.printFile(self.name, str(pdf), title, {}))
        except cups.IPPError as e:
            status_code, message = e.args
            raise PrinterUnavailable(f"{self.name}: job refused: {message} ({status_code})") from e
        except cups.HTTPError as e:
            raise PrinterUnavailable(f"{self.name}: job refused: HTTP error {e.args[0]}") from e
        pages = self._follow(conn, job_id, time.monotonic() + timeout, timeout)
        return PrintResult(job_id=job_id, pages=pages or count_pdf_pages(data))

    def _follow(self, conn: Any, job_id: int, deadline: float, timeout: float) -> int:
        """Wait for `job_id` to finish; returns impressions completed (0 when CUPS does not say)."""
        while True:
            try:
                job = conn.getJobAttributes(job_id, requested_attributes=JOB_ATTRIBUTES)
                printer = self._status(conn)
            except cups.IPPError as e:
                if e.args[0] == cups.IPP_NOT_FOUND:  # purged (e.g. `cancel -x` at the printer)
                    raise PrintFailed(f"{self.name}: job {job_id} no longer exists") from e
                conn = self._lost(conn, job_id, deadline, e)
                continue
            except (cups.HTTPError, PrinterUnavailable) as e:
                conn = self._lost(conn, job_id, deadline, e)
                continue
            state = int(job.get("job-state", JOB_PENDING))
            problem = error_for(printer)
            if state == JOB_COMPLETED:
                # Some printers report an out-of-paper job as completed: trust the printer.
                if problem is not None and printer.state is not PrinterState.DISABLED:
                    raise problem
                return int(job.get("job-impressions-completed", 0) or 0)
            if state in JOB_FINISHED:
                raise problem or PrintFailed(_job_detail(self.name, job_id, job))
            if problem is not None:
                # the queue stopped (paper, jam, paused) or the device went away: give up now
                self._cancel(conn, job_id)
                raise problem
            if state == JOB_HELD and "job-incoming" not in _job_reasons(job):
                # held (job-hold-until, a technician's hold, authentication): never prints by itself
                self._cancel(conn, job_id)
                raise PrintFailed(f"{_job_detail(self.name, job_id, job)}; held, cancelled")
            if time.monotonic() >= deadline:
                self._cancel(conn, job_id)
                raise PrintTimeout(
                    f"{self.name}: job {job_id} not completed after {timeout:g} s "
                    f"({_job_detail(self.name, job_id, job)}); cancelled"
                )
            time.sleep(self.poll_interval)

    def _lost(self, conn: Any, job_id: int, deadline: float, error: Exception) -> Any:
        """CUPS stopped answering while following `job_id` (cupsd restarting, or gone): wait and
        reconnect until our deadline, so a restart does not fail the job and a job CUPS keeps
        can still be cancelled; then PrinterUnavailable."""
        if time.monotonic() >= deadline:
            raise PrinterUnavailable(
                f"{self.name}: CUPS stopped answering while following job {job_id} ({error})"
            ) from error
        time.sleep(self.poll_interval)
        try:
            return self._connect()
        except PrinterUnavailable:
            return conn

    @staticmethod
    def _cancel(conn: Any, job_id: int) -> None:
        # already finished or gone, or CUPS not answering: nothing more we can stop
        with contextlib.suppress(cups.IPPError, cups.HTTPError):
            conn.cancelJob(job_id, purge_job=False)


def _job_reasons(job: dict[str, Any]) -> list[str]:
    reasons = job.get("job-state-reasons", [])
    return [reasons] if isinstance(reasons, str) else list(reasons)


def _job_detail(name: str, job_id: int, job: dict[str, Any]) -> str:
    reasons = _job_reasons(job)
    message = job.get("job-printer-state-message", "")
    state = job.get("job-state", "?")
    return f"{name} job {job_id} state {state} reasons {','.join(reasons)} {message}".strip()
