"""Transactions recorded by the GUI's own Store connection while the sync thread's request is in
flight: nothing lost, nothing sent twice, in the same database the kiosk uses (WAL, two
connections, two threads)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from offline_cache.store import Store
from offline_cache.sync import SyncClient
from tests.emulators.fault_server import FaultServer
from tests.unit.offline_cache.factories import resident_wire, upsert

pytestmark = pytest.mark.realstack
MakeClient = Callable[..., SyncClient]
PER_REQUEST = 2  # transactions the "GUI" records during each in-flight POST
REQUESTS_WITH_RECORDING = 5


def test_recording_during_an_in_flight_push_loses_nothing_and_sends_nothing_twice(
    tmp_path: Path, kiosk_store: Store, fault_server: FaultServer, make_client: MakeClient
) -> None:
    fault_server.feeds["roster"] = [upsert("resident", resident_wire(i)) for i in range(3)]
    db_path = Path(kiosk_store.connection.execute("PRAGMA database_list").fetchone()[2])
    recorded: list[str] = []
    gui_errors: list[BaseException] = []
    posts = 0
    template_key = b"\0" * 32  # only fingerprints use it; ratings carry none
    current_first: list[str] = [""]  # the first id of the batch in flight

    def gui_records_meanwhile(tx: dict[str, Any]) -> None:
        """Called by the platform for each transaction it receives, i.e. while the kiosk's
        POST is in flight: the GUI thread's own connection records new transactions then."""
        nonlocal posts
        if tx["id"] != current_first[0]:
            return None
        posts += 1
        if posts > REQUESTS_WITH_RECORDING:
            return None

        def record() -> None:
            gui = Store.open(db_path, template_key)
            try:
                for n in range(PER_REQUEST):
                    recorded.append(gui.record("rating", {"service": "notices", "score": 1 + n}))
            except BaseException as e:  # surfaced by the assertion below
                gui_errors.append(e)
            finally:
                gui.close()

        worker = threading.Thread(target=record)
        worker.start()
        worker.join()
        return None

    original = fault_server.reject

    def reject(tx: dict[str, Any]) -> str | None:
        gui_records_meanwhile(tx)
        return original(tx)

    fault_server.reject = reject
    recorded += [kiosk_store.record("rating", {"service": "jobs", "score": 5}) for _ in range(3)]

    class FirstOfBatch:
        """Marks the first id of every batch the kiosk is about to send."""

        def __init__(self, store: Store) -> None:
            self._store = store

        def __getattr__(self, name: str) -> Any:
            return getattr(self._store, name)

        def pending_after(self, after_seq: int, limit: int) -> Any:
            batch = self._store.pending_after(after_seq, limit)
            current_first[0] = batch[0].id if batch else ""
            return batch

    client = make_client(store=FirstOfBatch(kiosk_store), batch_size=2)
    report = client.run_round()
    assert gui_errors == []
    assert report.ok, report.errors
    # every transaction recorded during the round was picked up by the same round
    assert len(recorded) == 3 + PER_REQUEST * REQUESTS_WITH_RECORDING
    assert set(fault_server.accepted) == set(recorded)
    assert all(fault_server.receipts[i] == 1 for i in recorded)
    assert kiosk_store.queue_summary().pending == 0
    assert kiosk_store.resident_count() == 3
    assert client.run_round().pushed == 0
    assert kiosk_store.verify_audit().ok
