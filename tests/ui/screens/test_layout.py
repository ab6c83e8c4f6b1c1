"""Every screen at 1920×1080, 1080×1920 and 1280×1024, in both languages: nothing clipped, nothing
outside the window, no overlapping siblings, targets and text at least the ui-guide's sizes."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.demo.screenshots.gallery import SCENES, build_for_picture, dispose
from kiosk.screens import registry
from kiosk.screens.base import Screen
from kiosk.screens.names import ScreenName
from kiosk.widgets.buttons import Tile
from kiosk.widgets.countdown import CountdownOverlay
from kiosk.widgets.theme import BODY_PX, INSTRUCTION_PX, TARGET_GAP, TARGET_MIN_H, TARGET_MIN_W

if TYPE_CHECKING:
    from kiosk.app import KioskApp

SIZES = [(1920, 1080), (1080, 1920), (1280, 1024)]
LANGUAGES = ["zh", "en"]


def _visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.isVisible()]


def _problems(app: KioskApp) -> list[str]:
    window = app.window
    bounds = window.rect()
    problems: list[str] = []
    if window.size() != app.geometry.size():
        problems.append(f"window is {window.size()}, the screen {app.geometry.size()}")
    hint = window.minimumSizeHint()
    if hint.width() > bounds.width() or hint.height() > bounds.height():
        problems.append(f"window needs at least {hint}, more than the screen {bounds.size()}")
    widgets = _visible_widgets(window)
    overlay_up = app.overlay.isVisible()
    for w in widgets:
        if overlay_up and not (w is app.overlay or app.overlay.isAncestorOf(w)):
            continue  # under the overlay: not what the resident sees
        name = f"{type(w).__name__}({getattr(w, 'text', lambda: '')()!r})"
        rect = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
        if not bounds.contains(rect):
            problems.append(f"{name} {rect} leaves the window {bounds}")
        if isinstance(w, QLabel) and w.text() and w.textFormat().name != "RichText":
            fm = w.fontMetrics()
            if w.wordWrap():
                if w.heightForWidth(w.contentsRect().width()) > w.contentsRect().height() + 1:
                    problems.append(f"{name} wraps to more lines than fit")
            elif fm.horizontalAdvance(w.text()) > w.contentsRect().width() + 1:
                problems.append(f"{name} is cut: needs {fm.horizontalAdvance(w.text())} px, "
                                f"has {w.contentsRect().width()}")  # fmt: skip
            if w.property("role") != "technician" and w.font().pixelSize() < BODY_PX - 4:
                problems.append(f"{name} text {w.font().pixelSize()} px is below body size")
        if isinstance(w, QAbstractButton):
            if w.width() < TARGET_MIN_W or w.height() < TARGET_MIN_H:
                problems.append(f"{name} target {w.width()}×{w.height()} is too small")
            text_w = w.fontMetrics().horizontalAdvance(w.text())
            icon_w = w.iconSize().width() + 8 if not w.icon().isNull() else 0
            if not isinstance(w, Tile) and text_w + icon_w > w.width():
                problems.append(f"{name} text does not fit ({text_w + icon_w} > {w.width()})")
            if isinstance(w, Tile) and text_w > w.width():
                problems.append(f"{name} tile label does not fit")
    # siblings never overlap; buttons side by side keep the minimum gap
    parents = {w.parentWidget() for w in widgets}
    for parent in parents:
        kids = [
            w for w in widgets if w.parentWidget() is parent and not isinstance(w, CountdownOverlay)
        ]
        for a, b in itertools.combinations(kids, 2):
            if a.geometry().intersects(b.geometry()):
                problems.append(f"{type(a).__name__} and {type(b).__name__} overlap in "
                                f"{type(parent).__name__}")  # fmt: skip
            if isinstance(a, QAbstractButton) and isinstance(b, QAbstractButton):
                ga, gb = a.geometry(), b.geometry()
                dx = max(gb.left() - ga.right() - 1, ga.left() - gb.right() - 1)
                dy = max(gb.top() - ga.bottom() - 1, ga.top() - gb.bottom() - 1)
                if max(dx, dy) < TARGET_GAP:
                    problems.append(
                        f"buttons {a.text()!r} and {b.text()!r} only {max(dx, dy)} px apart"
                    )
    instruction = app.frame.instruction
    if instruction.isVisible() and instruction.font().pixelSize() < INSTRUCTION_PX - 4:
        problems.append("instruction line below 56 px")
    return problems


def _render(config, scene, size, language):
    app = build_for_picture(config, size[0], size[1], language)
    app.navigator.go(ScreenName.HOME)
    SCENES[scene](app)
    app.window.resize(app.geometry.size())
    app.window.show()
    return app


@pytest.fixture
def layout_config(kiosk_config):
    return kiosk_config()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scene", list(SCENES))
def test_scene_lays_out_cleanly(layout_config, qtbot, scene, size, language):
    app = _render(layout_config, scene, size, language)
    try:
        qtbot.waitExposed(app.window)
        assert _problems(app) == []
    finally:
        dispose(app)


def _stand_in(entry: str) -> type[Screen]:
    return type(f"StandIn_{entry}", (Screen,), {"name": entry, "prompt_id": "greeting"})


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_with_all_six_services(monkeypatch, layout_config, qtbot, size, language):
    built = {cls.name for cls in registry.SCREENS}  # real flows replace their stand-ins
    entries = ("certify", "statement_preview", "benefits", "jobs", "notices")
    stand_ins = tuple(_stand_in(n) for n in entries if n not in built)
    monkeypatch.setattr(registry, "SCREENS", registry.SCREENS + stand_ins)
    app = _render(layout_config, "home", size, language)
    try:
        qtbot.waitExposed(app.window)
        assert len(app.screen("home").tiles.visible_services()) == 6
        assert _problems(app) == []
        tiles = app.screen("home").tiles.tiles.values()
        rows = {t.geometry().top() for t in tiles}
        assert len(rows) == (3 if size[1] > size[0] else 2)  # 3×2 portrait, 2×3 landscape
    finally:
        dispose(app)
