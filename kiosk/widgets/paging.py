"""Paging instead of scrolling: a row of big 上一页 / 下一页 buttons around "第 1 页，共 3 页"
(and an optional action in the middle), a one-line label that elides instead of clipping,
and the text capacity of a page for a given screen.

An elderly resident does not know the swipe, and a scrollbar is too small to touch, so every
long list or text in the information services is cut into pages (kiosk.core.listings).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.widgets.buttons import BigButton
from kiosk.widgets.theme import BODY_PX, BOTTOMBAR_H, INSTRUCTION_PX, TARGET_MIN_H, TOPBAR_H, Theme

PAGER_BUTTON_W = 200
# Room kept for the instruction line and a heading above the text.
_INSTRUCTION_LINES = 1  # the text screens' instructions are short ("这是通知全文")
_HEADING_H = 0  # a title shares the first page: callers give it fewer lines
_LINE_HEIGHT = 1.5
# Estimates are kept on the safe side: a page is better a little short than clipped.
_WIDTH_SAFETY = 0.85


@dataclass(frozen=True)
class TextCapacity:
    chars_per_line: int
    lines_per_page: int


def text_capacity(theme: Theme, text_px: int | None = None, reserved_h: int = 0) -> TextCapacity:
    """How much body text fits on one page of the content area (pure arithmetic on the theme)."""
    px = text_px or theme.px(BODY_PX)
    margins = theme.margin * 4
    usable_w = (theme.width - margins) * _WIDTH_SAFETY
    used_h = (
        theme.px(TOPBAR_H)
        + theme.px(BOTTOMBAR_H)
        + theme.px(INSTRUCTION_PX) * 1.4 * _INSTRUCTION_LINES
        + theme.px(40)
        + theme.px(TARGET_MIN_H)
        + theme.gap * 3
        + theme.px(_HEADING_H)
        + reserved_h
    )
    lines = int((theme.height - used_h) / (px * _LINE_HEIGHT))
    return TextCapacity(max(8, int(usable_w / px)), max(3, lines))


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (a long employer name never clips).

    `set_full_text` keeps the whole text; the label shows as much as its width allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    @property
    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        self.setText(shown if width > 0 else self._full)

    def is_elided(self) -> bool:
        return self.text() != self._full


class Pager(QWidget):
    """[上一页]  第 1 页，共 3 页  [下一页]; an optional action button replaces the page words.

    The buttons keep their places when hidden (nothing moves under a finger)."""

    previous = Signal()
    next = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the screen's own margins suffice
        layout.setSpacing(theme.gap)
        self.previous_button = BigButton(theme, "secondary", self)
        self.next_button = BigButton(theme, "secondary", self)
        self.position = QLabel(self)
        self.position.setProperty("role", "secondary")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        policy = self.position.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # a one-page list must not move the buttons
        self.position.setSizePolicy(policy)
        for button in (self.previous_button, self.next_button):
            button.setMinimumWidth(theme.px(PAGER_BUTTON_W))
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            # as wide as its words, never stretched by a hidden action: the same size and place
            # on every screen
            policy.setHorizontalPolicy(QSizePolicy.Policy.Fixed)
            button.setSizePolicy(policy)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.position, 1)
        layout.addWidget(self.next_button)
        self._layout = layout
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self._index = 0
        self._count = 1
        self.retranslate()

    def add_action(self, button: BigButton) -> None:
        """Put an action (我有意向, 看完了) between the page words and 下一页; it takes the room."""
        self._layout.setStretchFactor(self.position, 0)
        self._layout.insertWidget(self._layout.indexOf(self.next_button), button, 1)

    def set_page(self, index: int, count: int) -> None:
        self._index, self._count = index, count
        self.previous_button.setVisible(index > 0)
        self.next_button.setVisible(index < count - 1)
        self.position.setVisible(count > 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_button.setText(QCoreApplication.translate("Pager", "上一页"))
        self.next_button.setText(QCoreApplication.translate("Pager", "下一页"))
        self.position.setText(
            QCoreApplication.translate("Pager", "第 %1 页，共 %2 页")
            .replace("%1", str(self._index + 1))
            .replace("%2", str(self._count))
        )


CARD_H = 190  # a list card (title + two lines) at the reference height


def list_area_height(theme: Theme) -> int:
    """Height left for list cards: the screen minus the bars, one instruction line and a pager."""
    used = (
        theme.px(TOPBAR_H)
        + theme.px(BOTTOMBAR_H)
        + theme.px(INSTRUCTION_PX) * 1.4
        + theme.px(40)
        + theme.px(TARGET_MIN_H)
        + theme.gap * 2
        + theme.margin
    )
    return int(theme.height - used)


class CardButton(QPushButton):
    """A big touchable card for a list: a bold title and up to two lines under it, each elided
    ("…") rather than clipped. The labels let touches through to the button."""

    def __init__(self, theme: Theme, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "secondary")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedHeight(theme.px(CARD_H))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.px(24), theme.px(12), theme.px(24), theme.px(12))
        layout.setSpacing(theme.px(4))
        self.title = ElidedLabel(self)
        self.title.setStyleSheet(f"font-size: {theme.px(44)}px; font-weight: bold;")
        self.lines = [ElidedLabel(self) for _ in range(lines)]
        for label in [self.title, *self.lines]:
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(label)

    def set_texts(self, title: str, *lines: str) -> None:
        self.title.set_full_text(title)
        for label, text in zip(self.lines, lines, strict=False):
            label.set_full_text(text)
