"""The statement printing flow: card PIN → preview → print → "请取走您的参保证明" → card reminder.
Also prints the certification flow's receipts.

Screens never call services; this object is the glue `KioskApp._connect_statement` builds: it
passes the PIN to the card worker and its answer back to the PIN screen, asks the printer worker
for the statement (looked up, rendered and drawn there), shows the preview, prints, and shows the
outcome. Each request carries an id; when a session ends the id is forgotten, so an answer that
arrives afterwards (a slow print after the card was pulled) changes nothing on screen, while the
worker still records the attempt. Prepared PDFs are discarded at the end of every session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.core.session import Session, SessionEnd
from kiosk.core.statement_flow import NOT_PREPARED_CODE, DocumentKind, PrintOutcome
from kiosk.screens.navigator import Navigator
from kiosk.screens.pin import PinScreen
from kiosk.screens.printing import PrintingScreen
from kiosk.screens.statement_preview import StatementPreviewScreen
from kiosk.services.card_service import CardService
from kiosk.services.printer_service import Preview, PrinterService

if TYPE_CHECKING:
    from kiosk.app import KioskApp

log = logging.getLogger(__name__)

PIN_SCREEN = "pin"
PREVIEW_SCREEN = "statement_preview"
PRINTING_SCREEN = "printing"


class StatementFlow(QObject):
    def __init__(
        self,
        navigator: Navigator,
        session: Session,
        card: CardService,
        printer: PrinterService,
        end_session: Callable[[SessionEnd], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.session = session
        self.card = card
        self.printer = printer
        self._end_session = end_session
        self.request_id: int | None = None  # the statement or receipt this session waits for
        pin = navigator.get(PIN_SCREEN)
        preview = navigator.get(PREVIEW_SCREEN)
        printing = navigator.get(PRINTING_SCREEN)
        assert isinstance(pin, PinScreen)
        assert isinstance(preview, StatementPreviewScreen)
        assert isinstance(printing, PrintingScreen)
        self.pin, self.preview, self.printing = pin, preview, printing

        pin.pin_entered.connect(card.request_verify_pin)
        card.pin_ok.connect(self._pin_ok)
        card.pin_wrong.connect(self._pin_wrong)
        card.pin_blocked.connect(self._pin_blocked)
        preview.print_requested.connect(self._print_requested)
        printing.finished.connect(self._finished)
        pin.finished.connect(self._finished)
        printer.prepared.connect(self._prepared)
        printer.prepare_failed.connect(self._prepare_failed)
        printer.completed.connect(self._completed)
        printer.failed.connect(self._failed)

    def start(self) -> None:
        self.printer.start()

    def shutdown(self) -> None:
        self.printer.shutdown()

    # --- card PIN -----------------------------------------------------------------------------
    def _on_pin_screen(self) -> bool:
        current = self.navigator.current
        return current is not None and current.name == PIN_SCREEN

    def _pin_ok(self) -> None:
        if not self._on_pin_screen() or self.session.card is None:
            return
        log.info("card PIN verified", extra={"event": "statement_pin_ok"})
        self.preview.clear()
        self.request_id = self.printer.prepare_statement(self.session.card.person_id)
        self.navigator.go(PREVIEW_SCREEN)

    def _pin_wrong(self, tries_left: int) -> None:
        if self._on_pin_screen():
            log.info("wrong card PIN, %d tries left", tries_left)
            self.pin.show_wrong(tries_left)

    def _pin_blocked(self) -> None:
        if self._on_pin_screen():
            log.info("card PIN blocked", extra={"event": "statement_pin_blocked"})
            self.pin.show_blocked()

    # --- statement ----------------------------------------------------------------------------
    def _prepared(self, preview: Preview) -> None:
        current = self.navigator.current
        if preview.request_id != self.request_id or current is not self.preview:
            return
        self.preview.show_document(preview.image, preview.pages)

    def _prepare_failed(self, request_id: int, code: str) -> None:
        if request_id != self.request_id:
            return
        self.request_id = None
        self.navigator.go(PRINTING_SCREEN, {"document": DocumentKind.STATEMENT, "failure": code})

    def _print_requested(self) -> None:
        if self.request_id is None:
            self.navigator.go(
                PRINTING_SCREEN, {"document": DocumentKind.STATEMENT, "failure": NOT_PREPARED_CODE}
            )
            return
        self.navigator.go(PRINTING_SCREEN, {"document": DocumentKind.STATEMENT})
        self.printer.print_prepared(self.request_id)

    # --- certification receipt ----------------------------------------------------------------
    def print_receipt(self, request: object) -> None:
        """The certification flow's `receipt_requested(ReceiptRequest)`: print it now."""
        self.request_id = self.printer.print_receipt(request)
        self.navigator.go(PRINTING_SCREEN, {"document": DocumentKind.RECEIPT})

    # --- outcome (already recorded by the worker) ---------------------------------------------
    def _completed(self, request_id: int, outcome: PrintOutcome) -> None:
        if request_id != self.request_id:
            return
        self.request_id = None
        if self.navigator.current is self.printing:
            self.printing.show_done(outcome.pages)

    def _failed(self, request_id: int, code: str, _detail: str) -> None:
        if request_id != self.request_id:
            return
        self.request_id = None
        if self.navigator.current is self.printing:
            self.printing.show_failed(code)

    def _finished(self) -> None:
        self._end_session(SessionEnd.FINISHED)

    # --- end of session -----------------------------------------------------------------------
    def session_ended(self, _reason: SessionEnd) -> None:
        """Forget the request and drop any prepared PDF (screens clear themselves)."""
        self.request_id = None
        self.printer.discard_all()


def connect_statement(app: KioskApp) -> StatementFlow:
    """Build the printer service and the flow from the application (KioskApp._connect_statement).

    The certification flow's `receipt_requested(ReceiptRequest)` (it forwards its result
    screen's) is connected to receipt printing."""
    printer = PrinterService.from_config(app.config, app)
    flow = StatementFlow(app.navigator, app.session, app.card, printer, app.end_session, app)
    app.session_ended.connect(flow.session_ended)
    certification = getattr(app, "certification", None)  # built before this (app.py)
    receipt_requested = getattr(certification, "receipt_requested", None)
    if receipt_requested is not None:
        receipt_requested.connect(flow.print_receipt)
    else:
        log.warning("no certification flow: receipts will not be printed")
    return flow
