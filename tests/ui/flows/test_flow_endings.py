"""How the card flows end: the certification result and "请取走您的参保证明" offer the rating
(skippable, never trapping), and the card reminder still follows while the card is in."""

from __future__ import annotations

import json
from typing import Any

from county_platform.seed import synthetic_template
from kiosk.screens.certify.result import ResultKind, ResultParams
from kiosk.screens.names import ScreenName
from tests.ui.certification_helpers import PERSON, benefit, card_for, resident, seed
from tests.ui.helpers import click, current_name
from tests.ui.info_seed import transactions
from tests.ui.statement_helpers import WAIT_MS, open_store, print_statement, seeded_app, to_preview


def ratings(app: Any) -> list[dict[str, Any]]:
    store = open_store(app)
    try:
        return [json.loads(tx.body)["payload"] for tx in transactions(store, "rating")]
    finally:
        store.close()


def screen_is(qtbot: Any, app: Any, name: str) -> None:
    qtbot.waitUntil(lambda: current_name(app) == name, timeout=WAIT_MS)


def test_certification_result_offers_the_rating_then_the_card_reminder(
    make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    person = resident(benefits=[benefit("pension", due_in_days=10)])
    app = make_kiosk_app()
    seed(app.config, person)
    card_reader.insert(card_for(person))
    screen_is(qtbot, app, "finger")
    qtbot.waitUntil(lambda: app.certification.service.busy, timeout=WAIT_MS)
    fingerprint_sensor.present_finger(synthetic_template(PERSON, "right_index"))
    screen_is(qtbot, app, "result")
    fingerprint_sensor.lift_finger()
    assert app.screen("result").kind is ResultKind.SUCCESS

    click(qtbot, app.screen("result").home_button)
    rating = app.screen("rating")
    assert current_name(app) == "rating" and rating.service == "certification"
    assert app.voice.history[-1] == "rating"
    click(qtbot, rating.buttons[5])
    qtbot.waitUntil(lambda: len(ratings(app)) == 1, timeout=WAIT_MS)
    assert ratings(app) == [{"service": "certification", "score": 5}]
    click(qtbot, rating.skip)  # 返回首页 after the thanks
    screen_is(qtbot, app, "take_card")  # the card is still in: the reminder
    assert app.session.card is None
    card_reader.remove()
    screen_is(qtbot, app, "home")


def test_a_result_without_a_verification_ends_without_the_rating(
    make_kiosk_app, card_reader, qtbot
):
    app = make_kiosk_app()  # nobody in the store: "not found"
    app.session.set_card(card_for(resident()), app.ctx.clock())
    app.navigator.go(ScreenName.RESULT, ResultParams(ResultKind.NOT_FOUND))
    click(qtbot, app.screen("result").home_button)
    screen_is(qtbot, app, "home")


def test_statement_taken_offers_the_rating_and_skipping_leads_to_the_reminder(
    make_kiosk_app, card_reader, qtbot
):
    app = seeded_app(make_kiosk_app)
    printing = print_statement(qtbot, app, to_preview(qtbot, app, card_reader))
    click(qtbot, printing.button)  # 取好了
    assert current_name(app) == "rating" and app.screen("rating").service == "statement"
    click(qtbot, app.screen("rating").skip)  # 不评价，回首页
    screen_is(qtbot, app, "take_card")
    assert ratings(app) == []
    card_reader.remove()
    screen_is(qtbot, app, "home")


def test_statement_left_on_the_printer_screen_ends_without_the_rating(
    make_kiosk_app, card_reader, qtbot
):
    app = seeded_app(make_kiosk_app)
    printing = print_statement(qtbot, app, to_preview(qtbot, app, card_reader))
    printing.take_timer.timeout.emit()  # nobody pressed 取好了 (the 20 s passed)
    screen_is(qtbot, app, "take_card")  # straight to the card reminder: nobody to ask
