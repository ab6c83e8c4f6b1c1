"""The card PIN through the real PC/SC stack: pcscd, Debian's vpcd reader and the emulated card
(tests/fixtures/pcsc.py). A wrong PIN answers 63C2 ("还可以再试 2 次"), the right one opens the
preview; a blocked card (6983) sends the resident to the counter. Fails when pcscd/vpcd are
missing."""

from __future__ import annotations

from kiosk.screens.common.service_catalog import Service
from tests.emulators.card_profiles import PROFILES
from tests.ui.helpers import click, current_name
from tests.ui.statement_helpers import PIN, WAIT_MS, type_pin

READ_WAIT_MS = 20_000  # a card read through pcscd on a busy machine; not a timing assertion


def _to_pin(qtbot, app, virtual_card, profile):
    qtbot.waitUntil(lambda: app.card.reader_present, timeout=READ_WAIT_MS)
    click(qtbot, app.screen("home").tiles.tiles[Service.STATEMENT])
    virtual_card(profile)
    qtbot.waitUntil(lambda: current_name(app) == "pin", timeout=READ_WAIT_MS)


def test_wrong_then_right_pin_on_a_virtual_card(pcsc_kiosk_app, qtbot, virtual_card):
    app = pcsc_kiosk_app
    _to_pin(qtbot, app, virtual_card, "v2")
    pin = app.screen("pin")
    type_pin(qtbot, app, "654321")
    qtbot.waitUntil(lambda: pin.tries_left is not None, timeout=READ_WAIT_MS)
    assert pin.tries_left == PROFILES["v2"].pin_tries - 1
    assert pin.keypad.tries_label.text() == f"还可以再试 {pin.tries_left} 次"
    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=READ_WAIT_MS)
    preview = app.screen("statement_preview")
    qtbot.waitUntil(lambda: preview.ready, timeout=WAIT_MS)
    assert preview.pages == 1  # a record without contributions: one page


def test_blocked_virtual_card_goes_to_the_counter(pcsc_kiosk_app, qtbot, virtual_card):
    app = pcsc_kiosk_app
    _to_pin(qtbot, app, virtual_card, "pin_blocked")
    pin = app.screen("pin")
    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(lambda: pin.blocked.isVisible(), timeout=READ_WAIT_MS)
    assert app.frame.instruction.text() == "社保卡密码已被锁定"
