"""The rating after a service: five faces with words, a `rating` transaction in the real store,
thanks, and a way out that records nothing; any flow can offer it through `offer_rating`."""

from __future__ import annotations

import json

import pytest

from kiosk.screens.info.rating import SCORE_WORDS, offer_rating
from kiosk.widgets.frame import BarButton
from tests.ui.helpers import click, click_bar, current_name
from tests.ui.info_seed import WAIT, open_store, transactions


@pytest.fixture
def store(kiosk_app):
    s = open_store(kiosk_app)
    yield s
    s.close()


def test_every_score_has_a_face_and_a_word(kiosk_app, qtbot):
    offer_rating(kiosk_app.navigator, "certification")
    screen = kiosk_app.screen("rating")
    assert [b.text() for b in screen.buttons.values()] == [
        "非常不满意", "不满意", "基本满意", "满意", "非常满意"
    ]  # fmt: skip
    assert sorted(screen.buttons) == sorted(SCORE_WORDS) == [1, 2, 3, 4, 5]
    assert kiosk_app.voice.history[-1] == "rating"


def test_a_score_is_recorded_and_thanked(kiosk_app, store, qtbot):
    offer_rating(kiosk_app.navigator, "certification")  # the hook the other flows call
    screen = kiosk_app.screen("rating")
    click(qtbot, screen.buttons[4])
    assert kiosk_app.frame.instruction.text() == "谢谢您的评价"
    assert screen.banner.text().startswith("✓")
    assert not screen.faces.isVisible()
    qtbot.waitUntil(lambda: len(transactions(store, "rating")) == 1, timeout=WAIT)
    [tx] = transactions(store, "rating")
    assert json.loads(tx.body)["payload"] == {"service": "certification", "score": 4}
    click(qtbot, screen.skip)  # now "返回首页"
    assert current_name(kiosk_app) == "home"


def test_skipping_records_nothing_and_goes_home(kiosk_app, store, qtbot):
    offer_rating(kiosk_app.navigator, "statement")
    screen = kiosk_app.screen("rating")
    assert screen.skip.text() == "不评价，回首页"
    click(qtbot, screen.skip)
    assert current_name(kiosk_app) == "home"
    assert transactions(store, "rating") == []


def test_home_button_also_leaves(kiosk_app, store, qtbot):
    offer_rating(kiosk_app.navigator, "jobs")
    click_bar(qtbot, kiosk_app, BarButton.HOME)
    assert current_name(kiosk_app) == "home"
    assert kiosk_app.screen("rating").service == ""


def test_unknown_service_is_a_bug(kiosk_app):
    with pytest.raises(ValueError, match="unknown service"):
        offer_rating(kiosk_app.navigator, "lottery")
