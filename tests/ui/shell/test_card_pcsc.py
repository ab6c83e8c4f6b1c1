"""The insert-card behaviour through the real PC/SC stack: pcscd, Debian's vpcd reader and the
emulated cards (tests/fixtures/pcsc.py). Card in -> greeting with a masked name; card out -> home
with the resident's data gone; a bank card -> "not a social-security card"; pcscd killed and
restarted while the kiosk runs -> the session ends and the reader comes back without restarting
the application. Fails when pcscd/vpcd are missing."""

from __future__ import annotations

import signal
from typing import Any

from kiosk.core.masking import known_names
from kiosk.screens.common.error import ErrorKind
from tests.emulators.card_profiles import WANG
from tests.fixtures.pcsc import insert_and_wait
from tests.ui.helpers import current_name

READ_WAIT_MS = 20_000  # a card read through pcscd on a busy machine; not a timing assertion
MASKED = "王*英"


def _greeted(qtbot: Any, app: Any) -> str:
    qtbot.waitUntil(lambda: current_name(app) == "greeting", timeout=READ_WAIT_MS)
    return str(app.screen("greeting").hello.text())


def _cleared(app: Any) -> None:
    assert current_name(app) == "home"
    assert app.session.card is None and not app.session.active
    assert app.screen("greeting").hello.text() == ""
    assert WANG.name not in known_names


def test_card_in_greets_masked_and_card_out_clears(pcsc_kiosk_app, qtbot, virtual_card):
    app = pcsc_kiosk_app
    card = virtual_card("v2")
    hello = _greeted(qtbot, app)
    assert MASKED in hello and WANG.name not in hello
    assert app.session.card is not None and app.session.card.person_id == WANG.person_id
    with qtbot.waitSignal(app.session_ended, timeout=READ_WAIT_MS) as ended:
        card.remove()
    assert ended.args[0].value == "card_removed"
    _cleared(app)


def test_a_bank_card_is_told_to_use_the_social_security_card(pcsc_kiosk_app, qtbot, virtual_card):
    app = pcsc_kiosk_app
    virtual_card("bank")
    qtbot.waitUntil(lambda: current_name(app) == "error", timeout=READ_WAIT_MS)
    screen = app.screen("error")
    assert screen.kind is ErrorKind.NOT_SSC
    assert app.frame.instruction.text() == "这张卡不是社保卡"
    assert "换社保卡" in screen.todo.text()
    assert app.session.card is None


def test_pcscd_restart_ends_the_session_and_the_reader_comes_back(
    pcsc_kiosk_app, qtbot, virtual_card, pcscd_owned
):
    app = pcsc_kiosk_app
    card = virtual_card("v2")
    assert MASKED in _greeted(qtbot, app)
    pcscd_owned.stop(signal.SIGKILL)
    qtbot.waitUntil(lambda: not app.card.reader_present, timeout=READ_WAIT_MS)
    # the reader vanished with the card in it: the session ends, nothing of the resident stays
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=READ_WAIT_MS)
    _cleared(app)
    assert 1 <= len(app.failures) < app.failures.limit  # one loss: not yet out of service
    pcscd_owned.start()
    qtbot.waitUntil(lambda: app.card.reader_present, timeout=READ_WAIT_MS)
    # the card is still in the slot: it is read again and the resident greeted, no app restart
    if not card.wait_connected(READ_WAIT_MS / 1000):
        insert_and_wait(card)
    assert MASKED in _greeted(qtbot, app)


def test_pcscd_down_for_good_goes_out_of_service_and_comes_back(
    pcsc_kiosk_app, qtbot, virtual_card, pcscd_owned
):
    """Residents are not left inserting cards into a dead slot: after the grace period the kiosk
    says it is out of service (and where to go); pcscd back -> home, a card is read again."""
    app = pcsc_kiosk_app
    app.reader_absent.setInterval(300)  # the grace period, shortened for the test
    pcscd_owned.stop(signal.SIGKILL)
    qtbot.waitUntil(lambda: current_name(app) == "out_of_service", timeout=READ_WAIT_MS)
    assert not app.card.reader_present
    assert "镇便民服务中心1号窗口" in app.screen("out_of_service").detail.text()
    pcscd_owned.start()
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=READ_WAIT_MS)
    virtual_card("v2")
    assert MASKED in _greeted(qtbot, app)
