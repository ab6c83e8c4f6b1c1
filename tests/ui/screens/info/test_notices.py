"""政策通知 against a real store: the list of current notices, a long notice cut into pages that fit
(nothing lost, no scrollbar), 再听一遍 reading the title and the page, and 看完了 to the rating."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

import pytest
from PySide6.QtGui import QTextDocument

from kiosk.core.listings import WORD_JOINER
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.info.notices import ListState, reading_html
from kiosk.widgets.frame import BarButton
from kiosk.widgets.theme import BODY_PX
from tests.ui.helpers import click, click_bar, current_name
from tests.ui.info_seed import WAIT, choose, fresh_notices, now, open_store, seed_notices

LONG_BODY = "\n".join(
    f"第{i}段。" + "城乡居民基本养老保险缴费工作已经开始，多缴多得，长缴多得。" * 3
    for i in range(1, 9)
)


def shown_text(label):
    """What a rich-text label shows, as plain text (paragraphs on lines, no word joiners)."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace(WORD_JOINER, "")


def _open(app, qtbot, notices):
    s = open_store(app)
    try:
        seed_notices(s, notices)
    finally:
        s.close()
    choose(app, qtbot, Service.NOTICES)
    screen = app.screen("notices")
    qtbot.waitUntil(lambda: screen.state is ListState.SHOWN, timeout=WAIT)
    return screen


def _titles(screen):
    return [c.title.full_text for c in screen.cards if not c.isHidden()]


def test_list_shows_current_notices_newest_first(kiosk_app, qtbot):
    notices = fresh_notices()
    expired = replace(
        notices[1], notice_id="N-OLD", title="过期的通知", expires_at=now() - timedelta(hours=1)
    )
    screen = _open(kiosk_app, qtbot, [*notices, expired])
    shown = []
    while True:
        shown += _titles(screen)
        if not screen.pager.next_button.isVisible():
            break
        click(qtbot, screen.pager.next_button)
    assert shown == [n.title for n in notices]
    assert "过期的通知" not in shown


@pytest.mark.parametrize("size", [(1280, 1024), (1080, 1920)], ids=["1280x1024", "1080x1920"])
def test_long_notice_is_paged_and_read_aloud(make_kiosk_app, qtbot, size):
    app = make_kiosk_app(size=size)
    notices = fresh_notices(body=LONG_BODY)
    screen = _open(app, qtbot, notices)
    click(qtbot, screen.cards[0])
    detail = app.screen("notice_detail")
    assert current_name(app) == "notice_detail"
    assert detail.title.text() == notices[0].title
    pages = detail.pages()
    assert len(pages) > 1
    seen = []
    for index in range(len(pages)):
        body = detail.body
        # the page fits its label: no clipping, no scrollbar
        assert body.heightForWidth(body.contentsRect().width()) <= body.contentsRect().height() + 1
        assert detail.title.isVisible() == (index == 0)
        assert detail.done_button.isVisible() == (index == len(pages) - 1)
        seen.append(shown_text(body))
        if index < len(pages) - 1:
            click(qtbot, detail.pager.next_button)
    assert "".join(seen).replace("\n", "") == LONG_BODY.replace("\n", "")
    click(qtbot, detail.pager.previous_button)
    click_bar(qtbot, app, BarButton.REPEAT)
    assert pages[-2].replace("\n", " ") in app.voice.history[-1].replace("\n", " ")
    for _ in range(len(pages)):
        if detail.pager.previous_button.isVisible():
            click(qtbot, detail.pager.previous_button)
    click_bar(qtbot, app, BarButton.REPEAT)
    assert app.voice.history[-1].startswith(notices[0].title)


def test_read_to_the_end_offers_the_rating(kiosk_app, qtbot):
    screen = _open(kiosk_app, qtbot, fresh_notices())
    click(qtbot, screen.cards[-1] if not screen.cards[-1].isHidden() else screen.cards[0])
    detail = kiosk_app.screen("notice_detail")
    while detail.pager.next_button.isVisible():
        click(qtbot, detail.pager.next_button)
    click(qtbot, detail.done_button)
    assert current_name(kiosk_app) == "rating"
    assert kiosk_app.screen("rating").service == "notices"
    click_bar(qtbot, kiosk_app, BarButton.HOME)
    assert detail.notice is None and detail.body.text() == ""


def _laid_out_lines(label, rich_text):
    """(top, text) of every line `rich_text` takes in `label`'s font and width."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(rich_text)
    document.setTextWidth(label.contentsRect().width())
    assert document.size().height() > 0  # laid out
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            start = line.textStart()
            text = block.text()[start : start + line.textLength()]
            lines.append((layout.position().y() + line.y(), text.replace(WORD_JOINER, "")))
        block = block.next()
    return lines


def _splits_500_yuan(lines):
    return any(a.endswith("500") and b.startswith("元") for (_, a), (_, b) in pairwise(lines))


def test_notice_lines_are_spaced_and_numbers_stay_with_their_units(make_kiosk_app, qtbot):
    app = make_kiosk_app(size=(1080, 1920))
    screen = _open(app, qtbot, fresh_notices(body=LONG_BODY))
    click(qtbot, screen.cards[0])
    body = app.screen("notice_detail").body
    px = app.theme.px(BODY_PX)
    lines = _laid_out_lines(body, body.text())
    assert len(lines) > 3
    pitches = [b - a for (a, _), (b, _) in pairwise(lines)]
    assert min(pitches) >= 1.5 * px - 0.5, (pitches, px)
    # wherever the line ends, "500" and "元" stay together (a plain text splits them somewhere)
    width_chars = int(body.contentsRect().width() / px) + 2
    texts = ["文" * k + "每人补贴500元。" + "文" * 20 for k in range(width_chars)]
    assert any(_splits_500_yuan(_laid_out_lines(body, html.escape(t))) for t in texts)
    for text in texts:
        lines = _laid_out_lines(body, reading_html(text, px))
        assert not _splits_500_yuan(lines), lines
        assert "".join(t for _, t in lines) == text
