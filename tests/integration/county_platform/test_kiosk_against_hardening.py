"""The kiosk's sync client (offline_cache) against the hardened reference server (issue 11):
a refused terminal keeps everything queued, and a roster rejection is kept for a technician."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from county_platform.store import Feed
from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncSettings
from tests.fixtures.county import OTHER_TOWNSHIP, CountyServer

pytestmark = pytest.mark.realstack


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "kiosk.sqlite3", secrets.token_bytes(32))
    yield store
    store.close()


def _client(store: Store, server: CountyServer, terminal_id: str | None = None) -> SyncClient:
    settings = SyncSettings(
        base_url=server.url,
        terminal_id=terminal_id or server.terminal_id,
        secret=server.secret,
        read_timeout=10.0,
        max_attempts=3,
    )
    return SyncClient(store, settings, sleep=lambda s: None)


def test_an_unregistered_terminal_keeps_everything_queued(
    kiosk: Store, county_server: CountyServer
) -> None:
    kiosk.record("rating", {"service": "jobs", "score": 4})
    kiosk.record_maintenance("paper_refilled")
    stranger = _client(kiosk, county_server, terminal_id="T-320102001-999")
    started = time.monotonic()
    report = stranger.run_round()
    stranger.close()
    assert not report.ok and report.errors
    assert all("bad_signature" in e for e in report.errors), report.errors
    assert time.monotonic() - started < 10  # a refusal, not a retry loop
    assert kiosk.queue_summary().pending == 2 and county_server.accepted_ids() == []
    registered = _client(kiosk, county_server)
    report = registered.run_round()
    registered.close()
    assert report.ok and report.accepted == 2, report.errors
    assert kiosk.queue_summary().pending == 0


def test_a_certification_for_a_resident_who_moved_away_is_kept_as_rejected(
    kiosk: Store, county_server: CountyServer
) -> None:
    """The kiosk certified from its cached roster while the platform had already moved the
    resident to another township: the platform refuses, the kiosk keeps it for a technician."""
    client = _client(kiosk, county_server)
    assert client.run_round().ok
    ids = [pid for (pid,) in kiosk.connection.execute("SELECT person_id FROM residents")]
    stays, moves = [
        r for pid in ids if (r := kiosk.resident_by_person_id(pid)) is not None and r.benefits
    ][:2]
    with county_server.store() as platform:
        record = dict(platform.entity(Feed.ROSTER, moves.person_id) or {})
        record["township_code"] = OTHER_TOWNSHIP
        assert platform.upsert(Feed.ROSTER, moves.person_id, OTHER_TOWNSHIP, record)
    now = kiosk.now()
    ok = kiosk.record_certification(
        stays.person_id, stays.benefits[0].kind, True, 140, 1, None, now
    )
    refused = kiosk.record_certification(
        moves.person_id, moves.benefits[0].kind, True, 140, 1, None, now
    )
    report = client.run_round()  # pushes before it pulls the move
    assert report.accepted == 1 and report.rejected == 1
    [rejected] = kiosk.rejected()
    assert rejected.id == refused and (rejected.error or "").startswith("other_township:")
    assert county_server.accepted_ids() == [ok]
    again = client.run_round()  # a rejection is never resent automatically
    client.close()
    assert again.pushed == 0 and kiosk.queue_summary().rejected == 1
