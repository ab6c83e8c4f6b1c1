"""Autopilot scenarios of the information services: look at one's benefits (card, pages, rating),
leave a phone number for a job (a `job_interest` transaction), read a notice to the end.

The phone numbers are made up from the autopilot's random generator (a 1 and ten digits); each
session ends through the rating screen, sometimes rated, sometimes skipped.
"""

from __future__ import annotations

from collections.abc import Generator

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
from kiosk.screens.info.benefits import State
from kiosk.screens.info.paged_list import ListState
from kiosk.screens.names import ScreenName

RATED_SHARE = 0.7  # how often a pilot resident rates instead of skipping


def has_benefits(p: Pilot) -> bool:
    return any(r.benefits for r in p.residents)


def _turn_all(next_button: object) -> None:
    """Press 下一页 until the last page (every page is looked at)."""
    for _ in range(50):
        if not next_button.isVisible():  # type: ignore[attr-defined]
            return
        next_button.click()  # type: ignore[attr-defined]


def _pick_from_list(p: Pilot, service: Service, name: ScreenName) -> Generator[Wait, None, bool]:
    """Open a paged list (jobs, notices) from its home tile and press one of its cards; False
    when the list is empty (the pilot went home)."""
    p.app.screen(ScreenName.HOME).tiles.tiles[service].click()
    screen = p.app.screen(name)
    yield Wait(lambda: screen.state is not ListState.LOADING, f"the {name}")
    visible = [c for c in screen.cards if not c.isHidden()]
    if not visible:
        p.app.navigator.go(ScreenName.HOME)
        return False
    p.rng.choice(visible).click()
    return True


def _rate_and_leave(p: Pilot, card_in: bool) -> Script:
    yield Wait(p.screen_is(ScreenName.RATING), "the rating screen")
    rating = p.app.screen(ScreenName.RATING)
    if p.rng.random() < RATED_SHARE:
        rating.buttons[p.rng.randint(1, 5)].click()
        yield Wait(lambda: rating.score is not None, "the thanks")
    rating.skip.click()  # 返回首页 / 不评价，回首页
    if card_in:
        yield from take_card_home(p)
    else:
        yield Wait(p.screen_is(ScreenName.HOME), "the home screen")
    return "ok"


@scenario("benefits_view", weight=2, applies=has_benefits)
def benefits_view(p: Pilot) -> Script:
    person = p.rng.choice([r for r in p.residents if r.benefits])
    p.app.screen(ScreenName.HOME).tiles.tiles[Service.BENEFITS].click()
    yield Wait(p.screen_is(ScreenName.INSERT_CARD), "the insert-card screen")
    p.reader.insert(card_of(person))
    yield Wait(p.screen_is(ScreenName.BENEFITS), "the benefits screen")
    screen = p.app.screen(ScreenName.BENEFITS)
    yield Wait(lambda: screen.state is not State.LOADING, "the resident from the cache")
    if screen.state is State.NOT_FOUND:
        p.reader.remove()
        yield Wait(p.screen_is(ScreenName.HOME), "the home screen")
        return "benefits_not_found"
    _turn_all(screen.pager.next_button)
    screen.done_button.click()
    yield from _rate_and_leave(p, card_in=True)
    return "benefits_viewed"


@scenario("job_interest", weight=2)
def job_interest(p: Pilot) -> Script:
    if not (yield from _pick_from_list(p, Service.JOBS, ScreenName.JOBS)):
        return "no_jobs"
    yield Wait(p.screen_is(ScreenName.JOB_DETAIL), "a job's details")
    p.app.screen(ScreenName.JOB_DETAIL).interest_button.click()
    number = "1" + "".join(str(p.rng.randint(0, 9)) for _ in range(10))
    type_digits(p.app.screen(ScreenName.PHONE_ENTRY).keypad, number)
    yield Wait(p.screen_is(ScreenName.JOB_INTEREST_DONE), "the job interest to be recorded")
    p.app.screen(ScreenName.JOB_INTEREST_DONE).button.click()
    yield from _rate_and_leave(p, card_in=False)
    return "job_interest"


@scenario("notice_read", weight=1)
def notice_read(p: Pilot) -> Script:
    if not (yield from _pick_from_list(p, Service.NOTICES, ScreenName.NOTICES)):
        return "no_notices"
    yield Wait(p.screen_is(ScreenName.NOTICE_DETAIL), "a notice")
    detail = p.app.screen(ScreenName.NOTICE_DETAIL)
    _turn_all(detail.pager.next_button)
    detail.done_button.click()
    yield from _rate_and_leave(p, card_in=False)
    return "notice_read"
