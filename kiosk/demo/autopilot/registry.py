"""Autopilot scenarios: small scripts of one resident session, registered by name and weight.

A scenario is a generator: it acts on the real application (insert a card into the simulated
reader, put a finger on the simulated sensor, click real buttons) and yields `Wait`s — conditions
the runner polls from the Qt event loop — and finally returns an outcome word ("certified",
"failed", "walked_away", ...). Each service adds its own in a module of kiosk/demo/autopilot/
with `@scenario("name", weight=N)`; the runner imports every such module.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.screens.names import ScreenName

if TYPE_CHECKING:
    from drivers.card.simulated import SimulatedCardReader
    from drivers.fingerprint.simulated import SimulatedSensor
    from kiosk.app import KioskApp
    from kiosk.widgets.keypad import Keypad
    from offline_cache.models import Resident

DEFAULT_WAIT_S = 20.0


@dataclass(frozen=True)
class Wait:
    """Resume the scenario once `ready()` is true; an error after `timeout` seconds."""

    ready: Callable[[], bool]
    what: str
    timeout: float = DEFAULT_WAIT_S


@dataclass
class Pilot:
    """What a scenario may use: the app, the simulated devices and the cached residents."""

    app: KioskApp
    reader: SimulatedCardReader
    sensor: SimulatedSensor
    residents: list[Resident]
    rng: random.Random
    notes: dict[str, Any] = field(default_factory=dict)

    def screen_is(self, *names: ScreenName) -> Callable[[], bool]:
        def ready() -> bool:
            current = self.app.navigator.current
            return current is not None and current.name in names

        return ready


Script = Generator[Wait, None, str]


def type_digits(keypad: Keypad, digits: str) -> None:
    """Press each digit on a `Keypad`, then 确认 (a PIN, a phone number)."""
    for digit in digits:
        keypad.keys[digit].click()
    keypad.confirm_key.click()


def take_card_home(p: Pilot) -> Generator[Wait, None, None]:
    """The end of a card session: wait for 请取走您的社保卡 (or home), take the card, wait for
    the home screen."""
    yield Wait(p.screen_is(ScreenName.TAKE_CARD, ScreenName.HOME), "the end of the session")
    p.reader.remove()
    yield Wait(p.screen_is(ScreenName.HOME), "the home screen")


@dataclass(frozen=True)
class Scenario:
    name: str
    weight: int
    run: Callable[[Pilot], Script]
    applies: Callable[[Pilot], bool]


SCENARIOS: dict[str, Scenario] = {}


def scenario(
    name: str, weight: int = 1, applies: Callable[[Pilot], bool] = lambda _p: True
) -> Callable[[Callable[[Pilot], Script]], Callable[[Pilot], Script]]:
    def register(run: Callable[[Pilot], Script]) -> Callable[[Pilot], Script]:
        if name in SCENARIOS:
            raise ValueError(f"autopilot scenario {name!r} registered twice")
        SCENARIOS[name] = Scenario(name, weight, run, applies)
        return run

    return register
