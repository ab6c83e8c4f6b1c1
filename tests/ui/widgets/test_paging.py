"""One paging control: 上一页 and 下一页 are the same size and in the same place on every screen
that pages (lists, a job, a notice, the contributions), whatever sits between them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from kiosk.demo.screenshots.gallery import SCENES, build_for_picture
from kiosk.screens.names import ScreenName
from kiosk.widgets.paging import Pager

PAGED_SCENES = ["jobs", "job_detail", "notices", "notice_detail", "benefits", "contributions"]
SIZES = [(1920, 1080), (1080, 1920), (1280, 1024)]


def _pager_buttons(config, qtbot, scene, size, language):
    app = build_for_picture(config, size[0], size[1], language)
    try:
        app.navigator.go(ScreenName.HOME)
        SCENES[scene](app)
        app.window.resize(app.geometry.size())
        app.window.show()
        qtbot.waitExposed(app.window)
        QApplication.processEvents()
        screen = app.navigator.currentWidget()
        assert screen is not None
        pagers = [p for p in screen.findChildren(Pager) if p.isVisible()]
        assert len(pagers) == 1, scene
        pager = pagers[0]
        return {
            name: QRect(button.mapTo(app.window, QPoint(0, 0)), button.size())
            for name, button in (("previous", pager.previous_button), ("next", pager.next_button))
        }
    finally:
        app.shutdown()
        app.window.deleteLater()


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_page_buttons_keep_their_size_and_place(kiosk_config, qtbot, size, language):
    config = kiosk_config()
    found = {scene: _pager_buttons(config, qtbot, scene, size, language) for scene in PAGED_SCENES}
    for name in ("previous", "next"):
        places = {scene: rects[name] for scene, rects in found.items()}
        assert len(set(places.values())) == 1, places
        assert places["jobs"].width() >= 160  # and a real target
