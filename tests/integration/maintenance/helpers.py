"""Shared steps of the maintenance integration tests."""

from __future__ import annotations

from kiosk.admin.cache_commands import sync_settings
from kiosk.config import Config
from offline_cache.store import Store
from offline_cache.sync import SyncClient

CARD_STATE_TIMEOUT_S = 5.0  # pcscd polls vpcd every 0.4 s


def sync_once(config: Config) -> None:
    """One real sync round against the configured county server; it must succeed."""
    store = Store.open(config.database_path, config.read_template_key())
    try:
        client = SyncClient(store, sync_settings(config))
        try:
            report = client.run_round()
        finally:
            client.close()
    finally:
        store.close()
    assert report.ok, report.errors
