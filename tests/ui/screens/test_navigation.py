"""Home → tiles → back / home, the bottom bar's fixed places, and registering a new screen."""

from __future__ import annotations

import pytest

from kiosk.screens import registry
from kiosk.screens.base import Screen
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.names import ScreenName
from kiosk.widgets.frame import BarButton
from tests.ui.helpers import click, click_bar, current_name, deliver_posted_events


class BenefitsForTest(Screen):
    """A flow screen as another engineer would add it: one class, one line in SCREENS."""

    name = ScreenName.BENEFITS
    prompt_id = "greeting"


def _without(name: str) -> tuple[type[Screen], ...]:
    """The registry with the screen `name` taken out (no stand-in takes its place)."""
    kept = tuple(cls for cls in registry.SCREENS if cls.name != name)
    assert len(kept) == len(registry.SCREENS) - 1, f"{name} is not registered"
    return kept


def test_home_shows_only_available_services(monkeypatch, make_kiosk_app):
    # every service has its screens: all six tiles, in order
    app = make_kiosk_app(start=False)
    app.navigator.go("home")
    assert app.screen("home").tiles.visible_services() == list(Service)
    # a service whose entry screen is not registered has no tile, and the others keep theirs
    monkeypatch.setattr(registry, "SCREENS", _without("benefits"))
    app = make_kiosk_app()
    assert current_name(app) == "home"
    visible = app.screen("home").tiles.visible_services()
    assert Service.BENEFITS not in visible
    assert visible == [s for s in Service if s is not Service.BENEFITS]
    assert not app.navigator.is_available("benefits")
    assert "benefits" not in app.navigator.names()  # no placeholder stands in for it


def test_help_tile_then_back_and_home(kiosk_app, qtbot):
    click(qtbot, kiosk_app.screen("home").tiles.tiles[Service.HELP])
    assert current_name(kiosk_app) == "help"
    assert "工作人员" in kiosk_app.frame.instruction.text()
    assert "镇便民服务中心1号窗口" in kiosk_app.screen("help").detail.text()
    click_bar(qtbot, kiosk_app, BarButton.BACK)
    assert current_name(kiosk_app) == "home"
    # one 求助 on the home screen: its tile, not the bar's as well
    assert not kiosk_app.frame.bottom_bar.buttons[BarButton.HELP].isVisible()
    click(qtbot, kiosk_app.screen("home").tiles.tiles[Service.HELP])
    assert current_name(kiosk_app) == "help"
    click_bar(qtbot, kiosk_app, BarButton.HOME)
    assert current_name(kiosk_app) == "home"


def test_bottom_buttons_keep_their_places(make_kiosk_app, qtbot):
    app = make_kiosk_app()
    bar = app.frame.bottom_bar.buttons
    app.navigator.go("help")
    deliver_posted_events()  # the layout requests: geometry settled
    places = {w: bar[w].geometry() for w in (BarButton.BACK, BarButton.HOME, BarButton.REPEAT)}
    assert not bar[BarButton.HELP].isVisible()
    app.navigator.go("home")
    deliver_posted_events()
    assert not bar[BarButton.BACK].isVisible() and not bar[BarButton.HOME].isVisible()
    assert not bar[BarButton.HELP].isVisible()  # home's 求助 is its tile
    assert bar[BarButton.REPEAT].geometry() == places[BarButton.REPEAT]
    app.navigator.go("rating")
    deliver_posted_events()
    assert bar[BarButton.HELP].geometry().left() > places[BarButton.REPEAT].right()


def test_repeat_says_the_prompt_again(kiosk_app, qtbot):
    before = len(kiosk_app.voice.history)
    click_bar(qtbot, kiosk_app, BarButton.REPEAT)
    assert len(kiosk_app.voice.history) == before + 1
    assert kiosk_app.voice.history[-1] == "home"


def test_registering_a_screen_shows_its_tile_and_card_leads_to_it(
    monkeypatch, make_kiosk_app, card_reader, qtbot
):
    from kiosk.demo.samples import SAMPLE_CARD

    unregistered = _without("benefits")
    monkeypatch.setattr(registry, "SCREENS", unregistered)
    before = make_kiosk_app(start=False)  # the simulated reader can serve one started app
    before.navigator.go("home")
    assert Service.BENEFITS not in before.screen("home").tiles.visible_services()
    # the one line in SCREENS: the tile appears and a card read after choosing it leads there
    monkeypatch.setattr(registry, "SCREENS", (*unregistered, BenefitsForTest))
    app = make_kiosk_app()
    home = app.screen("home")
    assert Service.BENEFITS in home.tiles.visible_services()
    assert isinstance(app.screen("benefits"), BenefitsForTest)
    click(qtbot, home.tiles.tiles[Service.BENEFITS])
    assert current_name(app) == "insert_card"  # a card service identifies first
    card_reader.insert(SAMPLE_CARD)
    qtbot.waitUntil(lambda: current_name(app) == "benefits", timeout=5000)
    assert app.session.card == SAMPLE_CARD


def test_unknown_screen_is_a_bug(kiosk_app):
    from kiosk.screens.navigator import UnknownScreen

    with pytest.raises(UnknownScreen):
        kiosk_app.navigator.go("no_such_screen")


def test_only_the_screen_on_show_is_presented_when_its_words_change(kiosk_app, qtbot):
    """A hidden screen updated by a late answer (the preview behind 求助) must not talk over the
    screen on show; the screen on show is presented again."""
    app = kiosk_app
    app.navigator.go("help")
    instruction = app.frame.instruction.text()
    said = len(app.voice.history)
    app.screen("home").prompt_changed.emit()  # hidden
    assert app.frame.instruction.text() == instruction and len(app.voice.history) == said
    app.screen("help").prompt_changed.emit()  # on show
    assert len(app.voice.history) == said + 1


def test_a_flow_wiring_the_wrong_screen_class_is_told_which(kiosk_app):
    from kiosk.screens.common.help import HelpScreen

    assert isinstance(kiosk_app.navigator.get_as("help", HelpScreen), HelpScreen)
    with pytest.raises(TypeError, match="screen 'home' is a HomeScreen, not a HelpScreen"):
        kiosk_app.navigator.get_as("home", HelpScreen)
