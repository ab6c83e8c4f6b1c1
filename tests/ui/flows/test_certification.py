"""The certification flow in pytest-qt, from a card in the simulated reader to the transaction in
the real Store: pass, fail on every finger, poor image, walk-away, explanations, repeat, choice."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from county_platform.seed import synthetic_template
from kiosk.core.certification import ReceiptRequest
from kiosk.screens.certify.result import ResultKind
from kiosk.screens.common.finger import FingerParams
from offline_cache.store import KIOSK_TZ
from tests.ui.certification_helpers import (
    PERSON,
    benefit,
    card_for,
    certifications,
    resident,
    seed,
)
from tests.ui.helpers import click, current_name

WAIT = 10000


def _screen_is(qtbot, app, name):
    qtbot.waitUntil(lambda: current_name(app) == name, timeout=WAIT)


def _start(make_kiosk_app, person, **sections):
    app = make_kiosk_app(**sections)
    seed(app.config, person)
    return app


def _waiting_for_finger(app):
    return current_name(app) == "finger" and app.screen("finger").phase.value == "place"


def _place(qtbot, app, sensor, template, quality="good"):
    """Put a finger down once the screen asks for it."""
    qtbot.waitUntil(lambda: _waiting_for_finger(app) and app.certification.service.busy,
                    timeout=WAIT)  # fmt: skip
    sensor.present_finger(template, quality)


def _lift_when_asked(qtbot, app, sensor):
    qtbot.waitUntil(
        lambda: current_name(app) == "result" or app.screen("finger").phase.value == "lift",
        timeout=WAIT,
    )
    sensor.lift_finger()


def test_card_on_home_with_certification_due_passes_and_records(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    person = resident(benefits=[benefit("pension", due_in_days=10)])
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "finger")
    finger = app.screen("finger")
    assert app.frame.instruction.text() == "请将右手食指平放在指纹仪上"
    assert finger.hand.finger == "right_index"
    assert finger.attempts.text() == "最多可以试3次"  # no "再试" (again) before the first try
    assert app.frame.steps.plain_text() == "✓ 插卡 — ✓ 确认待遇 — ③ 按指纹 — ④ 完成"
    # whose card and which benefit (issue 12, item 10)
    assert finger.hello.text() == "王*英，您好。本次认证：养老金"
    assert finger.hello.isVisible()
    assert certifications(app.config) == []

    _place(qtbot, app, fingerprint_sensor, synthetic_template(PERSON, "right_index"))
    _screen_is(qtbot, app, "result")
    result = app.screen("result")
    assert result.kind is ResultKind.SUCCESS
    txs = certifications(app.config)  # recorded before (or as) the screen says so
    assert len(txs) == 1
    assert txs[0]["result"] == "passed" and txs[0]["attempts"] == 1
    assert txs[0]["finger"] == "right_index" and txs[0]["person_id"] == PERSON
    next_due = result.result.next_due
    assert (
        next_due is not None and next_due.year == person.benefits[0].certification.due_by.year + 1
    )
    written = f"下次请在{next_due.year}年{next_due.month}月{next_due.day}日前认证"
    assert written in result.detail.text()
    assert any("下次请在" in said for said in app.voice.history)
    assert "✓" in result.banner.text()
    # the receipt is offered exactly when the printing flow exists
    assert result.print_button.isVisible() == app.navigator.is_available("printing")

    card_reader.remove()
    _screen_is(qtbot, app, "home")
    assert result.result is None and result.detail.text() == ""
    assert app.session.card is None


def _finger_words(app):
    """What the finger screen shows, line by line, as a tuple (instruction, guidance, tries)."""
    finger = app.screen("finger")
    guidance = finger.guidance.text() if finger.guidance.isVisibleTo(finger) else ""
    return (app.frame.instruction.text(), guidance, finger.attempts.text())


def test_fails_after_all_attempts_on_every_finger_and_says_where_to_go(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    person = resident(fingers=("right_index", "left_thumb"))
    app = _start(make_kiosk_app, person, devices={"fingerprint_attempts": 2})
    shown = []  # every state of the finger screen, as the frame showed it
    app.screen("finger").prompt_changed.connect(lambda: shown.append(_finger_words(app)))
    card_reader.insert(card_for(person))
    seen_fingers = []
    for _ in range(4):
        _place(qtbot, app, fingerprint_sensor, None)  # nobody's finger
        seen_fingers.append(app.screen("finger").finger)
        if not shown:
            shown.append(_finger_words(app))  # the first prompt, before any progress signal
        _lift_when_asked(qtbot, app, fingerprint_sensor)
    _screen_is(qtbot, app, "result")
    first, second = seen_fingers[0], seen_fingers[2]  # roster order, as the store keeps it
    assert {first, second} == {"right_index", "left_thumb"}
    assert seen_fingers == [first, first, second, second]
    # tries are counted once, across both fingers (issue 12, item 5): 4, 3, 2, 1, then the result
    tries = [t for _, _, t in shown]
    first_retry = next(i for i, t in enumerate(tries) if t.startswith("还可以"))
    assert set(tries[:first_retry]) == {"最多可以试4次"}  # before the first try only
    assert all(t.startswith("还可以再试") for t in tries[first_retry:])  # never restarts
    assert list(dict.fromkeys(tries[first_retry:])) == [
        "还可以再试3次",
        "还可以再试2次",
        "还可以再试1次",
    ]
    assert not any("0次" in t for t in tries)  # the last failure goes straight to the result
    place_second = {"right_index": "请将右手食指平放在指纹仪上",
                    "left_thumb": "请将左手拇指平放在指纹仪上"}[second]  # fmt: skip
    switch = f"换一个手指：{place_second}"
    # the move to the other finger is said plainly, while lifting and when placing
    lifting = [g for i, g, _ in shown if i == "请抬起手指" and switch in g]
    assert lifting and "这个手指没有识别出来" in lifting[0] and "请再按一次" not in lifting[0]
    assert (switch, "这个手指没有识别出来", "还可以再试2次") in shown
    assert any("finger_next | place_" in said for said in app.voice.history)  # said, too
    result = app.screen("result")
    assert result.kind is ResultKind.FAILED
    assert "✕" in result.banner.text()
    assert "请到窗口办理" in result.detail.text()
    assert "镇便民服务中心1号窗口" in result.detail.text()
    assert any("镇便民服务中心1号窗口" in said for said in app.voice.history)  # said, too
    assert result.help_button.isVisible()
    txs = certifications(app.config)
    assert [t["result"] for t in txs] == ["failed"]
    assert txs[0]["attempts"] == 4 and int(str(txs[0]["score"])) < 50
    click(qtbot, result.help_button)
    _screen_is(qtbot, app, "help")


def test_poor_image_gives_guidance_and_counts_as_an_attempt(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    person = resident()
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    template = synthetic_template(PERSON, "right_index")
    _place(qtbot, app, fingerprint_sensor, template, quality="poor")
    qtbot.waitUntil(lambda: app.screen("finger").phase.value == "lift", timeout=WAIT)
    finger = app.screen("finger")
    assert app.frame.instruction.text() == "请抬起手指"
    assert "哈口气" in finger.guidance.text()
    assert "还可以再试2次" in finger.attempts.text()
    fingerprint_sensor.lift_finger()
    _place(qtbot, app, fingerprint_sensor, template)
    _screen_is(qtbot, app, "result")
    txs = certifications(app.config)
    assert len(txs) == 1 and txs[0]["result"] == "passed" and txs[0]["attempts"] == 2


def test_card_removed_while_waiting_for_the_finger_records_nothing(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    person = resident()
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    qtbot.waitUntil(lambda: _waiting_for_finger(app) and app.certification.service.busy,
                    timeout=WAIT)  # fmt: skip
    card_reader.remove()
    _screen_is(qtbot, app, "home")
    assert not app.certification.service.busy
    # a finger placed now reaches nobody: no verification runs, nothing is recorded
    fingerprint_sensor.present_finger(synthetic_template(PERSON, "right_index"))
    assert app.screen("finger").params == FingerParams()  # nothing of the session kept
    assert certifications(app.config) == []


def test_suspended_pension_is_explained_not_offered(make_kiosk_app, card_reader, qtbot):
    person = resident(benefits=[benefit("pension", status="suspended")])
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "greeting")  # nothing due: the card on home leads to the choice
    click(qtbot, app.screen("greeting").tiles.tiles[_certification_service()])
    _screen_is(qtbot, app, "result")
    result = app.screen("result")
    assert result.kind is ResultKind.NOTHING_DUE
    assert "您的养老金目前暂停发放，请到窗口咨询" in result.notes.text()
    assert certifications(app.config) == []


def _certification_service():
    from kiosk.screens.common.service_catalog import Service

    return Service.CERTIFICATION


def test_resident_missing_from_cache_gets_a_clear_answer(make_kiosk_app, card_reader, qtbot):
    app = make_kiosk_app()
    click(qtbot, app.screen("home").tiles.tiles[_certification_service()])
    _screen_is(qtbot, app, "insert_card")
    card_reader.insert(card_for(resident()))
    _screen_is(qtbot, app, "result")
    assert app.screen("result").kind is ResultKind.NOT_FOUND
    assert app.frame.instruction.text() == "没有找到您的待遇信息，请到窗口办理"


def test_a_resident_certified_this_period_is_told_so_and_offered_the_other_services(
    make_kiosk_app, card_reader, qtbot
):
    last = datetime.now(KIOSK_TZ) - timedelta(days=1)
    person = resident(benefits=[benefit("pension", due_in_days=362, last=last)])
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "greeting")
    greeting = app.screen("greeting")
    due = person.benefits[0].certification.due_by
    assert (
        greeting.done.text()
        == f"养老金已认证，下次认证时间：{due.year}年{due.month}月{due.day}日前"
    )
    assert greeting.done.isVisible()
    # not offered again: the other services are
    assert _certification_service() not in greeting.tiles.visible_services()
    assert greeting.tiles.visible_services()
    assert any("养老金已认证" in said for said in app.voice.history)  # said, too
    assert certifications(app.config) == []


def test_certified_minutes_ago_the_next_card_gets_the_greeting_not_the_finger(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    """The plan reads the store's local certifications: a pass just now counts at once."""
    person = resident(benefits=[benefit("pension", due_in_days=10)])
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    _place(qtbot, app, fingerprint_sensor, synthetic_template(PERSON, "right_index"))
    _screen_is(qtbot, app, "result")
    next_due = app.screen("result").result.next_due
    card_reader.remove()
    _screen_is(qtbot, app, "home")
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "greeting")
    greeting = app.screen("greeting")
    assert (
        f"下次认证时间：{next_due.year}年{next_due.month}月{next_due.day}日前"
        in greeting.done.text()
    )
    assert _certification_service() not in greeting.tiles.visible_services()
    assert [t["result"] for t in certifications(app.config)] == ["passed"]  # no second one


def test_the_certification_tile_of_a_resident_already_certified_leads_to_the_greeting(
    make_kiosk_app, card_reader, qtbot
):
    last = datetime.now(KIOSK_TZ) - timedelta(days=1)
    person = resident(benefits=[benefit("pension", due_in_days=362, last=last)])
    app = _start(make_kiosk_app, person)
    click(qtbot, app.screen("home").tiles.tiles[_certification_service()])
    _screen_is(qtbot, app, "insert_card")
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "greeting")
    assert "养老金已认证" in app.screen("greeting").done.text()
    assert app.screen("finger").params == FingerParams()  # the finger screen was never shown


def test_unemployment_due_with_the_pension_done_certifies_the_unemployment_and_says_so(
    make_kiosk_app, card_reader, qtbot
):
    last = datetime.now(KIOSK_TZ) - timedelta(days=1)
    person = resident(benefits=[benefit("pension", due_in_days=362, last=last),
                                benefit("unemployment", due_in_days=2)])  # fmt: skip
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    qtbot.waitUntil(lambda: _waiting_for_finger(app), timeout=WAIT)
    assert app.screen("finger").hello.text() == "王*英，您好。本次认证：失业金"


def test_two_benefits_due_offer_a_choice(make_kiosk_app, card_reader, fingerprint_sensor, qtbot):
    person = resident(benefits=[benefit("pension", due_in_days=5),
                                benefit("unemployment", due_in_days=2)])  # fmt: skip
    app = _start(make_kiosk_app, person)
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "choose_benefit")
    choose = app.screen("choose_benefit")
    assert set(choose.buttons) == {"pension", "unemployment"}
    assert "失业保险金" in choose.buttons["unemployment"].label_text()
    click(qtbot, choose.buttons["unemployment"])
    _place(qtbot, app, fingerprint_sensor, synthetic_template(PERSON, "right_index"))
    _screen_is(qtbot, app, "result")
    assert [t["benefit"] for t in certifications(app.config)] == ["unemployment"]
    app.end_session(_finished())
    assert choose.plan is None and all(b.label_text() == "\n" for b in choose.buttons.values())


def _finished():
    from kiosk.core.session import SessionEnd

    return SessionEnd.FINISHED


def test_sensor_unavailable_shows_a_clear_screen(make_kiosk_app, card_reader, fingerprint_sensor,
                                                 qtbot):  # fmt: skip
    person = resident()
    app = _start(make_kiosk_app, person)
    fingerprint_sensor.set_available(False)
    card_reader.insert(card_for(person))
    _screen_is(qtbot, app, "result")
    assert app.screen("result").kind is ResultKind.SENSOR_ERROR
    assert app.failures is not None
    assert certifications(app.config) == []


def test_receipt_button_emits_a_request_when_printing_exists(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot, monkeypatch
):
    person = resident()
    app = _start(make_kiosk_app, person)
    result = app.screen("result")
    monkeypatch.setattr(result.ctx, "is_available", lambda name: True)
    card_reader.insert(card_for(person))
    _place(qtbot, app, fingerprint_sensor, synthetic_template(PERSON, "right_index"))
    _screen_is(qtbot, app, "result")
    assert result.print_button.isVisible()
    with qtbot.waitSignal(app.certification.receipt_requested, timeout=WAIT) as got:
        click(qtbot, result.print_button)
    request = got.args[0]
    assert isinstance(request, ReceiptRequest)
    assert request.person_id == PERSON and request.result == "passed"
    assert request.tx_id == certifications(app.config)[0]["id"]


@pytest.mark.parametrize("attempts", [1])
def test_zfm_sensor_over_the_emulator(make_kiosk_app, card_reader, zfm_emulator, qtbot, attempts):
    """The same flow with the real pyfingerprint driver, opened on the worker thread."""
    from drivers.fingerprint.zfm import ZfmSensor

    person = resident()
    app = _start(make_kiosk_app, person, open_sensor=lambda: ZfmSensor(zfm_emulator.port),
                 devices={"fingerprint_attempts": attempts})  # fmt: skip
    card_reader.insert(card_for(person))
    qtbot.waitUntil(lambda: _waiting_for_finger(app) and app.certification.service.busy,
                    timeout=WAIT)  # fmt: skip
    zfm_emulator.place_finger(synthetic_template(PERSON, "right_index"))
    _screen_is(qtbot, app, "result")
    assert app.screen("result").kind is ResultKind.SUCCESS
    txs = certifications(app.config)
    assert len(txs) == 1 and txs[0]["result"] == "passed" and int(str(txs[0]["score"])) >= 100
