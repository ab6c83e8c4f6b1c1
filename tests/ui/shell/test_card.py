"""The card in the application: greeting with a masked name, wrong / expired / unreadable cards,
removal ending the session at once, and the take-card reminder. Uses the simulated reader in the
card service's own worker thread, exactly as the demo does."""

from __future__ import annotations

from drivers.errors import CardUnreadable, NotASocialSecurityCard
from kiosk.core.masking import known_names
from kiosk.demo.samples import EXPIRED_CARD, RARE_NAME_CARD, SAMPLE_CARD
from kiosk.screens.common.error import ErrorKind
from kiosk.screens.common.service_catalog import Service
from kiosk.widgets.frame import BarButton
from tests.ui.helpers import click, click_bar, current_name, deliver_posted_events

WAIT = 5000


def _insert(app, reader, qtbot, card):
    with qtbot.waitSignals([app.card.card_inserted], timeout=WAIT):
        reader.insert(card)


def test_card_on_home_greets_with_masked_name(kiosk_app, card_reader, qtbot):
    with qtbot.waitSignal(kiosk_app.card_ready, timeout=WAIT) as ready:
        card_reader.insert(SAMPLE_CARD)
    assert ready.args == [SAMPLE_CARD]
    # the certification flow looks the resident up first (nothing due: the greeting follows)
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "greeting", timeout=WAIT)
    hello = kiosk_app.screen("greeting").hello.text()
    assert "王*英" in hello and "王秀英" not in hello
    assert kiosk_app.session.card == SAMPLE_CARD
    assert SAMPLE_CARD.name in known_names  # registered for log masking


def test_rare_character_name_is_masked_by_code_point(kiosk_app, card_reader, qtbot):
    with qtbot.waitSignal(kiosk_app.card_ready, timeout=WAIT):
        card_reader.insert(RARE_NAME_CARD)
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "greeting", timeout=WAIT)
    assert "王*" in kiosk_app.screen("greeting").hello.text()


def test_removal_ends_the_session_at_once(kiosk_app, card_reader, qtbot):
    with qtbot.waitSignal(kiosk_app.card_ready, timeout=WAIT):
        card_reader.insert(SAMPLE_CARD)
    with qtbot.waitSignal(kiosk_app.session_ended, timeout=WAIT) as ended:
        card_reader.remove()
    assert ended.args[0].value == "card_removed"
    assert current_name(kiosk_app) == "home"
    assert kiosk_app.session.card is None
    assert kiosk_app.screen("greeting").hello.text() == ""
    assert SAMPLE_CARD.name not in known_names


def test_not_a_social_security_card(kiosk_app, card_reader, qtbot):
    card_reader.insert(NotASocialSecurityCard("6A82"))
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "error", timeout=WAIT)
    screen = kiosk_app.screen("error")
    assert screen.kind is ErrorKind.NOT_SSC
    assert kiosk_app.frame.instruction.text() == "这张卡不是社保卡"
    assert "换社保卡" in screen.todo.text()
    assert screen.banner.text().strip() == "✕ 未成功"  # icon and word, not colour alone
    assert kiosk_app.voice.history[-1] == "error_not_ssc | todo_use_ssc"
    click(qtbot, screen.button)
    assert current_name(kiosk_app) in ("home", "take_card")


def test_the_wrong_card_taken_out_moves_on_home(kiosk_app, card_reader, qtbot):
    """请取出这张卡 does not stay once the card is out: the screen asked for it, home follows."""
    card_reader.insert(NotASocialSecurityCard("6A82"))
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "error", timeout=WAIT)
    screen = kiosk_app.screen("error")
    assert screen.picture.isVisible()  # a picture, like the other failures: take the card out
    assert screen.kind.value.picture == "take-card.svg"
    assert [p for p in screen.pictures.values() if p.isVisible()] == [screen.picture]
    with qtbot.waitSignal(kiosk_app.session_ended, timeout=WAIT) as ended:
        card_reader.remove()
    assert ended.args[0].value == "card_removed"
    assert current_name(kiosk_app) == "home"
    assert not kiosk_app.session.active


def test_the_wrong_card_taken_out_after_a_tile_asks_for_the_right_one(
    kiosk_app, card_reader, qtbot
):
    click(qtbot, kiosk_app.screen("home").tiles.tiles[Service.STATEMENT])
    assert current_name(kiosk_app) == "insert_card"
    card_reader.insert(NotASocialSecurityCard("6A82"))
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "error", timeout=WAIT)
    with qtbot.waitSignal(kiosk_app.card.card_removed, timeout=WAIT):
        card_reader.remove()
    deliver_posted_events()
    assert current_name(kiosk_app) == "insert_card"  # the statement chosen is still wanted
    card_reader.insert(SAMPLE_CARD)
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "pin", timeout=WAIT)


def test_expired_card_sends_to_the_counter(kiosk_app, card_reader, qtbot):
    card_reader.insert(EXPIRED_CARD)
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "error", timeout=WAIT)
    screen = kiosk_app.screen("error")
    assert screen.kind is ErrorKind.EXPIRED
    assert screen.picture.isVisible() and screen.kind.value.picture == "counter.svg"
    assert kiosk_app.session.card is None  # an expired card starts no session with data
    with qtbot.waitSignal(kiosk_app.card.card_removed, timeout=WAIT):
        card_reader.remove()
    deliver_posted_events()
    assert current_name(kiosk_app) == "error"  # 请到窗口办理换卡 stays: its button is 求助


def test_unreadable_card(kiosk_app, card_reader, qtbot):
    card_reader.insert(CardUnreadable("bad record"))
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "error", timeout=WAIT)
    assert kiosk_app.screen("error").kind is ErrorKind.UNREADABLE


def test_take_card_reminder_until_removed(kiosk_app, card_reader, qtbot):
    with qtbot.waitSignal(kiosk_app.card_ready, timeout=WAIT):
        card_reader.insert(SAMPLE_CARD)
    click_bar(qtbot, kiosk_app, BarButton.HOME)  # the resident is done, the card still in
    assert current_name(kiosk_app) == "take_card"
    assert kiosk_app.session.card is None
    screen = kiosk_app.screen("take_card")
    assert screen.reminder.isActive()
    assert screen.reminder.interval() == round(kiosk_app.config.ui.card_reminder_interval * 1000)
    before = len(kiosk_app.voice.history)
    screen.reminder.timeout.emit()  # one reminder interval
    assert len(kiosk_app.voice.history) == before + 1
    assert kiosk_app.voice.history[-1] == "take_card"
    card_reader.remove()
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "home", timeout=WAIT)
    assert not screen.reminder.isActive()


def test_reader_unplugged_repeatedly_puts_the_kiosk_out_of_service(kiosk_app, card_reader, qtbot):
    for attempt in range(kiosk_app.failures.limit):
        card_reader.unplug()
        qtbot.waitUntil(lambda: not kiosk_app.card.reader_present, timeout=WAIT)
        if attempt < kiosk_app.failures.limit - 1:
            assert current_name(kiosk_app) == "home"
            card_reader.replug()
            qtbot.waitUntil(lambda: kiosk_app.card.reader_present, timeout=WAIT)
    assert current_name(kiosk_app) == "out_of_service"
    assert "镇便民服务中心1号窗口" in kiosk_app.screen("out_of_service").detail.text()
    card_reader.replug()  # the technician plugs it back: service resumes
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "home", timeout=WAIT)


def test_a_bug_in_a_slot_ends_the_session_and_repeats_go_out_of_service(kiosk_app, qtbot):
    from kiosk.demo.samples import SAMPLE_CARD as card

    kiosk_app.session.set_card(card, kiosk_app._clock())
    kiosk_app.navigator.go("greeting")
    try:
        raise RuntimeError("a bug")
    except RuntimeError as e:
        error = e
    kiosk_app.handle_bug(RuntimeError, error, error.__traceback__)
    assert current_name(kiosk_app) == "home"
    assert kiosk_app.session.card is None
    for _ in range(kiosk_app.failures.limit - 1):
        kiosk_app.handle_bug(RuntimeError, error, error.__traceback__)
    assert current_name(kiosk_app) == "out_of_service"


def test_pin_verification_through_the_worker(kiosk_app, card_reader, qtbot):
    _insert(kiosk_app, card_reader, qtbot, SAMPLE_CARD)
    with qtbot.waitSignal(kiosk_app.card.pin_wrong, timeout=WAIT) as wrong:
        kiosk_app.card.request_verify_pin("000000")
    assert wrong.args == [2]
    with qtbot.waitSignal(kiosk_app.card.pin_ok, timeout=WAIT):
        kiosk_app.card.request_verify_pin("123456")


def test_the_reader_is_only_touched_from_its_worker_thread(kiosk_app):
    import pytest

    with pytest.raises(RuntimeError, match="card-worker"):
        kiosk_app.card._worker.read()  # from the GUI thread: a loud bug, not a rare crash
