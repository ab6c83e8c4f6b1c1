"""Fixtures for the sync tests: a fault-injecting platform and a kiosk store with a client whose
backoff sleeps are recorded instead of slept (the schedule is real, the waiting is not)."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncSettings
from tests.emulators.fault_server import FaultServer

TERMINAL_ID = "T-320102001-003"


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer(TERMINAL_ID, secrets.token_hex(32).encode())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def kiosk_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "kiosk.sqlite3", secrets.token_bytes(32))
    yield store
    store.close()


@pytest.fixture
def make_client(
    kiosk_store: Store, fault_server: FaultServer
) -> Iterator[Callable[..., SyncClient]]:
    clients: list[SyncClient] = []

    def make(
        url: str | None = None,
        clock: Callable[[], float] = time.time,
        store: Store | None = None,
        **overrides: Any,
    ) -> SyncClient:
        settings = SyncSettings(
            **{
                "base_url": url or fault_server.url,
                "terminal_id": TERMINAL_ID,
                "secret": fault_server.secret,
                "connect_timeout": 1.0,
                "read_timeout": 1.0,
                "max_attempts": 4,
                "max_backoff": 30.0,
                **overrides,
            }
        )
        client = SyncClient(
            store or kiosk_store, settings, clock=clock, sleep=lambda s: None, rand=lambda: 0.5
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
