"""CupsPrinter while cupsd restarts or goes away under a job (a scripted pycups connection).

pycups raises its own `cups.IPPError` (1282 "Service Unavailable") when cupsd stops answering
between two polls; `print_pdf` must still raise only `drivers.errors` errors, follow the job
again when CUPS is back, and cancel it when it gives up.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cups
import pytest

from drivers.errors import PrinterUnavailable, PrintFailed, PrintTimeout
from drivers.printer import cups as cups_driver
from drivers.printer.cups import (
    JOB_COMPLETED,
    JOB_PROCESSING,
    PRINTER_IDLE,
    PRINTER_PROCESSING,
    CupsPrinter,
)

SERVICE_UNAVAILABLE = cups.IPP_SERVICE_UNAVAILABLE
JOB_ID = 41


class ScriptedCups:
    """Answers getJobAttributes from a script: a job-state, or an exception to raise."""

    def __init__(self, script: list[Any]) -> None:
        self.script: Iterator[Any] = iter(script)
        self.last: Any = JOB_PROCESSING
        self.cancelled: list[int] = []
        self.down = False

    def connection(self) -> ScriptedConnection:
        if self.down:
            raise RuntimeError("failed to connect to server")
        return ScriptedConnection(self)


class ScriptedConnection:
    def __init__(self, server: ScriptedCups) -> None:
        self.server = server

    def getPrinterAttributes(self, name: str, requested_attributes: Any = None) -> dict[str, Any]:
        if self.server.down:
            raise cups.IPPError(SERVICE_UNAVAILABLE, "Service Unavailable")
        state = PRINTER_PROCESSING if self.server.last == JOB_PROCESSING else PRINTER_IDLE
        return {"printer-state": state, "printer-state-reasons": ["none"]}

    def printFile(self, name: str, path: str, title: str, options: Any) -> int:
        return JOB_ID

    def getJobAttributes(self, job_id: int, requested_attributes: Any = None) -> dict[str, Any]:
        step = next(self.server.script, self.server.last)
        if step == "down":
            self.server.down = True
        elif step == "up":
            self.server.down = False
            step = JOB_PROCESSING
        if self.server.down:
            raise cups.IPPError(SERVICE_UNAVAILABLE, "Service Unavailable")
        self.server.last = step
        return {"job-state": step, "job-impressions-completed": 1}

    def cancelJob(self, job_id: int, purge_job: bool = False) -> None:
        if self.server.down:
            raise cups.IPPError(SERVICE_UNAVAILABLE, "Service Unavailable")
        self.server.cancelled.append(job_id)


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "job.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n")
    return path


def _printer(monkeypatch: pytest.MonkeyPatch, server: ScriptedCups) -> CupsPrinter:
    monkeypatch.setattr(cups_driver.cups, "Connection", server.connection)
    monkeypatch.setattr(cups_driver.time, "sleep", lambda _s: None)
    return CupsPrinter("statement", poll_interval=0.0)


def test_a_cupsd_restart_mid_job_is_followed_to_completion(
    monkeypatch: pytest.MonkeyPatch, pdf: Path
) -> None:
    server = ScriptedCups([JOB_PROCESSING, "down", "down", "up", JOB_COMPLETED])
    result = _printer(monkeypatch, server).print_pdf(pdf, "statement", timeout=60.0)
    assert result.job_id == JOB_ID
    assert server.cancelled == []


def test_cups_gone_for_good_is_printer_unavailable_not_a_hang(
    monkeypatch: pytest.MonkeyPatch, pdf: Path
) -> None:
    clock = iter(range(0, 10_000, 10))  # each look at the clock: ten seconds later
    monkeypatch.setattr(cups_driver.time, "monotonic", lambda: float(next(clock)))
    server = ScriptedCups([JOB_PROCESSING, "down"])
    with pytest.raises(PrinterUnavailable) as info:
        _printer(monkeypatch, server).print_pdf(pdf, "statement", timeout=60.0)
    assert f"job {JOB_ID}" in info.value.detail


def test_cups_back_but_the_job_stuck_times_out_and_is_cancelled(
    monkeypatch: pytest.MonkeyPatch, pdf: Path
) -> None:
    clock = iter(range(0, 10_000, 10))
    monkeypatch.setattr(cups_driver.time, "monotonic", lambda: float(next(clock)))
    server = ScriptedCups([JOB_PROCESSING, "down", "up"])  # then processing for ever
    with pytest.raises(PrintTimeout):
        _printer(monkeypatch, server).print_pdf(pdf, "statement", timeout=60.0)
    assert server.cancelled == [JOB_ID]


def test_a_job_purged_by_someone_at_the_printer_is_print_failed(
    monkeypatch: pytest.MonkeyPatch, pdf: Path
) -> None:
    server = ScriptedCups([JOB_PROCESSING])

    def purged(self: ScriptedConnection, job_id: int, requested_attributes: Any = None) -> None:
        raise cups.IPPError(cups.IPP_NOT_FOUND, "Job does not exist")

    monkeypatch.setattr(ScriptedConnection, "getJobAttributes", purged)
    with pytest.raises(PrintFailed) as info:
        _printer(monkeypatch, server).print_pdf(pdf, "statement", timeout=60.0)
    assert f"job {JOB_ID}" in info.value.detail
