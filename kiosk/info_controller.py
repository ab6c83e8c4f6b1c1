"""Wires the information services — 我的待遇, 就业岗位, 政策通知 — and the rating to the store.

`KioskApp._connect_info` calls `connect_info(app)`; reading this module tells how these screens
behave: which signal asks the store for what, and where each answer goes. Answers that arrive
after the resident moved on (or the session ended) are dropped, never shown to someone else.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.core.listings import aware
from kiosk.core.session import SessionEnd
from kiosk.screens.benefits import BenefitsScreen
from kiosk.screens.error import ErrorKind
from kiosk.screens.jobs import JobInterestDoneScreen, JobsScreen
from kiosk.screens.notices import NoticeDetailScreen, NoticesScreen
from kiosk.screens.phone_entry import PhoneEntryScreen
from kiosk.screens.rating import RatingScreen, offer_rating
from kiosk.services.info_service import InfoService

if TYPE_CHECKING:
    from kiosk.app import KioskApp

log = logging.getLogger(__name__)

S = TypeVar("S")

JOB_INTEREST = "job_interest"
RATING = "rating"


class InfoController:
    """Owns the InfoService (its worker thread) and connects the screens to it."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.service = InfoService(app.config, app)
        nav = app.navigator
        self.benefits = _screen(nav, "benefits", BenefitsScreen)
        self.jobs = _screen(nav, "jobs", JobsScreen)
        self.phone = _screen(nav, "phone_entry", PhoneEntryScreen)
        self.job_done = _screen(nav, "job_interest_done", JobInterestDoneScreen)
        self.notices = _screen(nav, "notices", NoticesScreen)
        self.notice = _screen(nav, "notice_detail", NoticeDetailScreen)
        self.rating = _screen(nav, "rating", RatingScreen)
        s = self.service
        self.benefits.resident_wanted.connect(s.load_resident)
        s.resident_loaded.connect(self._resident_loaded)
        self.jobs.jobs_wanted.connect(lambda: s.load_jobs(aware(app.ctx.clock())))
        s.jobs_loaded.connect(self._jobs_loaded)
        self.notices.notices_wanted.connect(lambda: s.load_notices(aware(app.ctx.clock())))
        s.notices_loaded.connect(self._notices_loaded)
        self.phone.interest.connect(self._interest)
        s.recorded.connect(self._recorded)
        s.failed.connect(self._failed)
        for done in (self.benefits.done, self.job_done.done, self.notice.done):
            done.connect(lambda service: offer_rating(nav, service))
        self.rating.rated.connect(self._rated)
        self.rating.finished.connect(lambda: app.end_session(SessionEnd.FINISHED))

    def start(self) -> None:
        """The worker thread starts on first use (a store error never blocks the home screen)."""

    def shutdown(self) -> None:
        self.service.shutdown()

    def _current(self) -> Any:
        return self.app.navigator.current

    def _resident_loaded(self, card_number: str, resident: Any) -> None:
        card = self.app.session.card
        if card is None or card.card_number != card_number:
            return  # the card left meanwhile: the answer belongs to nobody on screen
        if resident is not None:
            self.app.session.set_resident(resident)
        if self._current() is self.benefits:
            self.benefits.show_resident(resident)

    def _jobs_loaded(self, jobs: list[Any]) -> None:
        if self._current() is self.jobs:
            self.jobs.show_jobs(jobs)

    def _notices_loaded(self, notices: list[Any]) -> None:
        if self._current() is self.notices:
            self.notices.show_notices(notices)

    def _interest(self, job_id: str, phone: str) -> None:
        self.service.record(JOB_INTEREST, {"job_id": job_id, "phone": phone})

    def _rated(self, service: str, score: int) -> None:
        self.service.record(RATING, {"service": service, "score": score})

    def _recorded(self, kind: str, tx_id: str) -> None:
        if kind == JOB_INTEREST and self._current() is self.phone:
            job = self.phone.job
            self.phone.sent()
            self.app.navigator.go("job_interest_done", {"job": job})

    def _failed(self, what: str, error: str) -> None:
        log.warning("information service: %s failed (%s)", what, error)
        current = self._current()
        if what == "jobs" and current is self.jobs:
            self.jobs.show_failed()
        elif what == "notices" and current is self.notices:
            self.notices.show_failed()
        elif what == "resident" and current is self.benefits:
            self.app.navigator.go("error", {"kind": ErrorKind.UNEXPECTED})
        elif what == f"record:{JOB_INTEREST}" and current is self.phone:
            self.phone.sent()  # the number is dropped; the resident is told and can try again
            self.app.navigator.go("error", {"kind": ErrorKind.UNEXPECTED})
        # a rating that could not be written is only logged: the resident was already thanked


def _screen(nav: Any, name: str, cls: type[S]) -> S:
    screen = nav.get(name)
    assert isinstance(screen, cls), f"{name} is {type(screen).__name__}, not {cls.__name__}"
    return screen


def connect_info(app: KioskApp) -> InfoController:
    return InfoController(app)
