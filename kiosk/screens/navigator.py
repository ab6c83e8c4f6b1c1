"""Switches screens (a QStackedWidget) and remembers the way back.

The navigator knows nothing of sessions or services: it shows a screen, tells the previous one it
left, emits `changed(screen)` for the application to update the frame and the voice, and clears
every screen on request.
"""

from __future__ import annotations

import logging
from typing import TypeVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.screens.base import Screen, ScreenParams
from kiosk.screens.names import ScreenName

S = TypeVar("S", bound=Screen)

log = logging.getLogger(__name__)

HOME = ScreenName.HOME


class UnknownScreen(KeyError):
    """A bug: navigation to a name no screen was registered under."""


class WrongParams(TypeError):
    """A bug: a screen shown with parameters that are not its `Params`."""


class Navigator(QStackedWidget):
    changed = Signal(Screen)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._screens: dict[ScreenName, Screen] = {}
        self._history: list[ScreenName] = []

    # A QStackedWidget asks for the largest minimum of all its pages, so one screen that is too
    # wide would widen the window for every screen. Only the screen on show counts; a screen that
    # does not fit is then clipped where it is, and the layout test names it.
    def sizeHint(self) -> QSize:
        widget = self.currentWidget()
        return widget.sizeHint() if widget is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        widget = self.currentWidget()
        return widget.minimumSizeHint() if widget is not None else super().minimumSizeHint()

    def register(self, screen: Screen) -> None:
        if screen.name in self._screens:
            raise ValueError(f"screen {screen.name!r} registered twice")
        self._screens[screen.name] = screen
        self.addWidget(screen)
        screen.navigate.connect(self.go)

    def get(self, name: ScreenName) -> Screen:
        try:
            return self._screens[name]
        except KeyError:
            raise UnknownScreen(name) from None

    def get_as(self, name: ScreenName, cls: type[S]) -> S:
        """The screen `name`, which a flow wires as a `cls`: anything else is a bug, said here."""
        screen = self.get(name)
        if not isinstance(screen, cls):
            raise TypeError(f"screen {name!r} is a {type(screen).__name__}, not a {cls.__name__}")
        return screen

    def names(self) -> list[ScreenName]:
        return list(self._screens)

    def is_available(self, name: ScreenName) -> bool:
        """Registered and built for residents (placeholders are not)."""
        screen = self._screens.get(name)
        return screen is not None and screen.resident_facing

    @property
    def current(self) -> Screen | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, Screen) else None

    @property
    def history(self) -> list[ScreenName]:
        return list(self._history)

    def go(self, name: ScreenName, params: ScreenParams | None = None) -> Screen:
        """Show `name` with `params`, an instance of its `Params` (None: their defaults)."""
        target = self.get(name)
        if params is None:
            params = target.blank_params()
        elif not isinstance(params, target.Params):
            raise WrongParams(
                f"screen {name!r} takes {target.Params.__name__}, not {type(params).__name__}"
            )
        previous = self.current
        if previous is not None and previous is not target:
            previous.leave()
        if name == HOME:
            self._history.clear()
        elif previous is not None and previous is not target:
            self._history.append(previous.name)
        target.enter(params)
        self.setCurrentWidget(target)
        self.updateGeometry()
        log.info("screen %s", name, extra={"event": "screen"})
        self.changed.emit(target)
        return target

    def back(self) -> Screen:
        previous = self.current
        name = self._history.pop() if self._history else HOME
        if previous is not None:
            previous.leave()
        target = self.get(name)
        target.enter(target.params)
        self.setCurrentWidget(target)
        self.updateGeometry()
        self.changed.emit(target)
        return target

    def clear_all(self) -> None:
        """End of session: every screen drops its personal data; the way back is forgotten."""
        self._history.clear()
        for screen in self._screens.values():
            screen.clear()
