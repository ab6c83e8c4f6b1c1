"""The information services' flow on its `FlowContext` alone (no KioskApp): real screens on a real
navigator, the real store's service; the session's end is recorded by the kit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from kiosk.core.session import SessionEnd
from kiosk.flows.info import InfoFlow
from kiosk.screens.info.jobs import JobsScreen
from kiosk.screens.info.paged_list import ListState
from kiosk.screens.info.rating import RatingScreen, offer_rating
from kiosk.screens.names import ScreenName
from kiosk.services.info_service import InfoService
from tests.ui.flows.conftest import WAIT_MS, FlowKit
from tests.ui.helpers import click, deliver_posted_events
from tests.ui.info_seed import fresh_jobs, open_store, seed_jobs, transactions


@dataclass
class Info:
    kit: FlowKit
    service: InfoService
    flow: InfoFlow

    @property
    def jobs(self) -> JobsScreen:
        return self.kit.navigator.get_as(ScreenName.JOBS, JobsScreen)

    @property
    def rating(self) -> RatingScreen:
        return self.kit.navigator.get_as(ScreenName.RATING, RatingScreen)


@pytest.fixture
def info(flow_kit: FlowKit) -> Iterator[Info]:
    """The flow with the store's service as the app builds it (its worker starts on first use)."""
    service = InfoService(flow_kit.config)
    flow = InfoFlow(flow_kit.ctx, service)
    yield Info(flow_kit, service, flow)
    service.shutdown()


def test_finishing_the_rating_ends_the_session_through_the_context(info: Info, qtbot: Any) -> None:
    kit = info.kit
    offer_rating(kit.navigator, "jobs")
    assert kit.current == ScreenName.RATING
    with qtbot.waitSignal(info.service.recorded, timeout=WAIT_MS):
        click(qtbot, info.rating.buttons[4])
    assert kit.ended == []  # thanked, still on the rating
    click(qtbot, info.rating.skip)  # 返回首页 after the thanks
    assert kit.ended == [SessionEnd.FINISHED]
    assert kit.current == ScreenName.HOME
    store = open_store(kit)
    try:
        [rating] = transactions(store, "rating")
    finally:
        store.close()
    assert json.loads(rating.body)["payload"] == {"service": "jobs", "score": 4}


def test_a_jobs_answer_after_the_resident_left_is_not_shown(info: Info, qtbot: Any) -> None:
    kit = info.kit
    store = open_store(kit)
    try:
        seed_jobs(store, fresh_jobs(3))
    finally:
        store.close()
    jobs = info.jobs
    # the store's answer is queued to this thread: it cannot arrive before the session ends
    with qtbot.waitSignal(info.service.jobs_loaded, timeout=WAIT_MS):
        kit.navigator.go(ScreenName.JOBS)
        kit.end_session(SessionEnd.IDLE)
    deliver_posted_events()
    assert kit.current == ScreenName.HOME
    assert jobs.state is ListState.LOADING and jobs.items == []

    # the same answer while the jobs screen is on show is shown (the test above could fail)
    with qtbot.waitSignal(info.service.jobs_loaded, timeout=WAIT_MS):
        kit.navigator.go(ScreenName.JOBS)
    assert jobs.state is ListState.SHOWN
    assert [job.job_id for job in jobs.visible_jobs()] == ["J-000", "J-001", "J-002"]
