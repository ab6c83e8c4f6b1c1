"""The background sync worker: one thread, its own `Store` (own SQLite connection).

Runs a round every `interval` seconds and at once when `trigger()` is called (the network came
back, a technician pressed "sync now"). Never raises into the application: a failed round is
logged and retried at the next tick; status comes from `Store.sync_status()` on any thread's store.
What stops the worker for good is told to `on_failure` (never only a traceback on stderr): a
store that cannot be opened (`DatabaseDamaged` among others), a damaged database met during a
round (retrying cannot help: `kiosk-admin repair` can), or anything escaping the loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from offline_cache.errors import damage_of
from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncReport, SyncSettings

log = logging.getLogger(__name__)

JOIN_TIMEOUT_S = 10.0


class SyncWorker:
    def __init__(
        self,
        open_store: Callable[[], Store],
        settings: SyncSettings,
        interval: float,
        on_report: Callable[[SyncReport], None] = lambda report: None,
        on_failure: Callable[[BaseException], None] = lambda error: None,
    ) -> None:
        self._open_store = open_store
        self._settings = settings
        self._interval = interval
        self._on_report = on_report
        self._on_failure = on_failure
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self.rounds = 0

    def start(self) -> None:
        self._thread.start()

    @property
    def alive(self) -> bool:
        """Running rounds (False before `start`, after `stop`, or once it stopped on a failure)."""
        return self._thread.is_alive()

    def trigger(self) -> None:
        """Run a round as soon as the current one (if any) ends."""
        self._wake.set()

    def stop(self) -> None:
        """Ask the worker to finish; a round in progress completes its current request first."""
        self._stopping.set()
        self._wake.set()
        self._thread.join(JOIN_TIMEOUT_S)

    def _sleep(self, seconds: float) -> None:
        """Backoff waits end early when the application stops."""
        self._stopping.wait(seconds)

    def _run(self) -> None:
        try:
            store = self._open_store()  # opened on this thread: the connection belongs to it
        except Exception as e:
            log.exception("sync worker stopped: the store could not be opened")
            self._on_failure(e)
            return
        client = SyncClient(store, self._settings, sleep=self._sleep)
        try:
            self._loop(client, store)
        except Exception as e:
            log.exception("sync worker stopped")
            self._on_failure(e)
        finally:
            client.close()
            store.close()

    def _loop(self, client: SyncClient, store: Store) -> None:
        while not self._stopping.is_set():
            try:
                report = client.run_round()
            except Exception as e:  # a bug or a disk problem: log it, keep the kiosk serving
                damage = damage_of(e, store.path or Path("database"))
                if damage is not None:
                    raise damage from e  # no round can succeed on it: stop and say so
                log.exception("sync round crashed; retrying at the next interval")
            else:
                self.rounds += 1
                self._on_report(report)
            self._wake.wait(self._interval)
            self._wake.clear()
