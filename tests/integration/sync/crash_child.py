"""The sync process that the crash test kills with SIGKILL: sync rounds in a loop, forever.

Run as `python -m tests.integration.sync.crash_child CONFIG_JSON`; prints "ready" once its store
is open, then syncs until killed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncSettings


def main() -> None:
    cfg = json.loads(sys.argv[1])
    store = Store.open(Path(cfg["db"]), bytes.fromhex(cfg["key"]))
    settings = SyncSettings(
        base_url=cfg["url"],
        terminal_id=cfg["terminal_id"],
        secret=bytes.fromhex(cfg["secret"]),
        connect_timeout=2.0,
        read_timeout=cfg.get("read_timeout", 5.0),
        batch_size=cfg.get("batch_size", 3),
        max_backoff=0.05,  # real sleeps here: keep them short
        max_attempts=3,
        page_limit=7,
    )
    client = SyncClient(store, settings)
    print("ready", flush=True)
    while True:
        client.run_round()


if __name__ == "__main__":
    main()
