"""打印参保证明 with card + fingerprint instead of the card PIN (issue 6): 按指纹 on the PIN screen,
the finger screen, the preview, printing — and in the real offline store one `statement_print`
transaction and NO certification (identification records nothing)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from county_platform.seed import synthetic_template
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.statement_samples import statement_resident
from kiosk.screens.statement.pin import PinState
from kiosk.screens.statement.printing import PrintState
from kiosk.widgets.frame import BarButton
from offline_cache.models import Fingerprint
from tests.ui.helpers import click, click_bar, current_name
from tests.ui.statement_helpers import PIN, WAIT_MS, open_store, to_pin, type_pin

PERSON = SAMPLE_CARD.person_id


def seed_with_fingers(app: Any, fingers: tuple[str, ...]) -> None:
    person = dataclasses.replace(
        statement_resident(SAMPLE_CARD),
        fingerprints=[Fingerprint(f, synthetic_template(PERSON, f)) for f in fingers],
    )
    store = open_store(app)
    try:
        store.upsert_resident(person)
    finally:
        store.close()


def outbox_kinds(app: Any) -> list[str]:
    store = open_store(app)
    try:
        txs = [store.transaction(i) for i in store.transaction_ids()]
    finally:
        store.close()
    return [tx.kind for tx in txs if tx is not None]


def pin_with_fingers_known(qtbot: Any, app: Any, card_reader: Any) -> Any:
    """To the PIN screen, once the flow knows which fingers the card's owner enrolled."""
    with qtbot.waitSignal(app.certification.service.fingers_known, timeout=WAIT_MS):
        to_pin(qtbot, app, card_reader)
    return app.screen("pin")


def waiting_for_finger(app: Any) -> bool:
    finger = app.screen("finger")
    return (
        current_name(app) == "finger"
        and finger.phase.value == "place"
        and app.certification.service.busy
    )


@pytest.fixture
def app(make_kiosk_app: Any) -> Any:
    return make_kiosk_app()


def test_identify_by_finger_then_preview_and_print_records_no_certification(
    app, card_reader, fingerprint_sensor, qtbot
):
    seed_with_fingers(app, ("right_index",))
    pin = pin_with_fingers_known(qtbot, app, card_reader)
    assert pin.finger_button.isVisible() and pin.finger_button.text() == "按指纹"
    click(qtbot, pin.finger_button)
    qtbot.waitUntil(lambda: waiting_for_finger(app), timeout=WAIT_MS)
    assert app.frame.instruction.text() == "请将右手食指平放在指纹仪上"
    assert "按指纹" in app.frame.steps.plain_text() and "看证明" in app.frame.steps.plain_text()
    fingerprint_sensor.present_finger(synthetic_template(PERSON, "right_index"))

    preview = app.screen("statement_preview")
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: preview.ready, timeout=WAIT_MS)
    fingerprint_sensor.lift_finger()
    assert outbox_kinds(app) == []  # identifying recorded nothing
    # the step indicator keeps saying how the resident was identified (not "输密码")
    assert "✓ 按指纹" in app.frame.steps.plain_text()
    assert "输密码" not in app.frame.steps.plain_text()
    click(qtbot, preview.print_button)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is PrintState.DONE, timeout=WAIT_MS)
    assert outbox_kinds(app) == ["statement_print"]  # and NO certification
    assert "按指纹" in app.frame.steps.plain_text()
    assert "输密码" not in app.frame.steps.plain_text()


def test_no_match_after_every_attempt_kindly_offers_the_pin_or_the_counter(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    app = make_kiosk_app(devices={"fingerprint_attempts": 2})
    seed_with_fingers(app, ("right_index",))
    pin = pin_with_fingers_known(qtbot, app, card_reader)
    click(qtbot, pin.finger_button)
    for _ in range(2):
        qtbot.waitUntil(lambda: waiting_for_finger(app), timeout=WAIT_MS)
        fingerprint_sensor.present_finger(None)  # somebody else's finger
        qtbot.waitUntil(
            lambda: current_name(app) == "pin" or app.screen("finger").phase.value == "lift",
            timeout=WAIT_MS,
        )
        fingerprint_sensor.lift_finger()
    qtbot.waitUntil(lambda: current_name(app) == "pin", timeout=WAIT_MS)
    assert pin.state is PinState.FINGER_FAILED
    assert app.frame.instruction.text() == "指纹没有认出来，请输入社保卡密码"
    assert "镇便民服务中心1号窗口" in pin.status.text()
    assert not pin.finger_button.isVisible()  # every attempt used: the PIN now
    assert pin.keypad.isEnabled()
    assert outbox_kinds(app) == []

    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=WAIT_MS)
    assert outbox_kinds(app) == []


def test_no_enrolled_finger_no_button(app, card_reader, qtbot):
    seed_with_fingers(app, ())
    pin = pin_with_fingers_known(qtbot, app, card_reader)
    assert not pin.finger_button.isVisible()
    card_reader.remove()
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    assert not pin.finger_offered  # cleared with the session


def test_help_and_back_on_the_finger_screen_waits_for_the_finger_again(
    app, card_reader, fingerprint_sensor, qtbot
):
    seed_with_fingers(app, ("right_index",))
    pin = pin_with_fingers_known(qtbot, app, card_reader)
    click(qtbot, pin.finger_button)
    qtbot.waitUntil(lambda: waiting_for_finger(app), timeout=WAIT_MS)
    click_bar(qtbot, app, BarButton.HELP)
    assert current_name(app) == "help"
    qtbot.waitUntil(lambda: not app.certification.service.busy, timeout=WAIT_MS)  # cancelled
    click_bar(qtbot, app, BarButton.BACK)
    qtbot.waitUntil(lambda: waiting_for_finger(app), timeout=WAIT_MS)
    fingerprint_sensor.present_finger(synthetic_template(PERSON, "right_index"))
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=WAIT_MS)
    fingerprint_sensor.lift_finger()
    assert outbox_kinds(app) == []
