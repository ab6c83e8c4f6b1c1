"""Answers that arrive late, or on a worker's thread: the maintenance worker's after the
technician left (the next person at the kiosk is a resident), a bug raised in a worker's slot, and
the certification's finger wait that a visit to 求助 cancelled."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Slot

from drivers.printer.api import PrintResult
from kiosk.ops.diagnostics import CheckId
from kiosk.ops.technician import AttemptResult, MaintenanceEnd, PinFile
from kiosk.screens.maintenance.actions import ActionId
from kiosk.services.maintenance_service import ActionResult
from kiosk.services.printer_service import TestPageResult
from tests.ui.helpers import click, current_name, deliver_posted_events
from tests.ui.screens.maintenance.test_maintenance import (
    PIN,
    TECH_CARD,
    TECHNICIAN_CARD,
    WAIT_MS,
    enter,
    type_pin,
    wait_audited,
)


@pytest.fixture
def tech_app(make_kiosk_app: Any, tmp_path: Path) -> Any:
    """A started kiosk with technician `li` (PIN and card), as in test_maintenance.py."""
    PinFile(tmp_path / "technician.pins").set_pin("li", PIN)
    maintenance = {"technician_cards": [TECH_CARD], "pin_file": "technician.pins"}
    return make_kiosk_app(maintenance=maintenance, county={"max_backoff": 0.2})


class _Seen(QObject):
    """Connected after the flow: a queued answer reaches it once the flow has handled it."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[object] = []

    @Slot(object)
    def add(self, item: object) -> None:
        self.items.append(item)


class _SlowPrinter:
    """Prints once `release` is set (a real printer follows the CUPS job for many seconds)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def print_pdf(self, pdf: Path, title: str, timeout: float) -> PrintResult:
        self.started.set()
        self.release.wait(WAIT_MS / 1000)
        return PrintResult(job_id=7, pages=1)


def test_a_test_page_finished_after_the_technician_left_asks_no_resident(
    qtbot: Any, tech_app: Any
) -> None:
    app = tech_app
    seen = _Seen()
    app.printer.test_page_done.connect(seen.add)  # the printer service prints the test page
    enter(qtbot, app)
    diagnostics = app.screen("maintenance_diagnostics")
    qtbot.waitUntil(lambda: CheckId.PRINTER in diagnostics.checks, timeout=WAIT_MS)
    printer = _SlowPrinter()
    app.printer.worker._printer = printer  # the one printer, held by the printer worker
    app.navigator.go("maintenance_actions")
    click(qtbot, app.screen("maintenance_actions").buttons[ActionId.TEST_PRINT])
    qtbot.waitUntil(printer.started.is_set, timeout=WAIT_MS)
    app.maintenance.end(MaintenanceEnd.LEFT)  # the technician leaves while the page prints
    assert current_name(app) == "home" and not app.maintenance.active
    printer.release.set()
    qtbot.waitUntil(lambda: len(seen.items) == 1, timeout=WAIT_MS)
    result = seen.items[0]
    assert isinstance(result, TestPageResult) and result.printed and result.job_id == 7
    # the page did print: that is audited, but nobody is asked whether it looks right
    assert current_name(app) == "home"
    wait_audited(qtbot, app, "test_print", "ok=True")


def test_a_pin_granted_after_the_technician_card_left_opens_nothing(
    qtbot: Any, tech_app: Any, card_reader: Any
) -> None:
    app = tech_app
    gate = app.maintenance.gate
    checking, release = threading.Event(), threading.Event()
    attempt = gate.attempt

    def slow_attempt(pin: str) -> AttemptResult:
        checking.set()
        release.wait(WAIT_MS / 1000)
        return attempt(pin)

    gate.attempt = slow_attempt
    seen = _Seen()
    app.maintenance_service.worker.pin_result.connect(seen.add)
    card_reader.insert(TECHNICIAN_CARD)
    qtbot.waitUntil(lambda: current_name(app) == "maintenance", timeout=WAIT_MS)
    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(checking.is_set, timeout=WAIT_MS)
    card_reader.remove()  # the technician card leaves while the PIN is being checked
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: len(seen.items) == 1, timeout=WAIT_MS)
    assert not app.maintenance.active
    assert current_name(app) == "home"


def test_a_bug_in_a_worker_slot_is_recovered_from_on_the_gui_thread(
    qtbot: Any, kiosk_app: Any
) -> None:
    """An exception escaping a worker's slot reaches `sys.excepthook` on the worker's thread;
    the recovery (end the session, go home) touches widgets, so it must run on the GUI thread."""
    from PySide6.QtCore import Qt, QThread

    from kiosk.core.session import SessionEnd

    app = kiosk_app
    ended: list[tuple[SessionEnd, bool]] = []
    app.session_ended.connect(
        lambda reason: ended.append((reason, QThread.currentThread() is app.thread())),
        Qt.ConnectionType.DirectConnection,
    )

    def buggy(_reader: object) -> object:
        raise ZeroDivisionError("a bug in a probe")

    app.card.probe(buggy)  # runs on the card thread, where the exception escapes the slot
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=WAIT_MS)
    assert ended == [(SessionEnd.ERROR, True)]


def test_back_from_help_on_the_finger_screen_waits_for_the_finger_again(
    qtbot: Any, make_kiosk_app: Any, card_reader: Any, fingerprint_sensor: Any
) -> None:
    """求助 cancels the finger wait (nothing is recorded); 返回 shows the finger screen again, so
    the wait must start again, or the resident's finger is never read."""
    from county_platform.seed import synthetic_template
    from kiosk.widgets.frame import BarButton
    from tests.ui.certification_helpers import PERSON, benefit, card_for, certifications, resident
    from tests.ui.certification_helpers import seed as seed_resident
    from tests.ui.helpers import click_bar

    person = resident(benefits=[benefit("pension", due_in_days=10)])
    app = make_kiosk_app()
    seed_resident(app.config, person)
    service = app.certification.service
    card_reader.insert(card_for(person))
    qtbot.waitUntil(lambda: current_name(app) == "finger" and service.busy, timeout=WAIT_MS)
    click_bar(qtbot, app, BarButton.HELP)
    assert current_name(app) == "help" and not service.busy  # cancelled: nothing recorded
    click_bar(qtbot, app, BarButton.BACK)
    assert current_name(app) == "finger"
    assert service.busy  # waiting for the finger again
    fingerprint_sensor.present_finger(synthetic_template(PERSON, "right_index"))
    qtbot.waitUntil(lambda: current_name(app) == "result", timeout=WAIT_MS)
    fingerprint_sensor.lift_finger()
    assert [c["result"] for c in certifications(app.config)] == ["passed"]


def test_maintenance_answers_queued_before_shutdown_touch_no_deleted_screen(
    qtbot: Any, tech_app: Any, monkeypatch: Any
) -> None:
    """The maintenance worker's answers go straight to the flow (not through a service that the
    shutdown silences): one delivered after the window was deleted must not reach its screens."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.ops.technician import AttemptOutcome, EntryMethod
    from kiosk.services.maintenance_service import MaintenanceAction

    app = tech_app
    app.maintenance.begin(EntryMethod.TOUCH_SEQUENCE)  # the PIN keypad is on show
    app.shutdown()
    errors: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _t, e, _tb: errors.append(e))
    app.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    worker = app.maintenance_service.worker
    worker.pin_result.emit(AttemptResult(AttemptOutcome.WRONG_PIN, None, 2))
    worker.action_done.emit(ActionResult(MaintenanceAction.TEST_PRINT, True, "late", {}))
    deliver_posted_events()
    assert errors == []
