"""Background synchronisation with the county platform, as the application sees it.

`SyncService` wraps `offline_cache.worker.SyncWorker` (its own thread, its own SQLite connection):
a round at start, every `[county] sync_interval`, on `sync_now()`, and as soon as the network is
back. Residents only ever see the small neutral mark in the top bar (`SyncStatus`); technicians
get the full `SyncSnapshot` (last success, pending, rejected, feed ages, clock offset).

Why a reachability probe instead of waiting for the next interval: after a round fails because
the platform cannot be reached, a separate thread asks `GET /api/v1/health` (unsigned, tiny,
3 s timeout) after 15 s, then 30, 60 … up to `min(sync_interval, 300 s)`; the first answer
triggers a round at once. Queued transactions thus leave within seconds of the network coming
back, while a kiosk that is offline for days sends about one small request every five minutes.
While online the probe sleeps: the rounds themselves tell whether the platform is reachable.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kiosk.config import Config, ConfigError
from kiosk.core.sync_mark import SyncMark
from kiosk.ops.diagnostics import Health, probe_health
from kiosk.ops.sync_settings import sync_settings
from kiosk.services.store_faults import store_fault
from kiosk.services.sync_status import SyncStatus
from offline_cache.feeds import Feed
from offline_cache.store import Store
from offline_cache.store import SyncStatus as StoreSyncStatus
from offline_cache.sync import SyncReport
from offline_cache.worker import SyncWorker

log = logging.getLogger(__name__)

RECHECK_FIRST_S = 15.0  # first health probe after a round found the platform unreachable
RECHECK_MAX_S = 300.0  # the longest wait between probes while offline


@dataclass(frozen=True)
class SyncSnapshot:
    """What the maintenance screen shows; `status` is None when the store could not be read."""

    reachable: bool
    status: StoreSyncStatus | None
    report: SyncReport | None  # the round this snapshot follows
    taken_at: float  # Unix seconds
    repulled: bool = False  # the feeds were dropped after this round (a full pull follows)


class _Bridge(QObject):
    """Lives in the GUI thread; signals emitted from the worker threads arrive queued."""

    snapshot = Signal(SyncSnapshot)
    store_failed = Signal(str, str)


class SyncService(QObject):
    """`status_changed(SyncSnapshot)` after every round; `mark` follows reachability;
    `store_failed(code, reason)` when the worker stopped for good (a damaged database:
    `database_damaged`; anything else: `worker_died`), on the GUI thread."""

    status_changed = Signal(SyncSnapshot)
    store_failed = Signal(str, str)

    def __init__(
        self,
        config: Config,
        mark: SyncStatus,
        parent: QObject | None = None,
        *,
        probe: Callable[[str, float], Health] = probe_health,
        recheck_first_s: float = RECHECK_FIRST_S,
        recheck_max_s: float = RECHECK_MAX_S,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._mark = mark
        self._probe = probe
        self._recheck_first_s = recheck_first_s
        self._recheck_max_s = min(recheck_max_s, config.county.sync_interval)
        self._bridge = _Bridge(self)
        self._bridge.snapshot.connect(self._on_snapshot)
        self._bridge.store_failed.connect(self.store_failed)
        self._worker: SyncWorker | None = None
        self._worker_store: Store | None = None  # touched only on the worker thread
        self._repull = threading.Event()
        self._offline = threading.Event()
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self.snapshot: SyncSnapshot | None = None
        self.error = ""  # why the service could not start (configuration)

    # --- life cycle (GUI thread) ----------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Started and its worker alive (a worker stopped by a damaged database is not)."""
        return self._worker is not None and self._worker.alive

    def start(self) -> bool:
        """Start the worker and the reachability watcher; False (logged) when the configuration
        lacks the terminal secret or the template key: the kiosk then serves from its cache."""
        if self._worker is not None:
            return True
        try:
            settings = sync_settings(self._config)
            key = self._config.read_template_key()
        except ConfigError as e:
            self.error = str(e)
            log.error("sync not started: %s", e)
            return False
        db = self._config.database_path

        def open_store() -> Store:
            store = Store.open(db, key)
            self._worker_store = store
            return store

        self._stopping.clear()
        self._worker = SyncWorker(
            open_store,
            settings,
            self._config.county.sync_interval,
            self._after_round,
            self._worker_failed,
        )
        self._watcher = threading.Thread(target=self._watch, name="sync-reachability", daemon=True)
        self._worker.start()
        self._watcher.start()
        return True

    def stop(self) -> None:
        self._stopping.set()
        self._offline.set()  # wakes the watcher so it can see `_stopping`
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._watcher is not None:
            self._watcher.join(timeout=RECHECK_MAX_S)
            self._watcher = None

    def sync_now(self) -> bool:
        """A round as soon as the current one ends; False when the service is not running."""
        if self._worker is None or not self._worker.alive:
            return False
        self._worker.trigger()
        return True

    def repull_feeds(self) -> bool:
        """Push, then — only if the platform answered — pull every feed again from no cursor
        (`Store.restart_feed`: the old copy answers lookups until the new one is complete).
        An unreachable platform changes nothing."""
        if self._worker is None:
            return False
        self._repull.set()
        self._worker.trigger()
        return True

    # --- worker thread --------------------------------------------------------------------------
    def _worker_failed(self, error: BaseException) -> None:
        """The sync worker stopped for good (it logged the traceback): the kiosk is told."""
        self._bridge.store_failed.emit(*store_fault(error, self._config.database_path, "sync"))

    def _after_round(self, report: SyncReport) -> None:
        reachable = report.ok or self._probe(self._config.county.url, 3.0).reachable
        repulled = False
        store = self._worker_store
        if reachable and self._repull.is_set() and store is not None:
            self._repull.clear()
            for feed in Feed:
                store.restart_feed(feed)  # the old copy serves until the new one is complete
            repulled = True
            log.info("feeds restarted on request; pulling them whole", extra={"event": "repull"})
            if self._worker is not None:
                self._worker.trigger()
        status: StoreSyncStatus | None = None
        if store is not None:
            try:
                status = store.sync_status()
            except Exception:  # a locked or damaged database: the snapshot says so
                log.exception("reading the sync status failed")
        if reachable:
            self._offline.clear()
        else:
            self._offline.set()
        self._bridge.snapshot.emit(SyncSnapshot(reachable, status, report, time.time(), repulled))

    def _watch(self) -> None:
        """While offline: probe health with a growing delay; trigger a round when it answers."""
        while not self._stopping.is_set():
            self._offline.wait()
            delay = self._recheck_first_s
            while self._offline.is_set() and not self._stopping.wait(delay):
                if self._probe(self._config.county.url, 3.0).reachable:
                    log.info("county platform reachable again: syncing")
                    self._offline.clear()
                    worker = self._worker
                    if worker is not None:
                        worker.trigger()
                    break
                delay = min(delay * 2, self._recheck_max_s)

    # --- GUI thread -----------------------------------------------------------------------------
    def _on_snapshot(self, snapshot: SyncSnapshot) -> None:
        self.snapshot = snapshot
        self._mark.set_state(SyncMark.ONLINE if snapshot.reachable else SyncMark.OFFLINE)
        self.status_changed.emit(snapshot)
