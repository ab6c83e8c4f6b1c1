"""Autopilot scenarios of the certification flow: pass with one's own finger, fail with a wrong
finger, a poor image first, and walking away (card pulled out, or leaving it to the idle timeout).
"""

from __future__ import annotations

from dataclasses import replace

from county_platform.seed import synthetic_template
from drivers.card.api import CardData
from kiosk.core.certification import plan_for
from kiosk.core.clock import kiosk_now
from kiosk.core.session import SessionEnd
from kiosk.demo.autopilot.registry import Pilot, Script, Wait, scenario, take_card_home
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.flows.certification import FLOW_SCREENS
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.names import ScreenName
from offline_cache.models import Resident

IDLE_FOR_AUTOPILOT_MS = 300  # a walk-away by idle: the idle timer is shortened for that session


def _certified(p: Pilot) -> set[str]:
    """Who this run certified already: the kiosk offers them no certification again."""
    done: set[str] = p.notes.setdefault("certified", set())
    return done


def _certifiable(p: Pilot, r: Resident) -> bool:
    """Fingers enrolled and a certification still open this period (not done, by the roster or
    by an earlier session of this run)."""
    if not r.fingerprints or r.person_id in _certified(p):
        return False
    return bool(plan_for(r, r.person_id, kiosk_now()).candidates)


def has_certifiable(p: Pilot) -> bool:
    return any(_certifiable(p, r) for r in p.residents)


def card_of(r: Resident) -> CardData:
    gender = r.gender if r.gender in ("M", "F") else "F"
    return replace(SAMPLE_CARD, person_id=r.person_id, card_number=r.card_number, name=r.name,
                   gender=gender, birth_date=r.birth_date)  # fmt: skip


def _pick(p: Pilot) -> Resident:
    return p.rng.choice([r for r in p.residents if _certifiable(p, r)])


def _to_finger_screen(p: Pilot, person: Resident) -> Script:
    """Insert the card; from the greeting (nothing due) choose 资格认证; pick the first benefit.
    A resident certified this period already (by an earlier session of this run) is not offered
    资格认证 again: the session ends, "already_certified"."""
    p.reader.insert(card_of(person))
    yield Wait(
        p.screen_is(ScreenName.GREETING, *(FLOW_SCREENS - {ScreenName.CERTIFY})),
        "the card to be read",
    )
    if p.screen_is(ScreenName.GREETING)():
        greeting = p.app.screen(ScreenName.GREETING)
        if Service.CERTIFICATION not in greeting.tiles.visible_services():
            return (yield from _leave(p, "already_certified"))
        greeting.tiles.tiles[Service.CERTIFICATION].click()
    yield Wait(
        p.screen_is(ScreenName.CHOOSE_BENEFIT, ScreenName.FINGER, ScreenName.RESULT),
        "the certification to start",
    )
    if p.screen_is(ScreenName.CHOOSE_BENEFIT)():
        buttons = list(p.app.screen(ScreenName.CHOOSE_BENEFIT).buttons.values())
        p.rng.choice(buttons).click()
    return "ok"


def _leave(p: Pilot, outcome: str) -> Script:
    """首页, take the card, back home: the session ends without a certification."""
    p.app.end_session(SessionEnd.FINISHED)
    yield from take_card_home(p)
    return outcome


def _asked_for_finger(p: Pilot) -> bool:
    finger = p.app.screen(ScreenName.FINGER)
    service = p.app.certification.service
    return p.screen_is(ScreenName.FINGER)() and finger.phase.value == "place" and service.busy


def _present(p: Pilot, how: str) -> Script:
    """Wait until a finger is asked for, put one down, lift it when asked (or on the result)."""
    yield Wait(
        lambda: _asked_for_finger(p) or p.screen_is(ScreenName.RESULT)(), "the finger prompt"
    )
    if p.screen_is(ScreenName.RESULT)():
        return "result"
    finger = p.app.screen(ScreenName.FINGER).finger
    person = p.app.session.card.person_id if p.app.session.card else ""
    template = synthetic_template(person, finger) if how == "own" else None
    p.sensor.present_finger(template, "poor" if how == "poor" else "good")
    yield Wait(
        lambda: (
            p.screen_is(ScreenName.RESULT)()
            or p.app.screen(ScreenName.FINGER).phase.value == "lift"
        ),
        "the comparison",
    )
    p.sensor.lift_finger()
    return "lifted"


def _finish(p: Pilot) -> Script:
    """Read the result, press 返回首页, take the card."""
    yield Wait(p.screen_is(ScreenName.RESULT), "the result")
    result = p.app.screen(ScreenName.RESULT)
    outcome = (
        "certified" if result.kind.name == "SUCCESS"
        else "failed" if result.kind.name == "FAILED"
        else result.kind.name.lower()
    )  # fmt: skip
    if result.result is not None and result.result.passed:
        _certified(p).add(result.result.person_id)  # not offered again in this run
    result.home_button.click()
    if p.screen_is(ScreenName.RATING)():  # after a verification the (skippable) rating comes first
        p.app.screen(ScreenName.RATING).skip.click()
    yield from take_card_home(p)
    return outcome


@scenario("certify_pass", weight=4, applies=has_certifiable)
def certify_pass(p: Pilot) -> Script:
    if (yield from _to_finger_screen(p, _pick(p))) != "ok":
        return "already_certified"
    yield from _present(p, "own")
    return (yield from _finish(p))


@scenario("certify_poor_then_pass", weight=2, applies=has_certifiable)
def certify_poor_then_pass(p: Pilot) -> Script:
    if (yield from _to_finger_screen(p, _pick(p))) != "ok":
        return "already_certified"
    if (yield from _present(p, "poor")) != "result":
        yield from _present(p, "own")
    return (yield from _finish(p))


@scenario("certify_wrong_finger", weight=2, applies=has_certifiable)
def certify_wrong_finger(p: Pilot) -> Script:
    if (yield from _to_finger_screen(p, _pick(p))) != "ok":
        return "already_certified"
    while (yield from _present(p, "wrong")) != "result":
        pass
    return (yield from _finish(p))


@scenario("certify_walk_away_card", weight=1, applies=has_certifiable)
def certify_walk_away_card(p: Pilot) -> Script:
    if (yield from _to_finger_screen(p, _pick(p))) != "ok":
        return "already_certified"
    yield Wait(
        lambda: _asked_for_finger(p) or p.screen_is(ScreenName.RESULT)(), "the finger prompt"
    )
    p.reader.remove()
    yield Wait(p.screen_is(ScreenName.HOME), "the home screen after the card left")
    return "walked_away"


@scenario("certify_walk_away_idle", weight=1, applies=has_certifiable)
def certify_walk_away_idle(p: Pilot) -> Script:
    if (yield from _to_finger_screen(p, _pick(p))) != "ok":
        return "already_certified"
    yield Wait(
        lambda: _asked_for_finger(p) or p.screen_is(ScreenName.RESULT)(), "the finger prompt"
    )
    timer = p.app.idle.timer
    normal = timer.interval()
    timer.setInterval(IDLE_FOR_AUTOPILOT_MS)
    timer.start()
    try:
        yield Wait(p.screen_is(ScreenName.TAKE_CARD), "the idle countdown to end the session", 60.0)
    finally:
        timer.setInterval(normal)
    p.reader.remove()
    yield Wait(p.screen_is(ScreenName.HOME), "the home screen")
    return "walked_away"
