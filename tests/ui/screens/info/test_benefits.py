"""我的待遇 against a real store: the card identifies the resident, the benefits and contributions
are shown on pages with a masked name and spoken with amounts written out; card removal and the end
of the session take all of it off the screen and out of memory."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.core.session import SessionEnd
from kiosk.demo.samples import RARE_NAME_CARD, SAMPLE_CARD
from kiosk.demo.service_samples import SAMPLE_RESIDENT
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.info.benefits import State
from tests.ui.helpers import click, current_name
from tests.ui.info_seed import WAIT, choose, open_store, seed_resident


@pytest.fixture
def store(kiosk_app):
    s = open_store(kiosk_app)
    seed_resident(s)
    yield s
    s.close()


def _texts(screen: QWidget) -> list[str]:
    return [label.text() for label in screen.findChildren(QLabel) if label.isVisible()]


def _open_benefits(app, reader, qtbot, card=SAMPLE_CARD):
    choose(app, qtbot, Service.BENEFITS)
    assert current_name(app) == "insert_card"  # the card comes first
    reader.insert(card)
    qtbot.waitUntil(lambda: current_name(app) == "benefits", timeout=WAIT)
    screen = app.screen("benefits")
    qtbot.waitUntil(lambda: screen.state is not State.LOADING, timeout=WAIT)
    return screen


def test_benefits_shown_masked_and_spoken(kiosk_app, card_reader, store, qtbot):
    screen = _open_benefits(kiosk_app, card_reader, qtbot)
    assert screen.state is State.SHOWN
    texts = _texts(screen)
    assert "王*𠮷　养老金" in texts
    assert SAMPLE_RESIDENT.name not in "".join(texts)
    assert "✓ 正常发放" in texts
    assert "¥2,345.60 元" in texts
    assert "2027年11月30日" in texts  # next certification due
    assert "2026年11月30日" in texts  # paid until
    said = kiosk_app.voice.history[-1]
    assert "二千三百四十五元六角" in said and "正常发放" in said
    assert "二零二七年十一月三十日" in said
    assert kiosk_app.session.resident == SAMPLE_RESIDENT


def test_pages_turn_to_the_second_benefit_and_contributions(kiosk_app, card_reader, store, qtbot):
    screen = _open_benefits(kiosk_app, card_reader, qtbot)
    assert not screen.pager.previous_button.isVisible()
    click(qtbot, screen.pager.next_button)
    texts = _texts(screen)
    assert "! 暂停发放" in texts and "¥1,540.00 元" in texts
    assert "一千五百四十元" in kiosk_app.voice.history[-1]
    click(qtbot, screen.pager.next_button)
    texts = _texts(screen)
    assert "个人账户余额" in texts and "¥45,678.90 元" in texts
    assert "居民养老保险" in texts and "2013–2026年" in texts and "168 个月" in texts
    assert "四万五千六百七十八元九角" in kiosk_app.voice.history[-1]
    assert not screen.pager.next_button.isVisible()
    click(qtbot, screen.done_button)  # 看完了 -> the rating
    assert current_name(kiosk_app) == "rating"
    assert kiosk_app.screen("rating").service == "benefits"


def test_card_removal_goes_home_and_drops_everything(kiosk_app, card_reader, store, qtbot):
    screen = _open_benefits(kiosk_app, card_reader, qtbot)
    with qtbot.waitSignal(kiosk_app.session_ended, timeout=WAIT) as ended:
        card_reader.remove()
    assert ended.args == [SessionEnd.CARD_REMOVED]
    assert current_name(kiosk_app) == "home"
    assert screen.resident is None
    assert kiosk_app.session.resident is None
    assert all("王" not in t and "¥" not in t for t in [*_texts(screen), screen.heading.text()])
    assert screen.grid.count() == 0


def test_session_end_clears_the_screen(kiosk_app, card_reader, store, qtbot):
    screen = _open_benefits(kiosk_app, card_reader, qtbot)
    kiosk_app.end_session(SessionEnd.IDLE)
    assert screen.resident is None and screen.state is State.LOADING
    assert screen.heading.text() == "" and screen.status.text() == ""
    assert screen.grid.count() == 0


def test_unknown_card_is_told_where_to_go(kiosk_app, card_reader, store, qtbot):
    screen = _open_benefits(kiosk_app, card_reader, qtbot, RARE_NAME_CARD)
    assert screen.state is State.NOT_FOUND
    assert kiosk_app.frame.instruction.text() == "没有查到您的待遇信息，请到窗口咨询"
    assert kiosk_app.session.resident is None
