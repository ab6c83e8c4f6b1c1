"""What every screen is: presentation only, talking to the application through signals.

A screen declares its name, its prompt (the instruction line it shows and says), which bottom-bar
buttons apply, and whether it shows the language switch. The application (kiosk/app.py) puts the
instruction into the frame, speaks it, and reacts to the screen's signals; a screen never calls a
service. `clear()` drops whatever personal data the screen shows — the navigator calls it on every
screen when a session ends.

A screen shown with parameters declares them as a frozen dataclass (a `ScreenParams`), names it
as its `Params` and subclasses `Screen[ThatParams]`, so `enter(params)` receives its own type; the
navigator refuses any other type at run time (`go(ScreenName.RESULT, ResultParams(...))`). A
screen without parameters is a `Screen[NoParams]`. The navigator keeps the screen's `params` to
replay them on 返回; a screen that must come back in another state (a print that failed, a score
given) replaces its `params` with `dataclasses.replace`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Generic, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.config import Config
from kiosk.core.language import in_language
from kiosk.core.session import Session
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.frame import BarButton
from kiosk.widgets.step_indicator import Steps
from kiosk.widgets.theme import Theme

ALL_BAR_BUTTONS = frozenset(BarButton)


@dataclass(frozen=True)
class ScreenParams:
    """What a screen is shown with; each screen that takes parameters subclasses it (frozen, every
    field with a default: a screen can always be shown, or cleared, with its defaults)."""


@dataclass(frozen=True)
class NoParams(ScreenParams):
    """The parameters of a screen that takes none."""


P = TypeVar("P", bound=ScreenParams)


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
        return in_language(self.language, t.counter_location, t.counter_location_en)


class Screen(QWidget, Generic[P]):
    name: ClassVar[ScreenName]
    prompt_id: ClassVar[str | None] = None
    bar_buttons: ClassVar[frozenset[BarButton]] = ALL_BAR_BUTTONS
    language_switch: ClassVar[bool] = False
    resident_facing: ClassVar[bool] = True  # False for placeholders of screens still to come
    Params: ClassVar[type[ScreenParams]] = NoParams  # the P of Screen[P], for the run-time check

    # navigate(name: ScreenName, params: ScreenParams | None): go to another screen
    navigate = Signal(object, object)
    # the instruction or what to say changed (the app updates the frame and speaks)
    prompt_changed = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ctx = ctx
        self.params: P = self.blank_params()

    # --- what the frame shows and the voice says ----------------------------------------------
    def instruction(self) -> str:
        return prompt_text(self.prompt_id) if self.prompt_id else ""

    def utterances(self) -> list[Utterance]:
        """What is spoken on appearing and on 再听一遍 (prompt ids or `Dynamic` phrases)."""
        return [self.prompt_id] if self.prompt_id else []

    def steps(self) -> Steps | tuple[list[str], int] | None:
        """`Steps(words, current, failed)` (or the pair `(words, current)`) for flows, following
        the screen's real state; None outside a flow."""
        return None

    # --- life cycle ---------------------------------------------------------------------------
    def blank_params(self) -> P:
        """This screen's parameters, all defaults (before the first `enter`, after `clear`)."""
        return cast(P, self.Params())

    def enter(self, params: P) -> None:
        """Called by the navigator before the screen is shown (with a `Params`, checked there)."""
        self.params = params
        self.retranslate()

    def leave(self) -> None:
        """Called when another screen replaces this one (stop timers, animations)."""

    def clear(self) -> None:
        """Drop personal data from the screen (end of session)."""
        self.params = self.blank_params()

    def retranslate(self) -> None:
        """Re-read every text (language switch)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def hello_text(masked_name: str) -> str:
    """ "王*英，您好" (nothing without a name): the greeting's words, also above the certification's
    first wait."""
    if not masked_name:
        return ""
    return QCoreApplication.translate("Greeting", "%1，您好").replace("%1", masked_name)


def secondary_label(parent: QWidget) -> QLabel:
    """A 32–40 px secondary line, word-wrapped and centred."""
    from PySide6.QtCore import Qt

    label = QLabel(parent)
    label.setProperty("role", "secondary")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


__all__ = [
    "ALL_BAR_BUTTONS",
    "Dynamic",
    "NoParams",
    "Screen",
    "ScreenContext",
    "ScreenParams",
    "hello_text",
    "secondary_label",
]
