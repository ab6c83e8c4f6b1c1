"""Regression test of the offline-cache/sync audit (2026-11-28): a Retry-After given as an
HTTP-date is measured against the platform's clock, not the kiosk's possibly wrong one."""

from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import formatdate
from types import SimpleNamespace

import pytest

from offline_cache import sync as sync_module
from offline_cache.store import Store
from offline_cache.sync import SyncClient
from tests.emulators.fault_server import Fault, FaultServer

pytestmark = pytest.mark.realstack
TX = "/api/v1/transactions"


@pytest.mark.parametrize("skew", [-7200.0, 7200.0])
def test_retry_after_date_uses_the_platforms_clock(
    skew: float,
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: Callable[..., SyncClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kiosk two hours slow would wait the whole cap (600 s) per attempt; two hours fast, not
    at all (hammering a platform that asked for a pause). Both must wait about 20 s."""

    def kiosk_clock() -> float:
        return time.time() + skew

    # the kiosk's system clock is the wrong one, whichever way the client reads it
    monkeypatch.setattr(sync_module, "time", SimpleNamespace(time=kiosk_clock, sleep=time.sleep))
    kiosk_store.set_clock_offset(-skew)  # learned in an earlier round
    kiosk_store.record("rating", {"service": "jobs", "score": 3})
    fault_server.retry_after = formatdate(time.time() + 20, usegmt=True)
    fault_server.script(TX, Fault.UNAVAILABLE_503)
    client = make_client(clock=kiosk_clock, max_backoff=600.0)
    report = client.run_round()
    assert report.ok, report.errors
    assert fault_server.statuses(TX) == [503, 200]
    assert len(client.backoff.slept) == 1
    assert 10.0 <= client.backoff.slept[0] <= 25.0, client.backoff.slept


def test_a_captive_portals_date_header_does_not_move_the_kiosk_clock(
    kiosk_store: Store,
    fault_server: FaultServer,
    make_client: Callable[..., SyncClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An HTML page from a portal gateway whose clock is not set (year 2000) is not the platform:
    its Date must not become the time on certifications, receipts and printed statements."""
    from tests.emulators import fault_server as module

    portal_date = "Sat, 01 Jan 2000 00:00:00 GMT"
    monkeypatch.setattr(module._Handler, "date_time_string", lambda self, ts=None: portal_date)
    kiosk_store.record("rating", {"service": "jobs", "score": 3})
    fault_server.script(TX, *[Fault.GARBAGE] * 4)  # every attempt of the round
    report = make_client().run_round()
    assert not report.ok and kiosk_store.queue_summary().pending == 1
    assert abs(kiosk_store.clock_offset()) < 5
    assert kiosk_store.now().year >= 2026
