"""Stand-ins for screens other engineers are building. Registered (so navigation to them is not a
bug) but not resident-facing: the home screen hides a tile whose entry screen is a placeholder."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.screens.base import Screen, ScreenContext


class PlaceholderScreen(Screen):
    prompt_id = "not_available"
    resident_facing = False

    def __init__(self, ctx: ScreenContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name = name  # type: ignore[misc]  # an instance-level name: one class, many stand-ins


def placeholder(ctx: ScreenContext, name: str) -> PlaceholderScreen:
    return PlaceholderScreen(ctx, name)
