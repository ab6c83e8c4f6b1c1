"""`kiosk --demo` card keys insert residents FROM THE LOCAL CACHE, so the flows find them
(F2's card used to be a sample nobody in the demo township had: "not found")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kiosk.demo.cards import DemoResident, load_demo_cards
from kiosk.demo.keys import DemoKeys
from kiosk.screens.common.service_catalog import Service
from tests.ui.certification_helpers import benefit, resident, seed
from tests.ui.helpers import click, current_name
from tests.ui.statement_helpers import WAIT_MS

DUE = resident(benefits=[benefit("pension", due_in_days=5)])


def press(qtbot: Any, app: Any, keys: DemoKeys, key: Qt.Key) -> None:
    app.qapp.installEventFilter(keys)
    try:
        qtbot.keyClick(app.window, key)
    finally:
        app.qapp.removeEventFilter(keys)


def test_f2_inserts_a_due_pensioner_of_the_cache_and_benefits_find_them(
    make_kiosk_app, card_reader, qtbot
):
    app = make_kiosk_app()
    seed(app.config, DUE)
    keys = DemoKeys(card_reader, lambda: load_demo_cards(app.config), app)
    click(qtbot, app.screen("home").tiles.tiles[Service.BENEFITS])
    press(qtbot, app, keys, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: app.session.card is not None, timeout=WAIT_MS)
    assert app.session.card.person_id == DUE.person_id
    benefits = app.screen("benefits")
    qtbot.waitUntil(lambda: app.session.resident is not None, timeout=WAIT_MS)
    assert current_name(app) == "benefits" and app.session.resident.person_id == DUE.person_id
    press(qtbot, app, keys, Qt.Key.Key_F3)  # remove
    qtbot.waitUntil(lambda: current_name(app) == "home", timeout=WAIT_MS)
    assert benefits is app.screen("benefits")


def test_a_kind_missing_from_the_cache_inserts_nothing(make_kiosk_app, card_reader, qtbot, capsys):
    app = make_kiosk_app()
    seed(app.config, DUE)  # has benefits: nobody for F12
    keys = DemoKeys(card_reader, lambda: load_demo_cards(app.config), app)
    with qtbot.waitSignal(keys.missing, timeout=WAIT_MS):
        press(qtbot, app, keys, Qt.Key.Key_F12)
    assert "nobody in the local cache is a resident with no benefits" in capsys.readouterr().err
    assert not card_reader.status().card_present
    assert current_name(app) == "home" and app.session.card is None


def test_the_cache_is_read_off_the_gui_thread_and_an_early_key_is_served_when_ready(
    make_kiosk_app, card_reader, qtbot
):
    """The cards are read on their own thread; a key pressed before they are in waits for them."""
    import threading

    from PySide6.QtCore import QThread

    app = make_kiosk_app()
    seed(app.config, DUE)
    release = threading.Event()
    threads: list[str] = []

    def slow_load() -> Any:
        threads.append(threading.current_thread().name)
        release.wait(10)
        return load_demo_cards(app.config)

    keys = DemoKeys(card_reader, slow_load, app)
    inserted_on: list[QThread] = []  # a direct connection runs on the emitting thread
    keys.inserted.connect(
        lambda _who: inserted_on.append(QThread.currentThread()), Qt.ConnectionType.DirectConnection
    )
    press(qtbot, app, keys, Qt.Key.Key_F2)  # before the cards are in: nothing yet, no wait
    assert not keys.ready and not card_reader.status().card_present
    with qtbot.waitSignal(keys.inserted, timeout=WAIT_MS) as inserted:
        release.set()
    assert inserted.args == [DemoResident.DUE_PENSIONER]
    assert threads == ["demo-cards"]
    assert inserted_on == [app.qapp.thread()]  # the card goes in from the GUI thread
    qtbot.waitUntil(lambda: app.session.card is not None, timeout=WAIT_MS)
    assert app.session.card.person_id == DUE.person_id
