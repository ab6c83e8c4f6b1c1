"""THE crash test: the sync process is killed with SIGKILL at random points over many rounds
while transactions keep being committed; after a clean final round the platform holds exactly
the transactions the kiosk committed — none missing, none twice."""

from __future__ import annotations

import json
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncSettings
from tests.emulators.fault_server import Fault, FaultServer
from tests.fixtures.county import CountyServer

pytestmark = [pytest.mark.realstack, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
TIME_BUDGET_S = 40.0  # stop killing after this long (keeps the suite fast on a busy machine)
MIN_KILLS = 15


@dataclass
class CrashOutcome:
    committed: list[str]
    kills: int
    delivered_before_final: int


def _kill_loop(
    tmp_path: Path,
    url: str,
    terminal_id: str,
    secret: bytes,
    kills: int,
    seed: int,
    between_kills: Callable[[random.Random], None] = lambda rng: None,
) -> tuple[Store, CrashOutcome]:
    key = secrets.token_bytes(32)
    db = tmp_path / "kiosk.sqlite3"
    store = Store.open(db, key)
    rng = random.Random(seed)
    config = json.dumps(
        {
            "db": str(db),
            "key": key.hex(),
            "url": url,
            "terminal_id": terminal_id,
            "secret": secret.hex(),
            "read_timeout": 0.5,
        }
    )
    committed: list[str] = []
    done = 0
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with (tmp_path / "child.log").open("ab") as log:
        while done < kills and time.monotonic() - started < TIME_BUDGET_S:
            between_kills(rng)
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.integration.sync.crash_child", config],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=log,
            )
            try:
                assert child.stdout is not None
                assert child.stdout.readline().strip() == b"ready", "crash child did not start"
                kill_at = time.monotonic() + rng.uniform(0.0, 0.35)
                while time.monotonic() < kill_at:
                    committed.append(
                        store.record("rating", {"service": "jobs", "score": rng.randint(1, 5)})
                    )
                    time.sleep(rng.uniform(0, 0.02))  # the pace of the writes, not a wait
            finally:
                child.send_signal(signal.SIGKILL)
                child.wait()
                if child.stdout is not None:
                    child.stdout.close()
            assert child.returncode == -signal.SIGKILL, "the child died by itself: see child.log"
            done += 1
    delivered = store.queue_summary().delivered
    return store, CrashOutcome(committed, done, delivered)


def _final_round(store: Store, url: str, terminal_id: str, secret: bytes) -> None:
    settings = SyncSettings(url, terminal_id, secret, read_timeout=5.0, batch_size=50)
    client = SyncClient(store, settings, sleep=lambda s: None)
    try:
        report = client.run_round()
    finally:
        client.close()
    assert report.ok, report.errors


def _assert_exactly_once(store: Store, outcome: CrashOutcome, accepted: list[str]) -> None:
    assert outcome.kills >= MIN_KILLS
    assert len(outcome.committed) > outcome.kills  # transactions were committed all along
    assert outcome.delivered_before_final > 0  # the killed process really did deliver
    kiosk_ids = store.transaction_ids()
    assert sorted(kiosk_ids) == sorted(outcome.committed)  # nothing invented, nothing lost
    summary = store.queue_summary()
    assert summary.pending == 0 and summary.rejected == 0
    assert len(accepted) == len(set(accepted)), "the platform stored an id twice"
    assert set(accepted) == set(outcome.committed), "missing or foreign transactions"
    assert store.verify_audit().ok and store.verify_audit().entries == len(outcome.committed)


def test_sigkill_during_sync_against_the_reference_server(
    tmp_path: Path, county_server: CountyServer
) -> None:
    store, outcome = _kill_loop(
        tmp_path,
        county_server.url,
        county_server.terminal_id,
        county_server.secret,
        kills=40,
        seed=20261128,
    )
    try:
        _final_round(store, county_server.url, county_server.terminal_id, county_server.secret)
        _assert_exactly_once(store, outcome, county_server.accepted_ids())
        assert store.resident_count() == county_server.residents
    finally:
        store.close()


def test_sigkill_during_sync_against_a_faulty_platform(
    tmp_path: Path, fault_server: FaultServer
) -> None:
    """Same, with lost answers, resets and partial results thrown in between the kills."""
    faults = [
        Fault.RESET,
        Fault.HTTP_500,
        Fault.PARTIAL,
        Fault.GARBAGE,
        Fault.HANG,
        Fault.UNAVAILABLE_503,
    ]
    fault_server.hang_seconds = 1.0
    fault_server.retry_after = 0

    def inject(rng: random.Random) -> None:
        fault_server.script("/api/v1/transactions", *rng.choices(faults, k=2))

    store, outcome = _kill_loop(
        tmp_path,
        fault_server.url,
        fault_server.terminal_id,
        fault_server.secret,
        kills=25,
        seed=7,
        between_kills=inject,
    )
    try:
        while fault_server.pending_faults("/api/v1/transactions"):
            fault_server._next_fault("/api/v1/transactions")
        _final_round(store, fault_server.url, fault_server.terminal_id, fault_server.secret)
        _assert_exactly_once(store, outcome, list(fault_server.accepted))
        assert max(fault_server.receipts.values()) >= 2  # resends happened, stored once
    finally:
        store.close()
