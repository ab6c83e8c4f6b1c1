"""The statement flow on its `FlowContext` alone (no KioskApp): real screens on a real navigator,
the real card service on the simulated reader, the real printer service on the simulated printer
and the real store. Printer failures are reported through the context as `Fault`s."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from drivers.card.simulated import SimulatedCardReader
from drivers.errors import PrinterOffline, PrinterOutOfPaper
from drivers.printer.simulated import SimulatedPrinter
from kiosk.core.certification import ReceiptRequest
from kiosk.core.clock import kiosk_now
from kiosk.core.faults import Fault, FaultSource
from kiosk.core.statement_rules import DocumentKind, FailureKind
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.flows.statement import StatementFlow
from kiosk.screens.names import ScreenName
from kiosk.screens.statement.pin import PinScreen
from kiosk.screens.statement.preview import StatementPreviewScreen
from kiosk.screens.statement.printing import PrintingScreen, PrintState
from kiosk.services.card_service import CardService
from kiosk.services.printer_service import PrinterService
from tests.ui.flows.conftest import WAIT_MS, FlowKit
from tests.ui.helpers import click, type_digits
from tests.ui.statement_helpers import PIN, seed, statement_prints


@dataclass
class Statement:
    kit: FlowKit
    reader: SimulatedCardReader
    card: CardService
    printer: PrinterService
    flow: StatementFlow

    @property
    def printing(self) -> PrintingScreen:
        return self.kit.navigator.get_as(ScreenName.PRINTING, PrintingScreen)

    def simulated_printer(self) -> SimulatedPrinter:
        """The worker's own printer object (opening a SimulatedPrinter does no I/O)."""
        printer = self.printer.worker._printer_()
        assert isinstance(printer, SimulatedPrinter)
        return printer

    def card_in_and_pin(self, qtbot: Any) -> None:
        """The card read by the shell (insert_card -> pin), then the right PIN on the keypad."""
        self.reader.insert(SAMPLE_CARD)
        self.kit.session.set_card(SAMPLE_CARD, kiosk_now())
        self.kit.navigator.go(ScreenName.PIN)
        type_digits(qtbot, self.kit.navigator.get_as(ScreenName.PIN, PinScreen).keypad, PIN)


@pytest.fixture
def statement(flow_kit: FlowKit) -> Iterator[Statement]:
    """The flow with the card and printer services built, started and shut down as the app does
    (kiosk/app.py); the PIN is the only way in (no fingerprint service)."""
    reader = SimulatedCardReader()
    card = CardService(lambda: reader, today=lambda: kiosk_now().date())
    printer = PrinterService.from_config(flow_kit.config)
    flow = StatementFlow(flow_kit.ctx, card, printer)
    flow_kit.on_session_end.append(flow.session_ended)  # the app connects the shell's signal
    card.start()
    printer.start()
    yield Statement(flow_kit, reader, card, printer, flow)
    card.shutdown()
    printer.shutdown()


def _receipt() -> ReceiptRequest:
    return ReceiptRequest(
        benefit="pension",
        result="passed",
        time=datetime(2026, 11, 28, 9, 30, tzinfo=timezone(timedelta(hours=8))),
        next_due=date(2027, 11, 30),
        person_id=SAMPLE_CARD.person_id,
        name=SAMPLE_CARD.name,
        tx_id="00000000-0000-4000-8000-000000000000",
    )


def test_a_receipt_on_an_offline_printer_reports_a_printer_fault_and_shows_the_failure(
    statement: Statement, qtbot: Any
) -> None:
    kit = statement.kit
    kit.session.set_card(SAMPLE_CARD, kiosk_now())
    statement.simulated_printer().fail_with = PrinterOffline("offline-report")
    with qtbot.waitSignal(statement.printer.failed, timeout=WAIT_MS):
        statement.flow.print_receipt(_receipt())
        assert kit.current == ScreenName.PRINTING
    printing = statement.printing
    assert printing.state is PrintState.FAILED
    assert printing.failure is FailureKind.OFFLINE
    assert printing.document is DocumentKind.RECEIPT
    assert kit.faults == [Fault(FaultSource.PRINTER, "printer_offline")]
    assert kit.faults[0].counts_towards_out_of_service
    [(_person, payload)] = statement_prints(kit)
    assert payload["printed"] is False and payload["printer_error"] == "printer_offline"


def test_a_statement_on_a_printer_out_of_paper_reports_the_fault_and_shows_it(
    statement: Statement, qtbot: Any
) -> None:
    kit = statement.kit
    seed(kit)
    statement.card_in_and_pin(qtbot)
    kit.screen_is(qtbot, ScreenName.STATEMENT_PREVIEW)
    preview = kit.navigator.get_as(ScreenName.STATEMENT_PREVIEW, StatementPreviewScreen)
    qtbot.waitUntil(lambda: preview.ready, timeout=WAIT_MS)
    assert kit.faults == []

    statement.simulated_printer().fail_with = PrinterOutOfPaper("media-empty")
    with qtbot.waitSignal(statement.printer.failed, timeout=WAIT_MS):
        click(qtbot, preview.print_button)
    assert kit.current == ScreenName.PRINTING
    printing = statement.printing
    assert printing.state is PrintState.FAILED and printing.failure is FailureKind.OUT_OF_PAPER
    assert kit.faults == [Fault(FaultSource.PRINTER, "out_of_paper")]
    assert kit.faults[0].counts_towards_out_of_service
    assert statement.simulated_printer().printed == []
    # the failure's one button asks for help (staff); the session goes on
    click(qtbot, printing.button)
    assert kit.current == ScreenName.HELP and kit.ended == []


def test_a_resident_missing_from_the_copy_is_reported_but_does_not_count(
    statement: Statement, qtbot: Any
) -> None:
    kit = statement.kit  # nobody seeded: the card's owner is not in the offline copy
    with qtbot.waitSignal(statement.printer.prepare_failed, timeout=WAIT_MS):
        statement.card_in_and_pin(qtbot)
    assert kit.current == ScreenName.PRINTING
    assert statement.printing.state is PrintState.FAILED
    assert statement.printing.failure is FailureKind.NO_RECORD
    assert kit.faults == [Fault(FaultSource.PRINTER, "no_record")]
    assert not kit.faults[0].counts_towards_out_of_service
    assert statement_prints(kit) == []
