"""Wires the information services — 我的待遇, 就业岗位, 政策通知 — and the rating to the store.

The app builds `InfoFlow` with the flow context and the store's service; reading this module tells
how these screens behave: which signal asks the store for what, and where each answer goes. Answers
that arrive after the resident moved on (or the session ended) are dropped, never shown to someone
else.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from kiosk.core.listings import aware
from kiosk.core.session import SessionEnd
from kiosk.flows.context import FlowContext
from kiosk.screens.common.error import ErrorKind, ErrorParams
from kiosk.screens.info.benefits import BenefitsScreen
from kiosk.screens.info.jobs import JobInterestDoneScreen, JobParams, JobsScreen
from kiosk.screens.info.notices import NoticeDetailScreen, NoticesScreen
from kiosk.screens.info.phone_entry import PhoneEntryScreen
from kiosk.screens.info.rating import RatingScreen, offer_rating
from kiosk.screens.names import ScreenName
from kiosk.services.info_service import InfoService

log = logging.getLogger(__name__)

S = TypeVar("S")

JOB_INTEREST = "job_interest"
RATING = "rating"


class InfoFlow:
    """Connects the screens to the InfoService (the store's worker thread)."""

    def __init__(self, ctx: FlowContext, service: InfoService) -> None:
        self.ctx = ctx
        self.service = service
        nav = ctx.navigator
        self.benefits = _screen(nav, ScreenName.BENEFITS, BenefitsScreen)
        self.jobs = _screen(nav, ScreenName.JOBS, JobsScreen)
        self.phone = _screen(nav, ScreenName.PHONE_ENTRY, PhoneEntryScreen)
        self.job_done = _screen(nav, ScreenName.JOB_INTEREST_DONE, JobInterestDoneScreen)
        self.notices = _screen(nav, ScreenName.NOTICES, NoticesScreen)
        self.notice = _screen(nav, ScreenName.NOTICE_DETAIL, NoticeDetailScreen)
        self.rating = _screen(nav, ScreenName.RATING, RatingScreen)
        s = self.service
        s.resident_loaded.connect(self._resident_loaded)
        s.jobs_loaded.connect(self._jobs_loaded)
        s.notices_loaded.connect(self._notices_loaded)
        s.recorded.connect(self._recorded)
        s.failed.connect(self._failed)
        # a screen replaced by a stand-in (tests of the shell) is simply not wired
        if self.benefits is not None:
            self.benefits.resident_wanted.connect(s.load_resident)
            self.benefits.done.connect(lambda service: offer_rating(nav, service))
        if self.jobs is not None:
            self.jobs.jobs_wanted.connect(lambda: s.load_jobs(aware(ctx.clock())))
        if self.phone is not None:
            self.phone.interest.connect(self._interest)
        if self.job_done is not None:
            self.job_done.done.connect(lambda service: offer_rating(nav, service))
        if self.notices is not None:
            self.notices.notices_wanted.connect(lambda: s.load_notices(aware(ctx.clock())))
        if self.notice is not None:
            self.notice.done.connect(lambda service: offer_rating(nav, service))
        if self.rating is not None:
            self.rating.rated.connect(self._rated)
            self.rating.finished.connect(lambda: ctx.end_session(SessionEnd.FINISHED))

    def _showing(self, screen: Any) -> bool:
        return screen is not None and self.ctx.navigator.current is screen

    def _resident_loaded(self, card_number: str, resident: Any) -> None:
        card = self.ctx.session.card
        if card is None or card.card_number != card_number:
            return  # the card left meanwhile: the answer belongs to nobody on screen
        if resident is not None:
            self.ctx.session.set_resident(resident)
        if self.benefits is not None and self._showing(self.benefits):
            self.benefits.show_resident(resident)

    def _jobs_loaded(self, jobs: list[Any]) -> None:
        if self.jobs is not None and self._showing(self.jobs):
            self.jobs.show_jobs(jobs)

    def _notices_loaded(self, notices: list[Any]) -> None:
        if self.notices is not None and self._showing(self.notices):
            self.notices.show_notices(notices)

    def _interest(self, job_id: str, phone: str) -> None:
        self.service.record(JOB_INTEREST, {"job_id": job_id, "phone": phone})

    def _rated(self, service: str, score: int) -> None:
        self.service.record(RATING, {"service": service, "score": score})

    def _recorded(self, kind: str, tx_id: str) -> None:
        if kind == JOB_INTEREST and self.phone is not None and self._showing(self.phone):
            job = self.phone.job
            self.phone.sent()
            self.ctx.navigator.go(ScreenName.JOB_INTEREST_DONE, JobParams(job))

    def _failed(self, what: str, error: str) -> None:
        log.warning("information service: %s failed (%s)", what, error)
        if what == "jobs" and self.jobs is not None and self._showing(self.jobs):
            self.jobs.show_failed()
        elif what == "notices" and self.notices is not None and self._showing(self.notices):
            self.notices.show_failed()
        elif what == "resident" and self._showing(self.benefits):
            self.ctx.navigator.go(ScreenName.ERROR, ErrorParams(ErrorKind.UNEXPECTED))
        elif (
            what == f"record:{JOB_INTEREST}"
            and self.phone is not None
            and self._showing(self.phone)
        ):
            self.phone.sent()  # the number is dropped; the resident is told and can try again
            self.ctx.navigator.go(ScreenName.ERROR, ErrorParams(ErrorKind.UNEXPECTED))
        # a rating that could not be written is only logged: the resident was already thanked


def _screen(nav: Any, name: ScreenName, cls: type[S]) -> S | None:
    """The registered screen `name` if it is the class this controller wires, else None."""
    screen = nav.get(name) if name in nav.names() else None
    if not isinstance(screen, cls):
        log.warning("screen %s is not a %s: not wired", name, cls.__name__)
        return None
    return screen
