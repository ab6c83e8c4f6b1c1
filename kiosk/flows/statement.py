"""The statement printing flow: card PIN → preview → print → "请取走您的参保证明" → card reminder.
Also prints the certification flow's receipts.

Screens never call services; this object is the glue the app builds: it
passes the PIN to the card worker and its answer back to the PIN screen, asks the printer worker
for the statement (looked up, rendered and drawn there), shows the preview, prints, and shows the
outcome. Each request carries an id; when a session ends the id is forgotten, so an answer that
arrives afterwards (a slow print after the card was pulled) changes nothing on screen, while the
worker still records the attempt. Prepared PDFs are discarded at the end of every session.

Card + fingerprint instead of the PIN: with a fingerprint service (the app's) and
the finger screen available, entering the PIN screen asks which fingers the card's owner enrolled;
if any, 按指纹 is offered. It shows the finger screen and asks the service to *identify* (nothing
is recorded: the `statement_print` transaction is the only record). A match leads to the preview
exactly as a right PIN does; no match after every attempt, or a failed sensor, returns to the PIN
screen, which asks for the PIN kindly and names the counter.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.core.certification import AttemptTally
from kiosk.core.faults import Fault, FaultSource
from kiosk.core.session import SessionEnd
from kiosk.core.statement_rules import NOT_PREPARED_CODE, DocumentKind, PrintOutcome
from kiosk.flows.context import FlowContext
from kiosk.screens.common.finger import FingerParams
from kiosk.screens.info.rating import offer_rating
from kiosk.screens.names import ScreenName
from kiosk.screens.statement.pin import PinScreen
from kiosk.screens.statement.preview import StatementPreviewScreen
from kiosk.screens.statement.printing import PrintingParams, PrintingScreen
from kiosk.services.card_service import CardService
from kiosk.services.fingerprint_service import FingerprintService, IdentifyResult
from kiosk.services.printer_service import Preview, PrinterService

log = logging.getLogger(__name__)


class StatementFlow(QObject):
    def __init__(
        self,
        ctx: FlowContext,
        card: CardService,
        printer: PrinterService,
        fingerprint: FingerprintService | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`fingerprint`: the app's fingerprint service (None: the PIN is the only way)."""
        super().__init__(parent)
        self.ctx = ctx
        navigator = self.navigator = ctx.navigator
        self.session = ctx.session
        self.card = card
        self.printer = printer
        self._end_session = ctx.end_session
        self.request_id: int | None = None  # the statement or receipt this session waits for
        pin = navigator.get_as(ScreenName.PIN, PinScreen)
        preview = navigator.get_as(ScreenName.STATEMENT_PREVIEW, StatementPreviewScreen)
        printing = navigator.get_as(ScreenName.PRINTING, PrintingScreen)
        self.pin, self.preview, self.printing = pin, preview, printing

        pin.pin_entered.connect(card.request_verify_pin)
        card.pin_ok.connect(self._pin_ok)
        card.pin_wrong.connect(self._pin_wrong)
        card.pin_blocked.connect(self._pin_blocked)
        preview.print_requested.connect(self._print_requested)
        printing.finished.connect(self._finished)
        printing.taken.connect(self._taken)
        pin.finished.connect(self._finished)
        printer.prepared.connect(self._prepared)
        printer.prepare_failed.connect(self._prepare_failed)
        printer.completed.connect(self._completed)
        printer.failed.connect(self._failed)
        # a printer that keeps failing counts towards out of service, like the reader and sensor
        printer.failed.connect(lambda _r, code, _d: self._report(code))
        printer.prepare_failed.connect(lambda _r, code: self._report(code))
        self.fingerprint = fingerprint if navigator.is_available(ScreenName.FINGER) else None
        self.fingers: list[str] = []  # the card owner's enrolled fingers (按指纹 offered)
        self.identifying = False
        if self.fingerprint is not None:
            pin.finger_requested.connect(self._finger_requested)
            self.fingerprint.fingers_known.connect(self._fingers_known)
            self.fingerprint.identified.connect(self._identified)
            self.fingerprint.identify_failed.connect(self._identify_failed)
            navigator.changed.connect(self._screen_changed)

    def _report(self, code: str) -> None:
        self.ctx.report_fault(Fault(FaultSource.PRINTER, code))

    # --- card PIN -----------------------------------------------------------------------------
    def _on_pin_screen(self) -> bool:
        current = self.navigator.current
        return current is not None and current.name == ScreenName.PIN

    def _pin_ok(self) -> None:
        if not self._on_pin_screen() or self.session.card is None:
            return
        log.info("card PIN verified", extra={"event": "statement_pin_ok"})
        self._to_preview(by_finger=False)

    def _to_preview(self, *, by_finger: bool) -> None:
        assert self.session.card is not None
        self.preview.clear()
        self.preview.by_finger = by_finger
        self.request_id = self.printer.prepare_statement(self.session.card.person_id)
        self.navigator.go(ScreenName.STATEMENT_PREVIEW)

    def _pin_wrong(self, tries_left: int) -> None:
        if self._on_pin_screen():
            log.info("wrong card PIN, %d tries left", tries_left)
            self.pin.show_wrong(tries_left)

    def _pin_blocked(self) -> None:
        if self._on_pin_screen():
            log.info("card PIN blocked", extra={"event": "statement_pin_blocked"})
            self.pin.show_blocked()

    # --- card + fingerprint -------------------------------------------------------------------
    def _screen_changed(self, screen: object) -> None:
        card = self.session.card
        if screen is self.pin and card is not None and self.fingerprint is not None:
            if self.identifying:  # back from the finger screen (the outcome is shown already)
                self.identifying = False
                return
            self.fingers = []
            self.fingerprint.request_fingers(card.person_id)
        elif getattr(screen, "name", "") != ScreenName.FINGER:
            self.identifying = False  # left (求助, 首页): the service cancels the wait itself
        elif (
            getattr(screen, "flow", "") == "statement"
            and not self.identifying
            and card is not None
            and self.fingers
            and self.fingerprint is not None
        ):  # back from 求助 to the finger screen: wait for the finger again, fresh attempts
            self.identifying = True
            self.fingerprint.request_identify(card.person_id, self.fingers)

    def _fingers_known(self, person_id: str, fingers: list[str]) -> None:
        card = self.session.card
        if card is None or card.person_id != person_id or not self._on_pin_screen():
            return
        self.fingers = list(fingers)
        self.pin.offer_finger(bool(self.fingers))

    def _finger_requested(self) -> None:
        card = self.session.card
        if card is None or not self.fingers or self.fingerprint is None:
            return
        self.identifying = True
        tries = AttemptTally.total_for(
            self.ctx.config.devices.fingerprint_attempts, len(self.fingers)
        )  # counted once across the fingers, as the worker counts them
        self.navigator.go(
            ScreenName.FINGER, FingerParams(self.fingers[0], flow="statement", tries=tries)
        )
        self.fingerprint.request_identify(card.person_id, self.fingers)

    def _on_finger_screen(self) -> bool:
        current = self.navigator.current
        return self.identifying and current is not None and current.name == ScreenName.FINGER

    def _identified(self, result: IdentifyResult) -> None:
        card = self.session.card
        if not self._on_finger_screen() or card is None or card.person_id != result.person_id:
            return
        self.identifying = False
        if result.matched:
            log.info("identified by fingerprint", extra={"event": "statement_finger_ok"})
            self._to_preview(by_finger=True)
            return
        log.info("fingerprint not recognised after %d attempts", result.attempts)
        self._back_to_pin(sensor_failed=False)

    def _identify_failed(self, code: str) -> None:
        if not self._on_finger_screen():
            return
        log.warning("identification by fingerprint failed: %s", code)
        self._back_to_pin(sensor_failed=True)

    def _back_to_pin(self, *, sensor_failed: bool) -> None:
        self.identifying = True  # so that entering the PIN screen keeps the outcome shown
        self.navigator.go(ScreenName.PIN)
        self.pin.show_finger_failed(sensor_failed)
        self.identifying = False

    # --- statement ----------------------------------------------------------------------------
    def _prepared(self, preview: Preview) -> None:
        if preview.request_id != self.request_id:
            return
        # also while 求助 is on show: 返回 then finds the statement, not "正在准备" forever
        self.preview.show_document(preview.image, preview.pages)

    def _prepare_failed(self, request_id: int, code: str) -> None:
        if request_id != self.request_id:
            return
        self.request_id = None
        self.navigator.go(ScreenName.PRINTING, self._printing(failure=code))

    def _print_requested(self) -> None:
        if self.request_id is None:
            self.navigator.go(ScreenName.PRINTING, self._printing(failure=NOT_PREPARED_CODE))
            return
        self.navigator.go(ScreenName.PRINTING, self._printing())
        self.printer.print_prepared(self.request_id)

    def _printing(self, failure: str | None = None) -> PrintingParams:
        """The printing screen's params for the statement (how the resident was identified)."""
        return PrintingParams(DocumentKind.STATEMENT, failure, by_finger=self.preview.by_finger)

    # --- certification receipt ----------------------------------------------------------------
    def print_receipt(self, request: object) -> None:
        """The certification flow's `receipt_requested(ReceiptRequest)`: print it now."""
        self.request_id = self.printer.print_receipt(request)
        self.navigator.go(ScreenName.PRINTING, PrintingParams(DocumentKind.RECEIPT))

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

    def _taken(self) -> None:
        """取好了: the service is done; the rating (skippable) comes before the session ends and
        the card reminder. Never pressed (walked away): the timer ends the session instead."""
        if not self.navigator.is_available(ScreenName.RATING):
            self._finished()
            return
        rated = "statement" if self.printing.document is DocumentKind.STATEMENT else "certification"
        offer_rating(self.navigator, rated)

    # --- end of session -----------------------------------------------------------------------
    def session_ended(self, _reason: SessionEnd) -> None:
        """Forget the request and drop any prepared PDF (screens clear themselves)."""
        self.request_id = None
        self.fingers = []
        self.identifying = False
        self.printer.discard_all()
