"""Where the workers that hold a `Store` report the error that stops them, so the kiosk SHOWS it.

A damaged database (`offline_cache.errors.DatabaseDamaged`, or an SQLite error that means one)
or a worker that died is no log line only: `StoreFaults.failed(code, reason)` reaches `KioskApp`
on the GUI thread, which reports `Fault(FaultSource.STORE, code)`: out of service at once, with a
hint for the technician; maintenance diagnostics show the database check as FAULT with the reason.

`check_at_start()` opens the database once on a thread of its own (the full check of
offline_cache/integrity.py), so a damaged file is found at start even before any worker needs it.
The info, fingerprint, printer and maintenance workers report through `report_store_error`, which
reaches the instance the app installed (`install`); the sync service has its own signal, with the
same codes and reasons (`store_fault`).
Thread-safe: `failed` is emitted from any thread and delivered queued to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.config import Config, ConfigError
from kiosk.core.faults import DATABASE_DAMAGED, WORKER_DIED
from offline_cache.errors import damage_of
from offline_cache.store import Store

log = logging.getLogger(__name__)


class StoreFaults(QObject):
    failed = Signal(str, str)  # code (database_damaged | worker_died), reason for the technician

    def __init__(self, config: Config, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._lock = threading.Lock()
        self.reason = ""  # the first reason reported ("" while all is well)
        self.checked = threading.Event()  # the start check has ended (tests wait on it)

    @property
    def db_path(self) -> Path:
        return self._config.database_path

    def check_at_start(self) -> None:
        threading.Thread(target=self._check, name="store-check", daemon=True).start()

    def _check(self) -> None:
        try:
            key = self._config.read_template_key()
        except ConfigError:
            self.checked.set()  # no key: the services say so themselves; not the database
            return
        try:
            Store.open(self.db_path, key).close()
        except Exception as e:
            if not self.report(e, "start"):
                log.exception("the database could not be opened at start")
        finally:
            self.checked.set()

    def report(self, error: BaseException, worker: str) -> bool:
        """From any thread: True (and `failed` emitted) when `error` means a damaged database."""
        code, reason = store_fault(error, self.db_path, worker)
        if code != DATABASE_DAMAGED:
            return False
        self._emit(code, reason)
        return True

    def _emit(self, code: str, reason: str) -> None:
        with self._lock:
            if not self.reason:
                self.reason = reason
        log.error("store fault %s: %s", code, reason, extra={"event": "store_fault"})
        self.failed.emit(code, reason)


def store_fault(error: BaseException, db_path: Path, worker: str) -> tuple[str, str]:
    """The code and the technician's reason of an error that stopped a worker holding the store:
    `database_damaged` when it means a damaged database, else `worker_died`."""
    damage = damage_of(error, db_path)
    if damage is not None:
        return DATABASE_DAMAGED, f"{damage.reason} (found by the {worker} worker)"
    return WORKER_DIED, f"the {worker} worker stopped: {type(error).__name__}: {error}"


_installed: StoreFaults | None = None


def install(faults: StoreFaults | None) -> None:
    """The app's instance (None at shutdown): where `report_store_error` goes."""
    global _installed
    _installed = faults


def report_store_error(error: BaseException, worker: str) -> bool:
    """A worker's except-block: True when `error` was a damaged database (and is now shown)."""
    faults = _installed
    return faults.report(error, worker) if faults is not None else False
