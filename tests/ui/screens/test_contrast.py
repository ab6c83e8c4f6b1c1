"""Contrast measured from rendered pixels: every text of every scene, at the three sizes and in
both languages, stands at ≥ 7:1 against what is behind it (WCAG AAA, the goal for ALL text,
secondary and technician lines included); behind the idle countdown nothing shows at all.

Each scene is rendered offscreen into a QImage. For each visible QLabel / button with text, the
pixels of its rectangle are counted: the background is the most common colour; the text colour is
the most distant 2 % of the other pixels (anti-aliased edges are lighter than the stroke; the
2 % are the stroke's core, so a stray dark pixel does not count, and neither does the faded edge).
The ratio is WCAG's, from relative luminance.

This measures: with the dimmed overlay of before (#1A1A1A at alpha 170) the screen behind the
countdown measured 2.5–3.0:1, and `test_the_measure_sees_a_5_3_to_1_text` renders the 5.3:1 grey
(#6B6B6B on white) and finds it below 7.

Time (53 scenes, one QApplication, a fresh KioskApp per scene; a region already measured, such
as the bars repeated on every screen, is looked up by its pixels' hash): ~4 s per size in Chinese,
15–25 s in English (building each app in English retranslates every screen), ~80 s for the six.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QLabel

from kiosk.widgets.theme import PALETTE, SECONDARY_PX, contrast_ratio
from tests.ui.screens.rendered import SIZES, grab, rendered_scenes, text_widgets

if TYPE_CHECKING:
    from kiosk.app import KioskApp

REQUIRED = 7.0
CORE_SHARE = 0.02  # the most distant 2 % of the pixels that are not background: the stroke
HIDDEN = 1.05  # behind the overlay: no pixel differs from the backdrop by more than this


def _hex(rgb: int) -> str:
    return f"#{rgb & 0xFFFFFF:06X}"


_MEASURED: dict[bytes, tuple[float, str, str]] = {}  # the bars repeat in every scene


def measure(image: QImage, rect: QRect) -> tuple[float, str, str]:
    """(contrast ratio, background, text colour) of the text inside `rect` of `image`."""
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    raw = bytes(part.constBits())[: part.sizeInBytes()]
    key = hashlib.blake2b(raw, digest_size=16).digest() + rect.width().to_bytes(4, "little")
    if key not in _MEASURED:
        _MEASURED[key] = _measure_pixels(raw)
    return _MEASURED[key]


def _measure_pixels(raw: bytes) -> tuple[float, str, str]:
    pixels = array("I")
    pixels.frombytes(raw)
    counts = Counter(pixels)
    background, _ = counts.most_common(1)[0]
    bg = _hex(background)
    others = sorted(
        ((contrast_ratio(_hex(c), bg), n, c) for c, n in counts.items() if c != background),
        reverse=True,
    )
    if not others:
        return 1.0, bg, bg
    needed = max(1.0, CORE_SHARE * sum(n for _, n, _ in others))
    seen = 0
    for ratio, n, colour in others:
        seen += n
        if seen >= needed:
            return ratio, bg, _hex(colour)
    raise AssertionError("unreachable")


def _problems(app: KioskApp) -> list[str]:
    image = grab(app)
    panel = app.overlay.panel
    panel_rect = QRect(panel.mapTo(app.window, panel.rect().topLeft()), panel.size())
    problems: list[str] = []
    measured = 0
    for item in text_widgets(app):
        if item.under_overlay:
            # what of the widget is outside the countdown's panel must be the bare backdrop
            outside = QRegion(item.rect).subtracted(QRegion(panel_rect))
            for part in cast(Iterable[QRect], outside):  # PySide6 iterates a region's rects
                ratio, bg, fg = measure(image, part)
                if ratio > HIDDEN:
                    problems.append(
                        f"shows through the overlay: {type(item.widget).__name__}"
                        f"({item.text[:40]!r}) {fg} on {bg}: {ratio:.2f}:1"
                    )
        else:
            ratio, bg, fg = measure(image, item.rect)
            what = f"{type(item.widget).__name__}({item.text[:40]!r}) {fg} on {bg}: {ratio:.2f}:1"
            measured += 1
            if ratio < REQUIRED:
                problems.append(what)
    if measured == 0:
        problems.append("no text measured")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_text_of_every_scene_is_at_least_7_to_1(kiosk_config, qtbot, size, language):
    config = kiosk_config()
    failures: dict[str, list[str]] = {}
    scenes = 0
    for scene, app in rendered_scenes(config, size, language):
        scenes += 1
        problems = _problems(app)
        if problems:
            failures[scene] = problems
    assert scenes > 40
    assert failures == {}


def _rendered_label(qtbot: Any, colour: str, background: str) -> tuple[QImage, QRect]:
    label = QLabel("还可以再试 2 次 · Up to 3 tries")
    qtbot.addWidget(label)
    label.setStyleSheet(f"color: {colour}; background: {background}; font-size: {SECONDARY_PX}px;")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.resize(900, 80)
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image, label.rect()


def test_the_measure_sees_a_5_3_to_1_text(qtbot):
    image, rect = _rendered_label(qtbot, "#6B6B6B", "#FFFFFF")
    ratio, bg, _fg = measure(image, rect)
    assert bg == "#FFFFFF"
    assert ratio == pytest.approx(contrast_ratio("#6B6B6B", "#FFFFFF"), abs=0.3)
    assert ratio < REQUIRED


def test_the_measure_finds_the_palette_secondary_text(qtbot):
    image, rect = _rendered_label(qtbot, PALETTE.text_secondary, PALETTE.background)
    ratio, bg, fg = measure(image, rect)
    assert (bg, fg) == (PALETTE.background, PALETTE.text_secondary)
    assert ratio >= REQUIRED
