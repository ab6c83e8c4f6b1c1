"""Autopilot scenarios of the statement flow: print one's statement (card, PIN, preview, print,
take it, take the card), a wrong PIN first, and walking away on the preview (card pulled out).

The autopilot's printer is the simulated one (kiosk/demo/autopilot/runner.py), so statements land as
PDFs in `[devices] simulated_printer_dir` and every attempt is a `statement_print` transaction.
"""

from __future__ import annotations

from drivers.card.simulated import DEFAULT_PIN
from kiosk.demo.autopilot.certification import card_of
from kiosk.demo.autopilot.registry import (
    Pilot,
    Script,
    Wait,
    scenario,
    take_card_home,
    type_digits,
)
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.names import ScreenName
from kiosk.widgets.frame import BarButton
from offline_cache.models import Resident

WRONG_PIN = "000000" if DEFAULT_PIN != "000000" else "111111"


def has_statement(p: Pilot) -> bool:
    return any(r.contributions for r in p.residents)


def _pick(p: Pilot) -> Resident:
    return p.rng.choice([r for r in p.residents if r.contributions])


def _type(p: Pilot, pin: str) -> None:
    type_digits(p.app.screen(ScreenName.PIN).keypad, pin)


def _pin_answered(p: Pilot) -> bool:
    pin = p.app.screen(ScreenName.PIN)
    return not p.screen_is(ScreenName.PIN)() or pin.state.value in ("wrong", "blocked")


def _to_pin(p: Pilot) -> Script:
    """The 打印参保证明 tile on the home screen, then the card."""
    p.app.screen(ScreenName.HOME).tiles.tiles[Service.STATEMENT].click()
    yield Wait(p.screen_is(ScreenName.INSERT_CARD), "the insert-card screen")
    p.reader.insert(card_of(_pick(p)))
    yield Wait(p.screen_is(ScreenName.PIN), "the PIN screen")
    return "ok"


def _preview_or_failure(p: Pilot) -> Script:
    _type(p, DEFAULT_PIN)
    yield Wait(p.screen_is(ScreenName.STATEMENT_PREVIEW, ScreenName.PRINTING), "the PIN check")
    yield Wait(
        lambda: (
            p.app.screen(ScreenName.STATEMENT_PREVIEW).ready or p.screen_is(ScreenName.PRINTING)()
        ),
        "the statement to be prepared",
    )
    return "ok"


def _print_and_take(p: Pilot) -> Script:
    printing = p.app.screen(ScreenName.PRINTING)
    if p.screen_is(ScreenName.STATEMENT_PREVIEW)():
        p.app.screen(ScreenName.STATEMENT_PREVIEW).print_button.click()
    yield Wait(lambda: printing.state.value != "printing", "the printer")
    outcome = "statement_printed" if printing.state.value == "done" else "statement_failed"
    printing.button.click()  # 取好了, or 求助 / 返回首页 after a failure
    if p.screen_is(ScreenName.RATING)():  # 取好了 leads to the (skippable) rating
        p.app.screen(ScreenName.RATING).skip.click()
    if p.screen_is(ScreenName.HELP)():
        p.app.frame.bottom_bar.buttons[BarButton.HOME].click()
    yield from take_card_home(p)
    return outcome


@scenario("statement_print", weight=3, applies=has_statement)
def statement_print(p: Pilot) -> Script:
    yield from _to_pin(p)
    yield from _preview_or_failure(p)
    return (yield from _print_and_take(p))


@scenario("statement_wrong_pin_first", weight=1, applies=has_statement)
def statement_wrong_pin_first(p: Pilot) -> Script:
    yield from _to_pin(p)
    _type(p, WRONG_PIN)
    yield Wait(lambda: _pin_answered(p), "the wrong PIN to be answered")
    yield from _preview_or_failure(p)
    return (yield from _print_and_take(p))


@scenario("statement_walk_away", weight=1, applies=has_statement)
def statement_walk_away(p: Pilot) -> Script:
    yield from _to_pin(p)
    yield from _preview_or_failure(p)
    p.reader.remove()
    yield Wait(p.screen_is(ScreenName.HOME), "the home screen after the card left")
    return "walked_away"
