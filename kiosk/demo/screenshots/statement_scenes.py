"""Screenshot scenes of the statement flow (gallery.py beside this adds them to `SCENES`).

Synthetic data only (kiosk.demo.samples, kiosk.demo.statement_samples); the preview is a real
statement built and drawn synchronously here — a screenshot is no resident's session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from kiosk.core.statement_rules import DocumentKind
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.statement_samples import statement_resident
from kiosk.documents import DocumentContext, build_statement
from kiosk.screens.common.finger import FingerParams
from kiosk.screens.names import ScreenName
from kiosk.screens.statement.pin import PinScreen
from kiosk.screens.statement.preview import StatementPreviewScreen
from kiosk.screens.statement.printing import PrintingParams, PrintingScreen
from kiosk.services.printer_service import render_first_page

if TYPE_CHECKING:
    from kiosk.app import KioskApp

SCENE_TIME = datetime(2026, 11, 28, 14, 32, tzinfo=timezone(timedelta(hours=8)))
SCENE_SECRET = b"screenshot-secret-not-a-terminal"
SCENE_YEARS = 30  # a thirty-year history: several pages


def _with_card(app: KioskApp) -> None:
    app.session.set_card(SAMPLE_CARD, SCENE_TIME.replace(tzinfo=None))


def _pin(tries: int | None = None, blocked: bool = False) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        _with_card(app)
        screen = app.navigator.go(ScreenName.PIN)
        assert isinstance(screen, PinScreen)
        for digit in "123":
            screen.keypad.press(digit)
        if tries is not None:
            screen.show_wrong(tries)
            for digit in "12":
                screen.keypad.press(digit)
        if blocked:
            screen.show_blocked()

    return scene


def _pin_finger(failed: bool = False) -> Callable[[KioskApp], None]:
    """Card + fingerprint: 按指纹 offered (enrolled fingers), or back after no match."""

    def scene(app: KioskApp) -> None:
        _with_card(app)
        screen = app.navigator.go(ScreenName.PIN)
        assert isinstance(screen, PinScreen)
        screen.offer_finger(True)
        if failed:
            screen.show_finger_failed()

    return scene


def _statement_finger(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.FINGER, FingerParams("right_index", flow="statement"))


def _preview(app: KioskApp) -> None:
    _with_card(app)
    ctx = DocumentContext(
        township_name=app.config.terminal.township_name,
        terminal_id=app.config.terminal.id,
        printed_at=SCENE_TIME,
        secret=SCENE_SECRET,
        offline=True,
        data_as_of=date(2026, 11, 27),
    )
    resident = statement_resident(SAMPLE_CARD, years=SCENE_YEARS)
    document = build_statement(resident, ctx)
    # what the printer worker shows: the screen's copy (name masked, no offline note)
    image = render_first_page(build_statement(resident, ctx, on_screen=True).pdf)
    screen = app.navigator.go(ScreenName.STATEMENT_PREVIEW)
    assert isinstance(screen, StatementPreviewScreen)
    screen.show_document(image, document.pages)


def _preparing(app: KioskApp) -> None:
    _with_card(app)
    app.navigator.go(ScreenName.STATEMENT_PREVIEW)


def _preparing_long(app: KioskApp) -> None:
    """Preparing for more than 3 s: the dots go round and say what the kiosk waits for."""
    from kiosk.demo.screenshots.certify_scenes import waited

    _preparing(app)
    screen = app.navigator.current
    assert isinstance(screen, StatementPreviewScreen)
    waited(screen.busy, 3.5)


def _printing(
    state: str, document: DocumentKind = DocumentKind.STATEMENT
) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        _with_card(app)
        screen = app.navigator.go(ScreenName.PRINTING, PrintingParams(document))
        assert isinstance(screen, PrintingScreen)
        if state == "done":
            screen.show_done(4)
        elif state != "printing":
            screen.show_failed(state)
        screen.take_timer.stop()

    return scene


STATEMENT_SCENES: dict[str, Callable[[KioskApp], None]] = {
    "pin": _pin(),
    "pin_wrong": _pin(tries=2),
    "pin_blocked": _pin(blocked=True),
    "pin_finger": _pin_finger(),
    "pin_finger_failed": _pin_finger(failed=True),
    "statement_finger": _statement_finger,
    "statement_preparing": _preparing,
    "statement_preparing_long": _preparing_long,
    "statement_preview": _preview,
    "printing": _printing("printing"),
    "printing_done": _printing("done"),
    "printing_receipt_done": _printing("done", DocumentKind.RECEIPT),
    "printing_out_of_paper": _printing("out_of_paper"),
    "printing_unavailable": _printing("printer_unavailable"),
}
