"""The elder-friendly theme: sizes, colours and the application style sheet.

Sizes are the ui-guide's values for a 1080-pixel screen and scale with the screen's *shorter* side
(so portrait 1080×1920 and landscape 1920×1080 get the same sizes), clamped so they never go below
the 1080 values (1280×1024 keeps them). Colours are chosen for contrast: text near-black on white or
warm grey (≥ 15:1), white on the deep-blue primary (≥ 7:1); a status always carries an icon and a
word, never colour alone (`STATUS_MARKS`). Every text colour keeps ≥ 7:1 on every background it
is drawn on (status colours ≥ 8.4:1, so that anti-aliased strokes stay above 7 as well);
tests/ui/screens/test_contrast.py measures it on the rendered pixels of every scene.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

REFERENCE_HEIGHT = 1080

# Sizes in pixels at the reference height.
INSTRUCTION_PX = 60  # the one bold instruction line (56–64)
PRIMARY_PX = 48  # text of primary actions (tiles, big buttons, keypad words)
BODY_PX = 36  # body text (at least 32)
SECONDARY_PX = 34  # secondary lines under the instruction (32–40)
TOPBAR_PX = 34
KEYPAD_DIGIT_PX = 64
COUNTDOWN_PX = 200
TECHNICIAN_MARK_PX = 20  # the neutral offline mark: for technicians, not residents
TARGET_MIN_W = 160
TARGET_MIN_H = 120
TARGET_GAP = 24
TOPBAR_H = 136  # the guide's ~110 px, grown so the language switch is a full target
BOTTOMBAR_H = 150
MARGIN = 32
LINE_SPACING = 1.4
RADIUS = 16


class Status(enum.Enum):
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Palette:
    background: str = "#F5F3EE"  # very light warm grey
    surface: str = "#FFFFFF"
    text: str = "#1A1A1A"  # near-black
    text_secondary: str = "#333333"  # 11.4:1 on the background, 12.6:1 on white
    primary: str = "#0B3A82"  # deep blue; white text on it
    primary_pressed: str = "#072A60"
    on_primary: str = "#FFFFFF"
    secondary_button: str = "#E3E0D8"  # warm grey buttons (back, home, repeat)
    border: str = "#6B6B6B"
    success: str = "#145218"
    warning: str = "#5C3C00"
    error: str = "#8E0018"  # red only for errors
    overlay: str = "#F5F3EE"  # the idle countdown's backdrop: opaque, hides the screen behind


PALETTE = Palette()

# A status is always an icon *and* a word; the colour only repeats it.
STATUS_MARKS: dict[Status, tuple[str, str]] = {
    Status.SUCCESS: ("✓", "成功"),
    Status.WARNING: ("!", "注意"),
    Status.ERROR: ("✕", "未成功"),
}


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two `#RRGGBB` colours (1.0 … 21.0)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_pairs(p: Palette = PALETTE) -> list[tuple[str, str, str, float]]:
    """(name, foreground, background, required ratio) for every text/background pair in use."""
    return [
        ("body text on background", p.text, p.background, 15.0),
        ("body text on surface", p.text, p.surface, 15.0),
        ("body text on secondary buttons", p.text, p.secondary_button, 7.0),
        ("secondary text on background", p.text_secondary, p.background, 7.0),
        ("secondary text on surface", p.text_secondary, p.surface, 7.0),
        ("primary tile text", p.on_primary, p.primary, 7.0),
        ("pressed primary text", p.on_primary, p.primary_pressed, 7.0),
        ("success on surface", p.success, p.surface, 7.0),
        ("warning on surface", p.warning, p.surface, 7.0),
        ("error on surface", p.error, p.surface, 7.0),
        ("success on background", p.success, p.background, 7.0),
        ("warning on background", p.warning, p.background, 7.0),
        ("error on background", p.error, p.background, 7.0),
        ("countdown text on surface", p.text, p.surface, 15.0),
        ("countdown seconds line on surface", p.text_secondary, p.surface, 7.0),
        ("countdown panel border on backdrop (not text)", p.border, p.overlay, 3.0),
    ]


@dataclass(frozen=True)
class Theme:
    """Pixel sizes for one screen. Build it with `Theme.for_screen(width, height)`."""

    scale: float
    width: int
    height: int
    palette: Palette = PALETTE

    @classmethod
    def for_screen(cls, width: int, height: int) -> Theme:
        return cls(
            scale=max(1.0, min(width, height) / REFERENCE_HEIGHT), width=width, height=height
        )

    def px(self, value: float) -> int:
        return round(value * self.scale)

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def instruction_px(self) -> int:
        return self.px(INSTRUCTION_PX)

    @property
    def primary_px(self) -> int:
        return self.px(PRIMARY_PX)

    @property
    def body_px(self) -> int:
        return self.px(BODY_PX)

    @property
    def secondary_px(self) -> int:
        return self.px(SECONDARY_PX)

    @property
    def target_w(self) -> int:
        return self.px(TARGET_MIN_W)

    @property
    def target_h(self) -> int:
        return self.px(TARGET_MIN_H)

    @property
    def gap(self) -> int:
        return self.px(TARGET_GAP)

    @property
    def margin(self) -> int:
        return self.px(MARGIN)

    def style_sheet(self) -> str:
        """The one application style sheet; widgets pick rules by objectName / `role` property."""
        p = self.palette
        return f"""
QWidget#KioskWindow, QWidget#Screen {{ background: {p.background}; }}
QWidget {{ color: {p.text}; font-size: {self.body_px}px; }}
QWidget#TopBar {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
QWidget#BottomBar {{ background: {p.surface}; border-top: 2px solid {p.border}; }}
QLabel#TopBarText {{ font-size: {self.px(TOPBAR_PX)}px; }}
QLabel#Instruction {{ font-size: {self.instruction_px}px; font-weight: bold; }}
QLabel[role="secondary"] {{ font-size: {self.secondary_px}px; color: {p.text_secondary}; }}
QLabel[role="technician"] {{ font-size: {self.px(TECHNICIAN_MARK_PX)}px;
    color: {p.text_secondary}; }}
QPushButton {{ font-size: {self.primary_px}px; border-radius: {self.px(RADIUS)}px;
    padding: {self.px(4)}px {self.px(16)}px; }}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; border: none; }}
QPushButton[role="primary"]:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="secondary"] {{ background: {p.secondary_button}; color: {p.text};
    border: 2px solid {p.border}; }}
QPushButton[role="bar"] {{ background: {p.secondary_button}; color: {p.text};
    border: 2px solid {p.border}; font-size: {self.body_px}px; }}
QPushButton[role="language"] {{ background: {p.surface}; color: {p.text};
    border: 2px solid {p.border}; font-size: {self.body_px}px; }}
QWidget#CountdownPanel {{ background: {p.surface}; border-radius: {self.px(RADIUS)}px;
    border: 2px solid {p.border}; }}
QLabel#CountdownNumber {{ font-size: {self.px(COUNTDOWN_PX)}px; font-weight: bold; }}
QLabel[status="success"] {{ color: {p.success}; font-weight: bold; }}
QLabel[status="warning"] {{ color: {p.warning}; font-weight: bold; }}
QLabel[status="error"] {{ color: {p.error}; font-weight: bold; }}
"""
