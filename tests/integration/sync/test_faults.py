"""Sync against a misbehaving platform over real HTTP on 127.0.0.1: nothing is lost, nothing is
applied twice, and each fault gets the retry behaviour the interface asks for."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import pytest

from offline_cache.feeds import Feed
from offline_cache.store import Store
from offline_cache.sync import SyncClient
from tests.emulators.fault_server import Fault, FaultServer, closed_port
from tests.unit.offline_cache.factories import (
    job_wire,
    notice_wire,
    person_id,
    resident_wire,
    upsert,
)

pytestmark = pytest.mark.realstack
TX = "/api/v1/transactions"
ROSTER = "/api/v1/roster"
MakeClient = Callable[..., SyncClient]


def _record(store: Store, n: int) -> list[str]:
    return [store.record("rating", {"service": "jobs", "score": 1 + i % 5}) for i in range(n)]


def _publish(server: FaultServer, residents: int = 5) -> None:
    server.feeds["roster"] = [upsert("resident", resident_wire(i)) for i in range(residents)]
    server.feeds["jobs"] = [upsert("job", job_wire(i)) for i in range(3)]
    server.feeds["notices"] = [upsert("notice", notice_wire(1))]


def _all_delivered(store: Store, server: FaultServer, ids: list[str]) -> None:
    summary = store.queue_summary()
    assert summary.pending == 0 and summary.rejected == 0
    assert set(server.accepted) == set(ids)


def test_full_round_pushes_and_pulls_every_page(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    _publish(fault_server)
    ids = _record(kiosk_store, 7)
    report = make_client(batch_size=3, page_limit=2).run_round()
    assert report.ok, report.errors
    assert (report.pushed, report.accepted) == (7, 7)
    assert report.pulled == {"roster": 5, "jobs": 3, "notices": 1}
    assert [e.batch for e in fault_server.exchanges if e.path == TX] == [3, 3, 1]
    _all_delivered(kiosk_store, fault_server, ids)
    assert kiosk_store.resident_by_card_number("A00000004") is not None
    status = kiosk_store.sync_status()
    assert status.last_success_at is not None and status.feed_ages_s["roster"] is not None
    again = make_client().run_round()
    assert again.ok and again.pushed == 0 and sum(again.pulled.values()) == 0


def test_connection_refused_keeps_everything_queued(
    kiosk_store: Store, make_client: MakeClient
) -> None:
    ids = _record(kiosk_store, 3)
    client = make_client(url=f"http://127.0.0.1:{closed_port()}", max_backoff=8.0)
    report = client.run_round()
    assert not report.ok and "unreachable" in report.errors[0]
    assert "connection refused" in report.errors[0]  # said plainly, not urllib3's nested reprs
    assert "HTTPConnectionPool" not in report.errors[0]
    assert len(report.errors) == 1  # the round stops: the feeds would be unreachable too
    assert kiosk_store.queue_summary().pending == 3
    assert [getattr(kiosk_store.transaction(i), "state", None) for i in ids] == ["pending"] * 3
    # rand=0.5: half of 1, 2, 4 seconds; no sleep after the last attempt
    assert client.backoff.slept == [0.5, 1.0, 2.0]
    assert kiosk_store.sync_status().last_success_at is None


@pytest.mark.parametrize(
    "fault",
    [
        Fault.RESET,
        Fault.HANG,
        Fault.GARBAGE,
        Fault.WRONG_SHAPE,
        Fault.OVERSIZED,
        Fault.OVERSIZED_STREAM,
    ],
)
def test_answer_lost_after_the_platform_stored_the_batch(
    fault: Fault, kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    """The platform has the batch but the kiosk cannot read the answer: it resends the same ids
    and the platform's `duplicate` settles them; nothing is stored twice."""
    ids = _record(kiosk_store, 4)
    fault_server.script(TX, fault)
    fault_server.hang_seconds = 2.0
    client = make_client(read_timeout=0.5, max_response_bytes=64 * 1024)
    report = client.run_round()
    assert report.ok, report.errors
    assert report.duplicates == 4 and report.accepted == 0
    _all_delivered(kiosk_store, fault_server, ids)
    assert all(fault_server.receipts[i] == 2 for i in ids)
    assert len(client.backoff.slept) == 1


def test_500_then_success_backs_off_with_jitter(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    ids = _record(kiosk_store, 2)
    fault_server.script(TX, Fault.HTTP_500, Fault.HTTP_500)
    client = make_client()
    report = client.run_round()
    assert report.ok and report.accepted == 2
    assert fault_server.statuses(TX) == [500, 500, 200]
    assert client.backoff.slept == [0.5, 1.0]
    _all_delivered(kiosk_store, fault_server, ids)


def test_persistent_garbage_on_a_feed_applies_nothing_and_keeps_the_cursor(
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _publish(fault_server)
    fault_server.script(ROSTER, *[Fault.GARBAGE] * 4)
    with caplog.at_level(logging.ERROR, logger="offline_cache.sync"):
        report = make_client().run_round()
    assert not report.ok and any("malformed" in e for e in report.errors)
    assert "malformed answer" in caplog.text
    assert kiosk_store.resident_count() == 0 and kiosk_store.feed_cursor(Feed.ROSTER) is None
    report = make_client().run_round()
    assert report.ok and kiosk_store.resident_count() == 5


def test_kiosk_clock_two_hours_slow_learns_the_offset(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    ids = _record(kiosk_store, 3)
    _publish(fault_server)

    def slow() -> float:
        return time.time() - 7200

    report = make_client(clock=slow).run_round()
    assert report.ok, report.errors
    assert fault_server.statuses(TX) == [401, 200]
    assert abs(kiosk_store.clock_offset() - 7200) < 5
    _all_delivered(kiosk_store, fault_server, ids)
    # the offset is persisted: the next process signs right from the first request
    fault_server.exchanges.clear()
    _record(kiosk_store, 1)
    assert make_client(clock=slow).run_round().ok
    assert 401 not in [e.status for e in fault_server.exchanges]


def test_clock_skew_answer_without_date_header_uses_server_time(
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.emulators import fault_server as module

    monkeypatch.setattr(module._Handler, "date_time_string", lambda self, ts=None: "not a date")
    _record(kiosk_store, 1)
    report = make_client(clock=lambda: time.time() + 7200).run_round()
    assert report.ok, report.errors
    assert abs(kiosk_store.clock_offset() + 7200) < 5


def test_410_drops_the_feed_copy_and_starts_again(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    stale = resident_wire(99)
    from offline_cache.feeds import parse_page

    page = parse_page(
        Feed.ROSTER, {"items": [upsert("resident", stale)], "next_cursor": "40", "has_more": False}
    )
    kiosk_store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=True)
    _publish(fault_server, residents=3)
    fault_server.script(ROSTER, Fault.GONE_410)
    report = make_client().run_round()
    assert report.ok, report.errors
    assert report.restarted_feeds == ["roster"] and report.pulled["roster"] == 3
    assert kiosk_store.resident_by_person_id(person_id(99)) is None
    assert kiosk_store.resident_count() == 3
    assert kiosk_store.feed_cursor(Feed.ROSTER) == "3"


def test_after_a_410_the_old_copy_serves_until_the_re_pull_completes(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    """A 410 on the roster mid-round, then the platform fails: residents are still found (no
    "not found" during a re-pull); the next round completes the re-pull and only then removes
    what the platform no longer has. The other feeds are pulled normally."""
    from offline_cache.feeds import parse_page

    old = [upsert("resident", resident_wire(i)) for i in (1, 99)]
    page = parse_page(Feed.ROSTER, {"items": old, "next_cursor": "40", "has_more": False})
    kiosk_store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=True)
    _publish(fault_server, residents=3)
    fault_server.script(ROSTER, Fault.GONE_410, *[Fault.HTTP_500] * 4)
    report = make_client().run_round()
    assert not report.ok and report.restarted_feeds == ["roster"]
    assert kiosk_store.resident_by_person_id(person_id(99)) is not None
    assert kiosk_store.resident_by_card_number(resident_wire(1)["card_number"]) is not None
    assert kiosk_store.restarting_feeds() == [Feed.ROSTER]
    report = make_client().run_round()
    assert report.ok, report.errors
    assert kiosk_store.resident_by_person_id(person_id(99)) is None
    assert kiosk_store.resident_count() == 3 and kiosk_store.restarting_feeds() == []


def test_413_halves_the_batch_until_it_fits(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    ids = _record(kiosk_store, 10)
    fault_server.max_batch = 3
    report = make_client(batch_size=8).run_round()
    assert report.ok and report.accepted == 10
    sent = [(e.batch, e.status) for e in fault_server.exchanges if e.path == TX]
    assert sent[:2] == [(8, 413), (4, 413)]
    assert all(batch <= 2 for batch, status in sent[2:]) and {s for _, s in sent[2:]} == {200}
    _all_delivered(kiosk_store, fault_server, ids)


def test_the_next_round_starts_again_from_the_configured_batch_size(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    """The background worker keeps one client: a 413 storm must not leave it at one per request."""
    first = _record(kiosk_store, 6)
    fault_server.max_batch = 1
    client = make_client(batch_size=8)
    assert client.run_round().ok
    fault_server.max_batch = None  # the platform's limit is back to normal
    fault_server.exchanges.clear()
    ids = _record(kiosk_store, 6)
    report = client.run_round()
    assert report.ok and report.accepted == 6 and report.batch_size == 8
    assert [(e.batch, e.status) for e in fault_server.exchanges if e.path == TX] == [(6, 200)]
    _all_delivered(kiosk_store, fault_server, first + ids)


def test_413_even_for_one_transaction_gives_up_and_keeps_it(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    _record(kiosk_store, 2)
    fault_server.max_batch = 0  # a platform that refuses every batch
    report = make_client(batch_size=2).run_round()
    assert not report.ok and any("batch_too_large" in e for e in report.errors)
    assert [e.batch for e in fault_server.exchanges if e.path == TX] == [2, 1]
    assert kiosk_store.queue_summary().pending == 2
    assert report.pulled == {"roster": 0, "jobs": 0, "notices": 0}  # pulls still ran
    assert sum(1 for e in fault_server.exchanges if e.path != TX) == 3


@pytest.mark.parametrize(
    ("fault", "status"), [(Fault.RATE_LIMIT_429, 429), (Fault.UNAVAILABLE_503, 503)]
)
def test_retry_after_is_honoured(
    fault: Fault,
    status: int,
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: MakeClient,
) -> None:
    ids = _record(kiosk_store, 2)
    fault_server.retry_after = 7
    fault_server.script(TX, fault)
    client = make_client()
    report = client.run_round()
    assert report.ok
    assert fault_server.statuses(TX) == [status, 200]
    assert client.backoff.slept == [7.0]
    _all_delivered(kiosk_store, fault_server, ids)


def test_a_retry_after_longer_than_the_backoff_cap_is_honoured_across_rounds(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    """Retry-After 40 s with a 30 s cap: the round ends at once, the next round before the 40 s
    sends nothing at all, the first round after them delivers. (The clock moves less than the
    60 s after which the Date header would correct it.)"""
    ids = _record(kiosk_store, 2)
    fault_server.retry_after = 40
    fault_server.script(TX, Fault.RATE_LIMIT_429)
    shift = [0.0]
    client = make_client(clock=lambda: time.time() + shift[0])  # max_backoff 30
    first = client.run_round()
    assert not first.ok and any("pause of 40 s" in e for e in first.errors)
    assert fault_server.statuses(TX) == [429] and client.backoff.slept == []
    sent = len(fault_server.exchanges)
    shift[0] = 30.0
    second = client.run_round()
    assert not second.ok and any("asked for a pause" in e for e in second.errors)
    assert len(fault_server.exchanges) == sent  # nothing sent while the platform rests
    shift[0] = 41.0
    third = client.run_round()
    assert third.ok, third.errors
    assert fault_server.statuses(TX) == [429, 200]
    _all_delivered(kiosk_store, fault_server, ids)


def test_partial_results_leave_the_rest_pending_until_acknowledged(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    ids = _record(kiosk_store, 6)
    fault_server.always_partial = True
    report = make_client().run_round()
    assert not report.ok and report.accepted == 3 and report.unacknowledged == 3
    assert kiosk_store.queue_summary().pending == 3
    assert fault_server.statuses(TX) == [200]  # not resent in the same round
    fault_server.always_partial = False
    report = make_client().run_round()
    assert report.ok and report.duplicates == 3
    _all_delivered(kiosk_store, fault_server, ids)
    assert max(fault_server.receipts.values()) == 2 and len(fault_server.accepted) == 6


def test_unknown_ids_in_results_are_ignored_with_a_warning(
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ids = _record(kiosk_store, 2)
    fault_server.script(TX, Fault.UNKNOWN_ID)
    with caplog.at_level(logging.WARNING, logger="offline_cache.sync"):
        report = make_client().run_round()
    assert report.ok and report.accepted == 2
    assert "not in the batch" in caplog.text
    _all_delivered(kiosk_store, fault_server, ids)


def test_rejected_is_kept_and_never_resent(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    good = _record(kiosk_store, 2)
    bad = kiosk_store.record_maintenance("nonsense")
    fault_server.reject = lambda tx: "unknown action" if tx["kind"] == "maintenance" else None
    report = make_client().run_round()
    assert not report.ok and report.rejected == 1 and report.accepted == 2
    [rejected] = kiosk_store.rejected()
    assert rejected.id == bad and rejected.error == "unknown action"
    report = make_client().run_round()
    assert report.pushed == 0 and fault_server.receipts[bad] == 1
    assert set(fault_server.accepted) == set(good)
    verdict = kiosk_store.verify_audit()
    assert verdict.ok and verdict.entries == 4  # 3 transactions + the rejection


def test_wrong_secret_fails_fast_and_keeps_everything(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    _record(kiosk_store, 2)
    report = make_client(secret=b"not the secret").run_round()
    assert not report.ok and all("bad_signature" in e for e in report.errors)
    assert len(fault_server.exchanges) == 4  # one refusal per step, no retry storm
    assert kiosk_store.queue_summary().pending == 2


def test_logs_carry_no_personal_data(
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _publish(fault_server)
    make_client().run_round()
    pid = person_id(1)
    kiosk_store.record("job_interest", {"job_id": "J1", "phone": "13800000000"}, person_id=pid)
    fault_server.script(TX, Fault.HTTP_500, Fault.PARTIAL)
    fault_server.reject = lambda tx: f"bad person {tx.get('person_id')}"
    with caplog.at_level(logging.DEBUG):
        make_client().run_round()
    assert caplog.text and pid not in caplog.text and "王秀英" not in caplog.text
    assert "13800000000" not in caplog.text


def test_a_full_disk_fails_the_round_clearly_and_loses_nothing(
    kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    """A full disk raised `database or disk is full` out of apply_page (a traceback in the
    sync thread). The database is made "full" with SQLite's max_page_count: no new page."""
    _publish(fault_server, residents=40)
    ids = _record(kiosk_store, 3)
    conn = kiosk_store.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    report = make_client().run_round()
    assert not report.ok
    assert any("database or disk is full" in e for e in report.errors), report.errors
    assert kiosk_store.resident_count() == 0 and kiosk_store.feed_cursor(Feed.ROSTER) is None
    summary = kiosk_store.queue_summary()
    assert summary.pending + len(fault_server.accepted) >= 3  # queued, or delivered
    conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    report = make_client().run_round()
    assert report.ok, report.errors
    assert kiosk_store.resident_count() == 40
    _all_delivered(kiosk_store, fault_server, ids)
