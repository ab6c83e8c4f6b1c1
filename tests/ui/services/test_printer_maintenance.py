"""Maintenance's printer check and test page run on the printer service's worker, on the one
printer that worker owns (no second printer object is opened for maintenance)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.errors import PrinterOutOfPaper
from drivers.printer.api import Printer
from drivers.printer.simulated import SimulatedPrinter
from kiosk.ops.diagnostics import Check, CheckId, State
from kiosk.services.printer_service import PrinterService, TestPageResult

WAIT_MS = 30_000  # the worker warms the fonts up first (~1 s); margin, not a limit


class _Opened:
    """The printer factory the worker calls: counts the opens and the threads they ran on."""

    def __init__(self, folder: Path) -> None:
        self.printer = SimulatedPrinter(folder)
        self.threads: list[threading.Thread] = []

    def __call__(self) -> Printer:
        self.threads.append(threading.current_thread())
        return self.printer


@pytest.fixture
def service(kiosk_config: Any, tmp_path: Path) -> Iterator[tuple[PrinterService, _Opened]]:
    config = kiosk_config(devices={"printer": "simulated"})
    printer_service = PrinterService.from_config(config)
    opened = _Opened(tmp_path / "printed")
    printer_service.worker._open_printer = opened
    printer_service.start()
    try:
        yield printer_service, opened
    finally:
        printer_service.shutdown()


def test_the_printer_check_runs_on_the_worker_and_its_printer(qtbot: Any, service: Any) -> None:
    printer_service, opened = service
    with qtbot.waitSignal(printer_service.status_probed, timeout=WAIT_MS) as answer:
        request_id = printer_service.probe_status()
    got_id, check = answer.args
    assert got_id == request_id
    assert isinstance(check, Check) and check.id is CheckId.PRINTER
    # a simulated printer works but is worth a warning on a kiosk (as before)
    assert (check.state, check.reason) == (State.WARNING, "simulated")
    assert len(opened.threads) == 1 and opened.threads[0] is not threading.main_thread()


def test_the_test_page_is_printed_by_the_same_printer(qtbot: Any, service: Any) -> None:
    printer_service, opened = service
    with qtbot.waitSignal(printer_service.status_probed, timeout=WAIT_MS):
        printer_service.probe_status()
    with qtbot.waitSignal(printer_service.test_page_done, timeout=WAIT_MS) as answer:
        request_id = printer_service.print_test_page()
    (result,) = answer.args
    assert isinstance(result, TestPageResult) and result.request_id == request_id
    assert result.printed and result.job_id == 1
    assert result.message == "job 1, 1 page(s)"
    assert len(opened.threads) == 1  # opened once, for the check; the test page reused it
    (pdf,) = opened.printer.printed
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_failed_test_page_says_why_and_records_nothing(qtbot: Any, service: Any) -> None:
    printer_service, opened = service
    completed: list[object] = []
    printer_service.completed.connect(completed.append)
    printer_service.failed.connect(completed.append)  # a test page never counts as out of service
    opened.printer.fail_with = PrinterOutOfPaper("simulated: no paper")
    with qtbot.waitSignal(printer_service.test_page_done, timeout=WAIT_MS) as answer:
        printer_service.print_test_page()
    (result,) = answer.args
    assert not result.printed and result.job_id is None
    assert result.message == "out_of_paper: simulated: no paper"
    assert completed == []
    assert printer_service.worker._store is None  # no transaction here: maintenance audits it
