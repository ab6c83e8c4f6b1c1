"""Out of service: a needed device that keeps failing sends residents to the counter named in the
configuration (terminal.counter_location), instead of letting each one try and fail."""

from __future__ import annotations

from typing import Any

from drivers.errors import PrinterOutOfPaper
from kiosk.core.faults import Fault, FaultSource
from kiosk.core.session import SessionEnd
from kiosk.screens.certify.result import ResultKind
from kiosk.screens.statement.printing import PrintState
from tests.ui.certification_helpers import card_for, resident, seed
from tests.ui.helpers import click, current_name, deliver_posted_events
from tests.ui.statement_helpers import seed as seed_statement
from tests.ui.statement_helpers import simulated_printer, to_preview

WAIT_MS = 10000
COUNTER = "镇便民服务中心3号窗口"
TERMINAL = {"counter_location": COUNTER}


def _out_of_service_names_the_counter(app: Any) -> None:
    assert current_name(app) == "out_of_service"
    assert app.screen("out_of_service").detail.text() == f"请到{COUNTER}办理"
    assert app.session.card is None and app.session.resident is None


def test_a_failing_fingerprint_sensor_puts_the_kiosk_out_of_service(
    make_kiosk_app: Any, card_reader: Any, fingerprint_sensor: Any, qtbot: Any
) -> None:
    person = resident()
    app = make_kiosk_app(terminal=TERMINAL)
    seed(app.config, person)
    fingerprint_sensor.set_available(False)
    for attempt in range(app.failures.limit):
        card_reader.insert(card_for(person))
        if attempt < app.failures.limit - 1:
            qtbot.waitUntil(lambda: current_name(app) == "result", timeout=WAIT_MS)
            assert app.screen("result").kind is ResultKind.SENSOR_ERROR
            card_reader.remove()
            qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: current_name(app) == "out_of_service", timeout=WAIT_MS)
    _out_of_service_names_the_counter(app)
    with qtbot.waitSignal(app.card.card_removed, timeout=WAIT_MS):
        card_reader.remove()  # the card taken out: the screen stays for the next resident
    deliver_posted_events()
    assert current_name(app) == "out_of_service"


def test_a_failing_printer_puts_the_kiosk_out_of_service(
    make_kiosk_app: Any, card_reader: Any, qtbot: Any
) -> None:
    app = make_kiosk_app(terminal=TERMINAL)
    seed_statement(app)
    printing = app.screen("printing")
    for attempt in range(app.failures.limit):
        preview = to_preview(qtbot, app, card_reader)
        simulated_printer(app).fail_with = PrinterOutOfPaper("media-empty")
        click(qtbot, preview.print_button)
        if attempt < app.failures.limit - 1:
            qtbot.waitUntil(lambda: printing.state is PrintState.FAILED, timeout=WAIT_MS)
            app.end_session(SessionEnd.FINISHED)
            card_reader.remove()
            qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: current_name(app) == "out_of_service", timeout=WAIT_MS)
    _out_of_service_names_the_counter(app)


def test_a_resident_unknown_to_the_copy_is_no_printer_failure(
    make_kiosk_app: Any, card_reader: Any, qtbot: Any
) -> None:
    app = make_kiosk_app(terminal=TERMINAL)
    for code in ("no_record", "not_prepared"):
        app.faults.report(Fault(FaultSource.PRINTER, code))
    assert len(app.failures) == 0
    app.faults.report(Fault(FaultSource.PRINTER, "out_of_paper"))
    assert len(app.failures) == 1
