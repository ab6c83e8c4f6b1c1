"""The background worker syncs on its own thread with its own connection."""

from __future__ import annotations

import queue
import secrets
from pathlib import Path

import pytest

from offline_cache.store import Store
from offline_cache.sync import SyncReport, SyncSettings
from offline_cache.worker import SyncWorker
from tests.emulators.fault_server import FaultServer

pytestmark = pytest.mark.realstack
WAIT_S = 30.0  # generous: only a guard against a hung test, never a timing assertion


def test_worker_runs_at_start_and_when_triggered(tmp_path: Path, fault_server: FaultServer) -> None:
    db, key = tmp_path / "kiosk.sqlite3", secrets.token_bytes(32)
    ui_store = Store.open(db, key)
    first = ui_store.record("rating", {"service": "jobs", "score": 5})
    reports: queue.Queue[SyncReport] = queue.Queue()
    settings = SyncSettings(fault_server.url, fault_server.terminal_id, fault_server.secret)
    worker = SyncWorker(lambda: Store.open(db, key), settings, 3600.0, reports.put)
    worker.start()
    try:
        assert reports.get(timeout=WAIT_S).accepted == 1
        second = ui_store.record("rating", {"service": "notices", "score": 4})
        worker.trigger()
        assert reports.get(timeout=WAIT_S).accepted == 1
    finally:
        worker.stop()
    assert set(fault_server.accepted) == {first, second}
    assert ui_store.sync_status().last_success_at is not None
    ui_store.close()
