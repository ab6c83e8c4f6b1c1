"""What every screen is: presentation only, talking to the application through signals.

A screen declares its name, its prompt (the instruction line it shows and says), which bottom-bar
buttons apply, and whether it shows the language switch. The application (kiosk/app.py) puts the
instruction into the frame, speaks it, and reacts to the screen's signals; a screen never calls a
service. `clear()` drops whatever personal data the screen shows — the navigator calls it on every
screen when a session ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.config import Config
from kiosk.core.session import Session
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.frame import BarButton
from kiosk.widgets.theme import Theme

ALL_BAR_BUTTONS = frozenset(BarButton)


@dataclass
class ScreenContext:
    """What screens may read. Passed once at construction; never personal data by itself."""

    theme: Theme
    config: Config
    session: Session
    is_available: Callable[[ScreenName], bool]
    clock: Callable[[], datetime]

    @property
    def language(self) -> str:
        return self.session.language

    def counter_location(self) -> str:
        t = self.config.terminal
        return t.counter_location_en if self.language == "en" else t.counter_location


class Screen(QWidget):
    name: ClassVar[ScreenName]
    prompt_id: ClassVar[str | None] = None
    bar_buttons: ClassVar[frozenset[BarButton]] = ALL_BAR_BUTTONS
    language_switch: ClassVar[bool] = False
    resident_facing: ClassVar[bool] = True  # False for placeholders of screens still to come

    # navigate(name: ScreenName, params): go to another screen
    navigate = Signal(object, dict)
    # the instruction or what to say changed (the app updates the frame and speaks)
    prompt_changed = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ctx = ctx
        self.params: dict[str, Any] = {}

    # --- what the frame shows and the voice says ----------------------------------------------
    def instruction(self) -> str:
        return prompt_text(self.prompt_id) if self.prompt_id else ""

    def utterances(self) -> list[Utterance]:
        """What is spoken on appearing and on 再听一遍 (prompt ids or `Dynamic` phrases)."""
        return [self.prompt_id] if self.prompt_id else []

    def steps(self) -> tuple[list[str], int] | None:
        """(step words, current index) for flows; None outside a flow."""
        return None

    # --- life cycle ---------------------------------------------------------------------------
    def enter(self, params: dict[str, Any]) -> None:
        """Called by the navigator before the screen is shown."""
        self.params = dict(params)
        self.retranslate()

    def leave(self) -> None:
        """Called when another screen replaces this one (stop timers, animations)."""

    def clear(self) -> None:
        """Drop personal data from the screen (end of session)."""
        self.params = {}

    def retranslate(self) -> None:
        """Re-read every text (language switch)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def secondary_label(parent: QWidget) -> QLabel:
    """A 32–40 px secondary line, word-wrapped and centred."""
    from PySide6.QtCore import Qt

    label = QLabel(parent)
    label.setProperty("role", "secondary")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


__all__ = ["ALL_BAR_BUTTONS", "Dynamic", "Screen", "ScreenContext", "secondary_label"]
