"""How IPP printer-state and printer-state-reasons map to PrinterState and errors (no cupsd)."""

from __future__ import annotations

import pytest

from drivers.errors import PrinterJammed, PrinterOutOfPaper, PrinterUnavailable
from drivers.printer.api import PrinterState, PrinterStatus
from drivers.printer.cups import (
    PRINTER_IDLE,
    PRINTER_PROCESSING,
    PRINTER_STOPPED,
    classify,
    error_for,
)


@pytest.mark.parametrize(
    ("state", "reasons", "accepting", "expected"),
    [
        (PRINTER_IDLE, ["none"], True, PrinterState.READY),
        (PRINTER_PROCESSING, ["none"], True, PrinterState.PRINTING),
        (PRINTER_IDLE, ["media-empty-error"], True, PrinterState.OUT_OF_PAPER),
        (PRINTER_IDLE, ["media-needed"], True, PrinterState.OUT_OF_PAPER),
        (PRINTER_PROCESSING, ["media-jam-error"], True, PrinterState.JAMMED),
        (PRINTER_PROCESSING, ["offline-report"], True, PrinterState.OFFLINE),
        (PRINTER_STOPPED, ["paused"], True, PrinterState.DISABLED),
        (PRINTER_IDLE, ["none"], False, PrinterState.DISABLED),
        # the cause wins over the stopped queue it caused
        (PRINTER_STOPPED, ["paused", "media-empty-error"], True, PrinterState.OUT_OF_PAPER),
        # warnings never block printing
        (PRINTER_IDLE, ["media-low-warning", "toner-low-warning"], True, PrinterState.READY),
        (PRINTER_IDLE, ["media-empty-warning"], True, PrinterState.READY),
    ],
)
def test_classify(state: int, reasons: list[str], accepting: bool, expected: PrinterState) -> None:
    assert classify(state, reasons, accepting) is expected


def test_errors_name_the_cause_for_technicians() -> None:
    status = PrinterStatus(PrinterState.OUT_OF_PAPER, "q", ["media-empty-error"], "Tray 1 empty")
    error = error_for(status)
    assert isinstance(error, PrinterOutOfPaper)
    assert "media-empty-error" in error.detail and "Tray 1 empty" in error.detail
    assert isinstance(error_for(PrinterStatus(PrinterState.JAMMED, "q")), PrinterJammed)
    assert isinstance(error_for(PrinterStatus(PrinterState.DISABLED, "q")), PrinterUnavailable)
    assert error_for(PrinterStatus(PrinterState.READY, "q")) is None
    assert error_for(PrinterStatus(PrinterState.PRINTING, "q")) is None
