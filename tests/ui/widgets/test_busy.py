"""The busy indicator (issue 12, item 8): nothing for a quick answer, movement past 0.5 s, the
words of what the kiosk waits for past 3 s. Driven by a clock the test moves, or by waiting on
the widget's own state (its timer), never by a fixed sleep."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.screens.names import ScreenName
from kiosk.widgets.busy import BusyIndicator, BusyState
from kiosk.widgets.theme import Theme


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def busy(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    widget = BusyIndicator(Theme.for_screen(1920, 1080), parent)
    parent.show()
    qtbot.waitExposed(parent)
    clock = Clock()
    widget.clock = clock
    yield widget, clock
    parent.close()  # kept alive (referenced) until the test is done


def test_a_quick_answer_shows_nothing_a_longer_wait_moves_then_says_what_for(busy):
    widget, clock = busy
    widget.start("正在查询您的认证信息…")
    assert widget.state is BusyState.WAITING and widget.timer.isActive()
    clock.now += 0.4
    widget.tick()
    assert widget.state is BusyState.WAITING
    assert not widget.dots.isVisible() and not widget.words.isVisible()
    clock.now += 0.2  # 0.6 s
    widget.tick()
    assert widget.state is BusyState.MOVING
    assert widget.dots.isVisible() and not widget.words.isVisible()
    first = widget.dots.step
    clock.now += 0.4
    widget.tick()
    assert widget.dots.step != first  # it moves
    clock.now += 2.5  # 3.5 s
    widget.tick()
    assert widget.state is BusyState.EXPLAINED
    assert widget.words.isVisible() and widget.words.text() == "正在查询您的认证信息…"
    widget.stop()
    assert widget.state is BusyState.IDLE and not widget.timer.isActive()
    assert not widget.dots.isVisible() and widget.words.text() == ""


def test_the_space_is_kept_so_nothing_jumps_when_it_appears(busy):
    widget, clock = busy
    widget.start("…")
    before = widget.sizeHint()
    clock.now += 4
    widget.tick()
    assert widget.sizeHint().height() >= before.height()
    assert widget.dots.sizePolicy().retainSizeWhenHidden()
    assert widget.words.sizePolicy().retainSizeWhenHidden()


def test_its_own_timer_moves_it_on(qtbot):
    """The real clock and timer: wait on the state it reaches (0.5 s), no fixed sleep."""
    parent = QWidget()
    qtbot.addWidget(parent)
    widget = BusyIndicator(Theme.for_screen(1920, 1080), parent)
    parent.show()
    seen: list[BusyState] = []
    widget.state_changed.connect(seen.append)
    widget.start("…")
    qtbot.waitUntil(lambda: widget.state is BusyState.MOVING, timeout=5000)
    assert seen == [BusyState.WAITING, BusyState.MOVING]
    assert widget.elapsed() >= 0.5 and widget.dots.isVisible()
    widget.stop()


def test_the_certification_lookup_shows_the_wait_and_stops_when_it_leaves(kiosk_app):
    from kiosk.demo.screenshots.certify_scenes import waited

    kiosk_app.navigator.go(ScreenName.CERTIFY)
    screen = kiosk_app.screen("certify")
    assert screen.busy.state is BusyState.WAITING
    waited(screen.busy, 3.5)
    assert screen.busy.state is BusyState.EXPLAINED
    assert screen.busy.words.text() == "正在查询您的认证信息…"
    kiosk_app.navigator.go(ScreenName.HOME)
    assert screen.busy.state is BusyState.IDLE and not screen.busy.timer.isActive()


def test_the_statement_being_prepared_shows_the_wait_until_the_page_arrives(kiosk_app):
    from PySide6.QtGui import QImage

    from kiosk.demo.screenshots.certify_scenes import waited

    screen = kiosk_app.navigator.go(ScreenName.STATEMENT_PREVIEW)
    assert screen.busy.state is BusyState.WAITING and screen.waiting.isVisible()
    waited(screen.busy, 1.0)
    assert screen.busy.state is BusyState.MOVING and screen.busy.dots.isVisible()
    waited(screen.busy, 3.0)
    assert screen.busy.words.text() == "正在生成您的参保证明…"
    image = QImage(100, 140, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    screen.show_document(image, 1)
    assert screen.busy.state is BusyState.IDLE and not screen.waiting.isVisible()
    assert screen.page.isVisible()
