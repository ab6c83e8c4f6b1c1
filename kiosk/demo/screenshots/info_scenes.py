"""Screenshot scenes of the information services (gallery.py beside this adds them to SCENES).

Synthetic data only (kiosk.demo.service_samples), given to the screens directly so that no
picture depends on a database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.service_samples import SAMPLE_JOBS, SAMPLE_NOTICES, SAMPLE_RESIDENT, SAMPLE_TIME
from kiosk.screens.base import ScreenParams
from kiosk.screens.info.jobs import JobParams
from kiosk.screens.info.notices import NoticeParams
from kiosk.screens.info.paged_list import ListParams
from kiosk.screens.info.rating import RatingParams
from kiosk.screens.names import ScreenName

if TYPE_CHECKING:
    from kiosk.app import KioskApp

SAMPLE_SHORT_PHONE = "1380013800"  # ten digits: shows the wording for a wrong number
SAMPLE_NOT_MOBILE = "23800138000"  # eleven digits, but not starting with 1


def _benefits(last_page: bool) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        app.session.set_card(SAMPLE_CARD, SAMPLE_TIME)
        app.session.set_resident(SAMPLE_RESIDENT)
        screen = app.navigator.go(ScreenName.BENEFITS)
        if last_page:
            screen.page = len(screen.pages()) - 1  # type: ignore[attr-defined]
            screen.retranslate()
            screen.prompt_changed.emit()

    return scene


def _go(name: ScreenName, params: ScreenParams) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        app.navigator.go(name, params)

    return scene


def _phone(digits: str) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        screen = app.navigator.go(ScreenName.PHONE_ENTRY, JobParams(SAMPLE_JOBS[0]))
        for digit in digits:
            screen.keypad.press(digit)  # type: ignore[attr-defined]
        screen.keypad.confirm_key.click()  # type: ignore[attr-defined]

    return scene


def _rating(app: KioskApp) -> None:
    app.navigator.go(ScreenName.RATING, RatingParams(service="jobs"))


INFO_SCENES: dict[str, Callable[[KioskApp], None]] = {
    "benefits": _benefits(last_page=False),
    "contributions": _benefits(last_page=True),
    "jobs": _go(ScreenName.JOBS, ListParams(tuple(SAMPLE_JOBS))),
    "job_detail": _go(ScreenName.JOB_DETAIL, JobParams(SAMPLE_JOBS[0])),
    "phone_entry": _phone(SAMPLE_SHORT_PHONE),
    "phone_entry_not_mobile": _phone(SAMPLE_NOT_MOBILE),
    "job_interest_done": _go(ScreenName.JOB_INTEREST_DONE, JobParams(SAMPLE_JOBS[0])),
    "notices": _go(ScreenName.NOTICES, ListParams(tuple(SAMPLE_NOTICES))),
    "notice_detail": _go(ScreenName.NOTICE_DETAIL, NoticeParams(SAMPLE_NOTICES[0])),
    "rating": _rating,
}
