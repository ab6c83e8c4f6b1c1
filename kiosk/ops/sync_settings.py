"""The sync client's settings from the configuration: one mapping for the application's
background sync (kiosk.services.sync_service) and `kiosk-admin sync`, so both talk to the county
the same way. No Qt here (kiosk.admin may import it)."""

from __future__ import annotations

from kiosk.config import Config
from offline_cache.sync import SyncSettings


def sync_settings(config: Config) -> SyncSettings:
    """The sync client's settings from the configuration (reads the terminal secret)."""
    c = config.county
    return SyncSettings(
        base_url=c.url,
        terminal_id=config.terminal.id,
        secret=config.read_terminal_secret(),
        connect_timeout=c.connect_timeout,
        read_timeout=c.read_timeout,
        batch_size=c.batch_size,
        max_backoff=c.max_backoff,
    )
