"""The printer worker warms the document fonts up at start-up, in ITS thread (never the GUI's),
so the first resident's statement does not pay the ~1 s of font parsing."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread

from kiosk.documents.warm_up import warm_up
from kiosk.services.printer_service import PrinterService
from tests.ui.helpers import emitted


def test_the_worker_warms_the_fonts_up_in_its_own_thread(kiosk_config: Any, qtbot: Any) -> None:
    config = kiosk_config(devices={"printer": "simulated"})
    service = PrinterService.from_config(config)
    assert service.worker._warm_up is warm_up  # the real warm-up is wired in by default
    ran_in: list[tuple[QThread, threading.Thread]] = []

    def record() -> None:
        ran_in.append((QThread.currentThread(), threading.current_thread()))
        warm_up()

    service.worker._warm_up = record
    warmed = emitted(service.worker.warmed_up)  # on the worker's thread: see `emitted`
    service.start()
    try:
        qtbot.waitUntil(lambda: len(warmed) == 1, timeout=30_000)
        assert len(ran_in) == 1
        qthread, pythread = ran_in[0]
        assert qthread is service.worker.thread()
        assert qthread.objectName() == "printer-worker"
        assert pythread is not threading.main_thread()
    finally:
        service.shutdown()


def test_the_kiosk_starts_its_printer_worker_warming_up(make_kiosk_app: Any, qtbot: Any) -> None:
    """Wired into the application: starting the kiosk starts the warm-up on the worker."""
    app = make_kiosk_app(start=False)
    worker = app.statement.printer.worker
    warmed = emitted(worker.warmed_up)
    app.start(show=False)
    qtbot.waitUntil(lambda: len(warmed) == 1, timeout=30_000)
    assert worker.thread() is not QThread.currentThread()
