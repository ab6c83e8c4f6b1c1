"""What a resident sees when something goes wrong mid-flow (audit findings): never a dead screen."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import pytest

from drivers.errors import PrinterOutOfPaper
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.info.rating import offer_rating
from kiosk.screens.statement.printing import PrintState
from kiosk.widgets.frame import BarButton
from offline_cache.store import Store
from tests.ui.helpers import click, click_bar, current_name
from tests.ui.info_seed import choose
from tests.ui.statement_helpers import (
    PIN,
    WAIT_MS,
    seeded_app,
    simulated_printer,
    to_pin,
    to_preview,
    type_pin,
)


@pytest.fixture
def app(make_kiosk_app: Any) -> Any:
    return seeded_app(make_kiosk_app)


def test_back_from_help_after_a_print_failure_shows_the_failure_again(app, card_reader, qtbot):
    preview = to_preview(qtbot, app, card_reader)
    simulated_printer(app).fail_with = PrinterOutOfPaper("media-empty")
    click(qtbot, preview.print_button)
    printing = app.screen("printing")
    qtbot.waitUntil(lambda: printing.state is PrintState.FAILED, timeout=WAIT_MS)
    click(qtbot, printing.button)  # 求助
    assert current_name(app) == "help"
    click_bar(qtbot, app, BarButton.BACK)
    assert current_name(app) == "printing"
    # not "正在打印" forever with no button: the failure and its way on are shown again
    assert printing.state is PrintState.FAILED
    assert app.frame.instruction.text() == "打印机没有纸了"
    assert printing.button.isVisible()


def test_home_from_the_error_screen_ends_the_session_and_reminds_the_card(
    kiosk_app, card_reader, qtbot, monkeypatch
):
    def broken(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "resident_by_card_number", broken)
    choose(kiosk_app, qtbot, Service.BENEFITS)
    card_reader.insert(SAMPLE_CARD)
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "error", timeout=WAIT_MS)
    error = kiosk_app.screen("error")
    assert error.button.text() == "返回首页"
    click(qtbot, error.button)
    # the card is still in: the session ends (data dropped) and the reminder follows
    assert kiosk_app.session.card is None
    assert current_name(kiosk_app) == "take_card"


def test_help_while_the_statement_is_prepared_then_back_shows_it(
    app, card_reader, qtbot, monkeypatch
):
    import kiosk.services.printer_service as printer_service

    release = threading.Event()
    build = printer_service.build_statement

    def slow_build(*args: Any, **kwargs: Any) -> Any:
        release.wait(WAIT_MS / 1000)
        return build(*args, **kwargs)

    monkeypatch.setattr(printer_service, "build_statement", slow_build)
    to_pin(qtbot, app, card_reader)
    type_pin(qtbot, app, PIN)
    qtbot.waitUntil(lambda: current_name(app) == "statement_preview", timeout=WAIT_MS)
    preview = app.screen("statement_preview")
    assert not preview.ready  # "正在准备"
    click_bar(qtbot, app, BarButton.HELP)
    with qtbot.waitSignal(app.statement.printer.prepared, timeout=WAIT_MS):
        release.set()  # the statement is ready while the resident reads the help screen
    click_bar(qtbot, app, BarButton.BACK)
    assert current_name(app) == "statement_preview"
    # not "正在准备" forever: the statement is shown and can be printed
    assert preview.ready
    assert preview.print_button.isVisible() and preview.print_button.isEnabled()


def test_back_from_help_after_rating_does_not_ask_for_a_second_rating(kiosk_app, qtbot):
    offer_rating(kiosk_app.navigator, "certification")
    rating = kiosk_app.screen("rating")
    with qtbot.waitSignals([rating.rated], timeout=WAIT_MS):
        click(qtbot, rating.buttons[5])
    click_bar(qtbot, kiosk_app, BarButton.HELP)
    click_bar(qtbot, kiosk_app, BarButton.BACK)
    assert current_name(kiosk_app) == "rating"
    # still thanked: the faces are not offered again, so one service is rated once
    assert rating.score == 5
    assert not rating.faces.isVisible()
    assert kiosk_app.frame.instruction.text() == "谢谢您的评价"
