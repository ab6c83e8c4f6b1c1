"""The idle countdown: appears after the configured idle time, a touch extends, zero ends the
session. The countdown is driven by calling its tick (no waiting on wall-clock seconds)."""

from __future__ import annotations

from kiosk.core.masking import known_names
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.common.service_catalog import Service
from kiosk.widgets.frame import BarButton
from tests.ui.helpers import click, current_name, deliver_posted_events

SHORT = {"idle_timeout": 0.2, "countdown": 20}


def _wait_for_overlay(app, qtbot):
    qtbot.waitUntil(app.overlay.isVisible, timeout=5000)


def test_countdown_appears_on_a_flow_screen_not_on_an_idle_home(make_kiosk_app, qtbot):
    app = make_kiosk_app(ui=SHORT)
    assert not app.idle.active  # home without a session: nothing to time out
    click(qtbot, app.screen("home").tiles.tiles[Service.HELP])  # home's 求助 is a tile
    assert app.idle.active
    _wait_for_overlay(app, qtbot)
    assert app.overlay.remaining == 20
    assert app.overlay.number.text() == "20"
    assert "更多时间" in app.overlay.button.text()
    assert app.voice.history[-1] == "idle"


def test_countdown_reaching_zero_ends_the_session(make_kiosk_app, qtbot):
    app = make_kiosk_app(ui=SHORT)
    app.session.set_card(SAMPLE_CARD, app._clock())  # a resident identified earlier
    app.navigator.go("greeting")
    assert "王*英" in app.screen("greeting").hello.text()
    _wait_for_overlay(app, qtbot)
    app.overlay.timer.stop()  # the test drives the seconds
    for expected in range(19, 0, -1):
        app.overlay.tick()
        assert app.overlay.remaining == expected
        assert current_name(app) == "greeting"
    with qtbot.waitSignal(app.session_ended):
        app.overlay.tick()
    assert current_name(app) == "home"
    assert not app.overlay.isVisible()
    assert app.session.card is None and not app.session.active
    assert app.screen("greeting").hello.text() == ""
    assert SAMPLE_CARD.name not in known_names


def test_touch_extends(make_kiosk_app, qtbot):
    app = make_kiosk_app(ui=SHORT)
    app.navigator.go("help")
    _wait_for_overlay(app, qtbot)
    app.overlay.timer.stop()
    app.overlay.tick()
    click(qtbot, app.overlay)  # a touch anywhere on the dimmed screen
    assert not app.overlay.isVisible()
    assert current_name(app) == "help"
    assert app.idle.active  # the idle time starts again


def test_more_time_button_extends(make_kiosk_app, qtbot):
    app = make_kiosk_app(ui=SHORT)
    app.navigator.go("help")
    _wait_for_overlay(app, qtbot)
    click(qtbot, app.overlay.button)
    assert not app.overlay.isVisible()
    assert current_name(app) == "help"


def test_a_touch_restarts_the_idle_time(make_kiosk_app, qtbot):
    app = make_kiosk_app(ui={"idle_timeout": 30, "countdown": 20})
    app.navigator.go("help")
    app.idle.stop()
    with qtbot.waitSignal(app.activity.touched):
        click(qtbot, app.frame.bottom_bar.buttons[BarButton.REPEAT])
    assert app.idle.active


def test_nothing_late_reaches_the_deleted_window_after_shutdown(
    kiosk_config, card_reader, fingerprint_sensor, qtbot, monkeypatch
):
    """The flaky "CountdownOverlay already deleted": after `shutdown()` and the window's deletion,
    a card event queued before the card thread stopped, or the idle timer poked by it, must not
    reach the overlay (or anything else of the window)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QSize

    from kiosk.app import KioskApp

    app = KioskApp(
        kiosk_config(), size=QSize(1920, 1080), open_reader=lambda: card_reader,
        open_sensor=lambda: fingerprint_sensor,
    )  # fmt: skip
    app.start(show=True, fullscreen=False)
    qtbot.waitUntil(lambda: app.card.reader_present, timeout=5000)
    card_reader.insert(SAMPLE_CARD)
    qtbot.waitUntil(lambda: app.session.card is not None, timeout=5000)
    app.shutdown()
    errors: list[BaseException] = []  # what a slot raised (Qt hands it to sys.excepthook)
    monkeypatch.setattr("sys.excepthook", lambda _t, e, _tb: errors.append(e))
    app.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(app.overlay)  # gone with the window
    # what the card thread had posted before it stopped, delivered now
    app.card.card_removed.emit()
    app.card.card_inserted.emit()
    app.card.card_read.emit(SAMPLE_CARD)
    app.card.card_error.emit("card_unreadable", "late")
    app.card.reader_lost.emit()
    # the idle timer, had anything poked it
    app.idle.expired.emit()
    deliver_posted_events()
    assert errors == []
