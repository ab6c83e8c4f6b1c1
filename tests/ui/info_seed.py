"""Seeding the kiosk's real offline store for the information-service UI tests (benefits, jobs,
notices, rating): the same `Store` API the sync worker uses, on the app's own database file."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.service_samples import SAMPLE_JOBS, SAMPLE_NOTICES, SAMPLE_RESIDENT
from kiosk.screens.common.service_catalog import Service
from offline_cache.feeds import Feed, Upsert
from offline_cache.models import Job, Notice
from offline_cache.store import KIOSK_TZ, Store
from tests.ui.helpers import click

WAIT = 5000


def open_store(app: Any) -> Store:
    return Store.open(app.config.database_path, app.config.read_template_key())


def now() -> datetime:
    return datetime.now(KIOSK_TZ)


def fresh_jobs(count: int) -> list[Job]:
    """`count` current jobs (posted newest first: J-000 is the newest) based on the samples."""
    t = now()
    return [
        replace(
            SAMPLE_JOBS[i % len(SAMPLE_JOBS)],
            job_id=f"J-{i:03d}",
            title=f"岗位{i:03d}",
            posted_at=t - timedelta(hours=i + 1),
            expires_at=t + timedelta(days=10),
        )
        for i in range(count)
    ]


def expired_job() -> Job:
    t = now()
    return replace(
        SAMPLE_JOBS[1],
        job_id="J-OLD",
        title="已经过期的岗位",
        posted_at=t - timedelta(minutes=30),  # the newest: it would come first if shown
        expires_at=t - timedelta(minutes=1),
    )


def seed_jobs(store: Store, jobs: list[Job]) -> None:
    store.apply_page(Feed.JOBS, [Upsert(j) for j in jobs], "jobs-1", True)


def fresh_notices(body: str | None = None) -> list[Notice]:
    t = now()
    notices = [
        replace(n, published_at=t - timedelta(days=i + 1), expires_at=None)
        for i, n in enumerate(SAMPLE_NOTICES)
    ]
    if body is not None:
        notices[0] = replace(notices[0], body=body)
    return notices


def seed_notices(store: Store, notices: list[Notice]) -> None:
    store.apply_page(Feed.NOTICES, [Upsert(n) for n in notices], "notices-1", True)


def seed_resident(store: Store) -> None:
    """The sample resident, reachable by SAMPLE_CARD's card number."""
    assert SAMPLE_RESIDENT.card_number == SAMPLE_CARD.card_number
    store.upsert_resident(SAMPLE_RESIDENT)


def choose(app: Any, qtbot: Any, service: Service) -> None:
    click(qtbot, app.screen("home").tiles.tiles[service])


def transactions(store: Store, kind: str) -> list[Any]:
    txs = [store.transaction(i) for i in store.transaction_ids()]
    return [t for t in txs if t is not None and t.kind == kind]
