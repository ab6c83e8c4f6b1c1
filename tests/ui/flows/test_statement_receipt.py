"""Certification receipts: the certification flow's `receipt_requested(ReceiptRequest)` prints the
receipt through the printing screen, with the same transaction rules as the statement."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from drivers.errors import PrinterOffline
from kiosk.core.certification import ReceiptRequest
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.statement.printing import PrintState
from tests.ui.helpers import click, current_name
from tests.ui.statement_helpers import WAIT_MS, pdftotext, simulated_printer, statement_prints

CERTIFIED_AT = datetime(2026, 11, 28, 9, 30, tzinfo=timezone(timedelta(hours=8)))


def _request() -> ReceiptRequest:
    return ReceiptRequest(
        benefit="pension",
        result="passed",
        time=CERTIFIED_AT,
        next_due=date(2027, 11, 30),
        person_id=SAMPLE_CARD.person_id,
        name=SAMPLE_CARD.name,
        tx_id="00000000-0000-4000-8000-000000000000",
    )


def _card_session(app, card_reader, qtbot):
    card_reader.insert(SAMPLE_CARD)
    qtbot.waitUntil(lambda: app.session.card is not None, timeout=WAIT_MS)


def test_receipt_requested_prints_the_receipt_and_records_it(kiosk_app, card_reader, qtbot):
    app = kiosk_app
    _card_session(app, card_reader, qtbot)
    assert app.navigator.is_available("printing")
    app.certification.receipt_requested.emit(_request())
    printing = app.screen("printing")
    assert current_name(app) == "printing"
    qtbot.waitUntil(lambda: printing.state is PrintState.DONE, timeout=WAIT_MS)
    assert app.frame.instruction.text() == "请取走您的认证回执"
    [(person_id, payload)] = statement_prints(app)
    assert person_id == SAMPLE_CARD.person_id
    assert payload["document"] == "certification_receipt" and payload["printed"] is True
    [pdf] = simulated_printer(app).printed
    text = pdftotext(pdf)
    assert "认证成功" in text and "2027年11月30日" in text
    assert payload["verification_code"] in text
    click(qtbot, printing.button)  # 取好了 -> the rating of the certification -> card reminder
    assert current_name(app) == "rating" and app.screen("rating").service == "certification"
    click(qtbot, app.screen("rating").buttons[4])
    click(qtbot, app.screen("rating").skip)  # 返回首页 after the thanks
    qtbot.waitUntil(lambda: current_name(app) == "take_card", timeout=WAIT_MS)


def test_receipt_with_the_printer_offline_is_told_and_recorded(kiosk_app, card_reader, qtbot):
    app = kiosk_app
    _card_session(app, card_reader, qtbot)
    simulated_printer(app).fail_with = PrinterOffline("offline-report")
    app.certification.receipt_requested.emit(_request())
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is PrintState.FAILED, timeout=WAIT_MS)
    assert app.frame.instruction.text() == "打印机没有连上"
    [(_pid, payload)] = statement_prints(app)
    assert payload == {
        "document": "certification_receipt",
        "verification_code": payload["verification_code"],
        "pages": 1,
        "printed": False,
        "printer_error": "printer_offline",
    }
