"""The screens of the application. Adding a screen is one line in `SCREENS`.

A screen class in `SCREENS` replaces the placeholder of the same name in `PLANNED` automatically,
so a new flow only has to add its class here (see docs/ui.md, "Adding a screen").
"""

from __future__ import annotations

from kiosk.screens.base import Screen, ScreenContext
from kiosk.screens.error import ErrorScreen
from kiosk.screens.greeting import GreetingScreen
from kiosk.screens.help import HelpScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.insert_card import InsertCardScreen
from kiosk.screens.out_of_service import OutOfServiceScreen
from kiosk.screens.placeholder import placeholder
from kiosk.screens.take_card import TakeCardScreen

SCREENS: tuple[type[Screen], ...] = (
    HomeScreen,
    InsertCardScreen,
    GreetingScreen,
    HelpScreen,
    OutOfServiceScreen,
    ErrorScreen,
    TakeCardScreen,
)

# Screens other parts of the project are building; placeholders until their class is in SCREENS.
PLANNED: tuple[str, ...] = (
    "pin",
    "finger",
    "result",
    "statement_preview",
    "benefits",
    "jobs",
    "notices",
    "rating",
    "maintenance",
)


def build_screens(ctx: ScreenContext) -> list[Screen]:
    screens: list[Screen] = [cls(ctx) for cls in SCREENS]
    built = {s.name for s in screens}
    screens += [placeholder(ctx, name) for name in PLANNED if name not in built]
    return screens
