"""The language switch on the home screen, and its return to the configured default."""

from __future__ import annotations

from kiosk.screens.common.service_catalog import Service
from kiosk.widgets.frame import BarButton
from tests.ui.helpers import click, click_bar, current_name


def test_switch_to_english_and_back_at_session_end(kiosk_app, qtbot):
    top = kiosk_app.frame.top_bar
    assert top.language_button.text() == "English"
    click(qtbot, top.language_button)
    assert kiosk_app.translations.language == "en"
    assert kiosk_app.frame.instruction.text().startswith("Insert your social security card")
    assert "Qingshan Town" in top.title.text()
    assert kiosk_app.frame.bottom_bar.buttons[BarButton.HELP].text() == "Help"
    assert kiosk_app.voice.language == "en"
    click(qtbot, kiosk_app.screen("home").tiles.tiles[Service.HELP])  # home's 求助 is a tile
    assert "staff" in kiosk_app.frame.instruction.text()
    assert "window 1 of the town service centre" in kiosk_app.screen("help").detail.text()
    click_bar(qtbot, kiosk_app, BarButton.HOME)  # the session ends
    assert current_name(kiosk_app) == "home"
    assert kiosk_app.translations.language == "zh"
    assert kiosk_app.frame.instruction.text() == "请插入社保卡，或点击下方服务"
    assert top.language_button.text() == "English"


def test_language_switch_only_on_home(kiosk_app):
    button = kiosk_app.frame.top_bar.language_button
    assert button.isVisible()
    kiosk_app.navigator.go("help")
    assert not button.isVisible()


def test_idle_end_reverts_to_configured_english(make_kiosk_app, qtbot):
    app = make_kiosk_app(ui={"language": "en", "idle_timeout": 0.2, "countdown": 20})
    assert app.translations.language == "en"
    assert app.frame.instruction.text().startswith("Insert your")
    click(qtbot, app.frame.top_bar.language_button)
    assert app.translations.language == "zh"
    qtbot.waitUntil(app.overlay.isVisible, timeout=5000)  # a switched language is a session
    app.overlay.timer.stop()
    for _ in range(20):
        app.overlay.tick()
    assert app.translations.language == "en"
    assert app.frame.instruction.text().startswith("Insert your")
