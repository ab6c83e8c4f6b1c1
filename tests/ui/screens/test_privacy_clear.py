"""No resident's data stays on screen or in the screens' memory after the session ends.

Each scene of kiosk.demo.screenshots.gallery puts one screen into the state a resident sees (with
the synthetic resident of kiosk.demo.samples); then the session ends (card removed, or the idle
countdown), and every widget's text and every screen's and flow's attributes are searched for the
name, the ID number, the card number and the phone — whole or masked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk.core.masking import mask_card_number, mask_name, mask_person_id
from kiosk.core.session import SessionEnd
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.screenshots.gallery import SCENES
from kiosk.demo.screenshots.info_scenes import SAMPLE_SHORT_PHONE
from kiosk.demo.service_samples import SAMPLE_RESIDENT
from kiosk.widgets.keypad import Keypad

# Scenes whose screen itself shows or holds a resident's data (name, ID, typed digits, the
# statement's page); every other scene (finger, printing, ...) is searched just the same
PERSONAL_SCENES = (
    "greeting",
    "result",
    "pin",
    "statement_preview",
    "benefits",
    "phone_entry",
)

SECRETS = tuple(
    s
    for s in {
        SAMPLE_CARD.name,
        mask_name(SAMPLE_CARD.name),
        SAMPLE_RESIDENT.name,
        mask_name(SAMPLE_RESIDENT.name),
        SAMPLE_CARD.person_id,
        mask_person_id(SAMPLE_CARD.person_id),
        SAMPLE_CARD.card_number,
        mask_card_number(SAMPLE_CARD.card_number),
        SAMPLE_SHORT_PHONE,
    }
    if s
)

MAX_DEPTH = 4


def _leaks(text: str) -> list[str]:
    compact = text.replace(" ", "")
    return [s for s in SECRETS if s in text or s.replace(" ", "") in compact]


def _widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName()})"
        if isinstance(widget, QLabel):
            yield name, widget.text()
        if isinstance(widget, QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QLineEdit):
            yield name, widget.text()
        yield name + ".toolTip", widget.toolTip()
        yield name + ".accessibleName", widget.accessibleName()


def _values(obj: Any, path: str, depth: int, seen: set[int]) -> Iterator[tuple[str, Any]]:
    """Plain Python data reachable from `obj` (QObjects are searched through their widgets)."""
    if id(obj) in seen or depth > MAX_DEPTH:
        return
    seen.add(id(obj))
    if isinstance(obj, str | bytes):
        yield path, obj
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _values(k, f"{path}[key]", depth + 1, seen)
            yield from _values(v, f"{path}[{k!r}]", depth + 1, seen)
        return
    if isinstance(obj, list | tuple | set | frozenset):
        for i, v in enumerate(obj):
            yield from _values(v, f"{path}[{i}]", depth + 1, seen)
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _values(getattr(obj, f.name, None), f"{path}.{f.name}", depth + 1, seen)
        return
    if isinstance(obj, QImage | QPixmap):
        yield path, obj
        return
    if isinstance(obj, QObject) and not type(obj).__module__.startswith("kiosk."):
        return  # Qt's own widgets: their text is searched by _widget_texts
    attributes = getattr(obj, "__dict__", None)
    if isinstance(attributes, dict):
        for k, v in attributes.items():
            if k == "ctx":
                continue  # the shared ScreenContext: its session is searched once, as "session"
            yield from _values(v, f"{path}.{k}", depth + 1, seen)


def _findings(app: Any) -> list[str]:
    found: list[str] = []
    for where, text in _widget_texts(app.window):
        found += [f"{where}: {s!r}" for s in _leaks(text)]
    roots: list[tuple[str, Any]] = [("session", app.session)]
    roots += [(f"screen {n}", app.navigator.get(n)) for n in app.navigator.names()]
    roots += [(name, getattr(app, name, None)) for name in ("certification", "statement", "info")]
    for label, root in roots:
        if root is None:
            continue
        for where, value in _values(root, label, 0, set()):
            if isinstance(value, str):
                found += [f"{where}: {s!r}" for s in _leaks(value)]
            elif isinstance(value, bytes) and value.startswith(b"%PDF"):
                found.append(f"{where}: a PDF is still held")
            elif isinstance(value, QImage | QPixmap) and not value.isNull():
                found.append(f"{where}: a picture is still held")
    for keypad in app.window.findChildren(Keypad):
        if keypad.value:
            found.append(f"{keypad!r}: digits typed are still held")
    return found


def test_every_personal_screen_is_among_the_scenes() -> None:
    assert set(PERSONAL_SCENES) <= set(SCENES)


# A card pulled on a maintenance screen is the technician's test card: maintenance keeps its
# screen then, and clears it when the technician leaves; the idle end covers those scenes here.
CASES = [
    (scene, end)
    for scene in sorted(set(SCENES) - {"idle"})
    for end in (SessionEnd.CARD_REMOVED, SessionEnd.IDLE)
    if not (scene.startswith("maintenance") and end is SessionEnd.CARD_REMOVED)
]


@pytest.mark.parametrize(("scene", "end"), CASES)
def test_nothing_personal_remains_after_the_session_ends(
    make_kiosk_app: Any, scene: str, end: SessionEnd
) -> None:
    app = make_kiosk_app(size=(1280, 1024))
    SCENES[scene](app)
    QApplication.processEvents()
    if scene in PERSONAL_SCENES:  # the search must be able to find what the screen shows
        on_screen = [f for f in _findings(app) if not f.startswith("session")]
        assert on_screen, f"{scene}: the walk found no personal data to begin with"
    if end is SessionEnd.CARD_REMOVED:
        app.card.card_removed.emit()  # as the card thread reports it
    else:
        app.overlay.expired.emit()  # the idle countdown reached zero
    QApplication.processEvents()
    if scene in PERSONAL_SCENES:
        assert app.navigator.current.name == "home"
    assert _findings(app) == []
