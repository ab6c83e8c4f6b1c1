"""Colour contrast of every text/background pair of the theme, and size scaling."""

from __future__ import annotations

import pytest

from kiosk.widgets.theme import STATUS_MARKS, Status, Theme, contrast_ratio, text_colour_pairs


@pytest.mark.parametrize("pair", text_colour_pairs(), ids=lambda p: p[0])
def test_contrast(pair):
    _name, foreground, background, required = pair
    assert contrast_ratio(foreground, background) >= required


def test_contrast_formula_on_known_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_sizes_scale_with_the_shorter_side_and_never_shrink():
    assert Theme.for_screen(1920, 1080).scale == 1.0
    assert Theme.for_screen(1080, 1920).scale == 1.0
    assert Theme.for_screen(1280, 1024).scale == 1.0  # clamped: never below the 1080 sizes
    big = Theme.for_screen(3840, 2160)
    assert big.scale == 2.0 and big.primary_px == 96
    small = Theme.for_screen(1280, 1024)
    assert small.primary_px >= 48 and small.body_px >= 32
    assert 56 <= small.instruction_px <= 64
    assert small.target_w >= 160 and small.target_h >= 120 and small.gap >= 24


def test_every_status_has_an_icon_and_a_word():
    assert {s: m for s, m in STATUS_MARKS.items()} == {
        Status.SUCCESS: ("✓", "成功"),
        Status.WARNING: ("!", "注意"),
        Status.ERROR: ("✕", "未成功"),
    }
