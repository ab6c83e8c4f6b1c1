"""Sync against the reference county server (county_platform) over real HTTP on 127.0.0.1."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from county_platform.seed import synthetic_template
from county_platform.store import Feed as PlatformFeed
from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncSettings
from tests.fixtures.county import CountyServer

pytestmark = pytest.mark.realstack


def _client(
    store: Store,
    server: CountyServer,
    clock: Callable[[], float] = time.time,
    **overrides: Any,
) -> SyncClient:
    settings = SyncSettings(
        **{
            "base_url": server.url,
            "terminal_id": server.terminal_id,
            "secret": server.secret,
            "read_timeout": 10.0,
            **overrides,
        }
    )
    return SyncClient(store, settings, clock=clock, sleep=lambda s: None)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "kiosk.sqlite3", secrets.token_bytes(32))
    yield s
    s.close()


def test_full_round_with_the_reference_server(store: Store, county_server: CountyServer) -> None:
    client = _client(store, county_server, page_limit=7)
    first = client.run_round()
    assert first.ok, first.errors
    assert first.pulled["roster"] >= county_server.residents
    assert store.resident_count() == county_server.residents  # only this township
    assert first.pulled["jobs"] > 0 and first.pulled["notices"] > 0

    ids = store.connection.execute("SELECT person_id FROM residents").fetchall()
    enrolled = next(
        r
        for (pid,) in ids
        if (r := store.resident_by_person_id(pid)) and r.fingerprints and r.benefits
    )
    fp = enrolled.fingerprints[0]
    assert fp.template == synthetic_template(enrolled.person_id, fp.finger)
    assert store.resident_by_card_number(enrolled.card_number) == enrolled

    tx_ids = [
        store.record_certification(
            enrolled.person_id,
            enrolled.benefits[0].kind,
            True,
            150,
            1,
            fp.finger,
            store.now(),
        ),
        store.record("rating", {"service": "certification", "score": 5}),
        store.record(
            "statement_print",
            {
                "document": "contribution_statement",
                "verification_code": "ABCD2345EF",
                "pages": 2,
                "printed": True,
            },
            person_id=enrolled.person_id,
        ),
        store.record_maintenance("paper_refilled"),
    ]
    second = client.run_round()
    assert second.ok, second.errors
    assert second.accepted == 4 and second.rejected == 0
    assert sorted(county_server.accepted_ids()) == sorted(tx_ids)
    assert store.queue_summary().pending == 0
    client.close()


def test_kiosk_clock_two_hours_off_still_syncs(store: Store, county_server: CountyServer) -> None:
    store.record("rating", {"service": "jobs", "score": 3})
    client = _client(store, county_server, clock=lambda: time.time() - 7200)
    report = client.run_round()
    assert report.ok, report.errors
    assert abs(store.clock_offset() - 7200) < 10
    assert len(county_server.accepted_ids()) == 1
    # occurred_at of the next event uses the corrected clock
    tx = store.transaction(store.record("rating", {"service": "jobs", "score": 4}))
    assert tx is not None and tx.occurred_at[:13] == store.now().isoformat()[:13]
    client.close()


def test_compacted_feed_answers_410_and_the_kiosk_starts_over(
    store: Store, county_server: CountyServer
) -> None:
    """A deletion whose tombstone was compacted away reaches the kiosk only by starting over."""
    client = _client(store, county_server)
    assert client.run_round().ok
    with county_server.store() as platform:
        gone = platform.entity_ids(PlatformFeed.ROSTER, county_server.township)[0]
        assert platform.delete(PlatformFeed.ROSTER, gone)
        platform.compact(PlatformFeed.ROSTER)
    assert store.resident_by_person_id(gone) is not None
    report = client.run_round()
    assert report.ok, report.errors
    assert report.restarted_feeds == ["roster"]
    assert store.resident_by_person_id(gone) is None
    assert store.resident_count() == county_server.residents - 1
    client.close()


def test_a_cursor_the_platform_cannot_read_is_pulled_again_not_refused_for_ever(
    store: Store, county_server: CountyServer
) -> None:
    """The reference server answers 400 to a cursor it cannot decode (an upgrade may change the
    format): the kiosk starts the feed again instead of failing every round from now on."""
    from offline_cache.feeds import Feed

    client = _client(store, county_server, page_limit=50)
    assert client.run_round().ok
    residents = store.resident_count()
    store.connection.execute(
        "UPDATE feed_cursors SET cursor = ? WHERE feed = ?", ("not-a-cursor", Feed.ROSTER.value)
    )
    store.connection.commit()
    report = client.run_round()
    assert report.ok, report.errors
    assert report.restarted_feeds == ["roster"] and report.pulled["roster"] == residents
    assert store.resident_count() == residents
    assert store.feed_cursor(Feed.ROSTER) not in (None, "not-a-cursor")
