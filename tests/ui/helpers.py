"""Small helpers shared by the UI tests (no fakes of our own parts here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from kiosk.widgets.frame import BarButton


def click(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget!r} is not visible"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_bar(qtbot: Any, app: Any, which: BarButton) -> None:
    click(qtbot, app.frame.bottom_bar.buttons[which])


def type_digits(qtbot: Any, keypad: Any, digits: str, confirm: bool = True) -> None:
    """Touch each digit on a `Keypad`, then 确认 (unless `confirm` is False)."""
    for digit in digits:
        click(qtbot, keypad.keys[digit])
    if confirm:
        click(qtbot, keypad.confirm_key)


def current_name(app: Any) -> str:
    return app.navigator.current.name


def deliver_posted_events() -> None:
    """Deliver the events already posted to the GUI thread (queued signal deliveries, layout
    requests): an answer emitted before this call has been delivered when it returns, however
    busy the machine. Use it instead of a short fixed wait before asserting that something did
    not happen (after waiting for the event that would have made it happen)."""
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def emitted(signal: Any) -> list[tuple[Any, ...]]:
    """The arguments of each emission of `signal` from now on, recorded on whichever thread emits
    it. For a worker's own signals: `qtbot.waitSignal` on one would stop its timer from the
    worker's thread (Qt warns "Timers cannot be stopped from another thread"); poll this list
    with `qtbot.waitUntil` instead, then `deliver_posted_events()` for the GUI-side slots."""
    seen: list[tuple[Any, ...]] = []
    signal.connect(lambda *args: seen.append(args), Qt.ConnectionType.DirectConnection)
    return seen
