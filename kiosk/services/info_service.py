"""The information services' access to the offline store (benefits, jobs, notices, ratings).

A `Store` is one SQLite connection and belongs to one thread, and a read or a write may wait on
the sync thread's lock: so the store is opened and used on a worker thread (the threads.py
pattern), never on the GUI thread. Requests go in as queued signals; results come back as
signals. Payloads with a phone number are never logged; the worker forgets them once written.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.config import Config
from kiosk.services.store_faults import report_store_error
from kiosk.services.threads import assert_in_thread, start_worker, stop_worker
from offline_cache.store import Store

log = logging.getLogger(__name__)


class _InfoWorker(QObject):
    jobs_loaded = Signal(list)
    notices_loaded = Signal(list)
    resident_loaded = Signal(str, object)  # card number, Resident | None
    recorded = Signal(str, str)  # kind, tx id
    failed = Signal(str, str)  # what was asked ("jobs", "record:rating" ...), error class name

    def __init__(self, config: Config) -> None:
        super().__init__()
        self._config = config
        self._store: Store | None = None

    def _open(self) -> Store:
        assert_in_thread(self)
        if self._store is None:
            self._store = Store.open(self._config.database_path, self._config.read_template_key())
        return self._store

    @Slot()
    def start(self) -> None:
        """Nothing to open yet: the database is opened on first use (a kiosk without a data
        folder still shows its home screen)."""

    @Slot()
    def stop(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @Slot(object)
    def load_jobs(self, now: datetime) -> None:
        try:
            self.jobs_loaded.emit(self._open().jobs(now))
        except Exception as e:  # a broken database must not take the kiosk down
            log.exception("could not read the jobs")
            report_store_error(e, "info")
            self.failed.emit("jobs", type(e).__name__)

    @Slot(object)
    def load_notices(self, now: datetime) -> None:
        try:
            self.notices_loaded.emit(self._open().notices(now))
        except Exception as e:
            log.exception("could not read the notices")
            report_store_error(e, "info")
            self.failed.emit("notices", type(e).__name__)

    @Slot(str)
    def load_resident(self, card_number: str) -> None:
        try:
            self.resident_loaded.emit(
                card_number, self._open().resident_by_card_number(card_number)
            )
        except Exception as e:
            log.exception("could not read the resident")
            report_store_error(e, "info")
            self.failed.emit("resident", type(e).__name__)

    @Slot(str, dict)
    def record(self, kind: str, payload: dict[str, Any]) -> None:
        try:
            tx_id = self._open().record(kind, payload)
        except Exception as e:
            # the message could quote the payload (a phone number): log the class only
            log.error("could not record a %s transaction: %s", kind, type(e).__name__)
            report_store_error(e, "info")
            self.failed.emit(f"record:{kind}", type(e).__name__)
            return
        finally:
            payload.clear()
        log.info("recorded a %s transaction", kind, extra={"event": "tx", "tx": tx_id})
        self.recorded.emit(kind, tx_id)


class InfoService(QObject):
    """The GUI-thread face of the worker. `start()` once, `shutdown()` at exit."""

    jobs_loaded = Signal(list)
    notices_loaded = Signal(list)
    resident_loaded = Signal(str, object)
    recorded = Signal(str, str)
    failed = Signal(str, str)

    _load_jobs = Signal(object)
    _load_notices = Signal(object)
    _load_resident = Signal(str)
    _record = Signal(str, dict)

    def __init__(self, config: Config, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = _InfoWorker(config)
        self._thread: QThread | None = None
        w = self._worker
        self._load_jobs.connect(w.load_jobs)
        self._load_notices.connect(w.load_notices)
        self._load_resident.connect(w.load_resident)
        self._record.connect(w.record)
        w.jobs_loaded.connect(self.jobs_loaded)
        w.notices_loaded.connect(self.notices_loaded)
        w.resident_loaded.connect(self.resident_loaded)
        w.recorded.connect(self.recorded)
        w.failed.connect(self.failed)

    def start(self) -> None:
        if self._thread is None:
            self._thread = start_worker(self._worker, "info-store")

    def shutdown(self) -> None:
        if self._thread is not None:
            stop_worker(self._worker, self._thread)
            self._thread = None

    def load_jobs(self, now: datetime) -> None:
        self.start()
        self._load_jobs.emit(now)

    def load_notices(self, now: datetime) -> None:
        self.start()
        self._load_notices.emit(now)

    def load_resident(self, card_number: str) -> None:
        self.start()
        self._load_resident.emit(card_number)

    def record(self, kind: str, payload: dict[str, Any]) -> None:
        """Queue `kind` with a copy of `payload` (the worker clears its copy after writing)."""
        self.start()
        self._record.emit(kind, dict(payload))
