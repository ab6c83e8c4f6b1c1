"""A damaged database is a fault the kiosk SHOWS (issue 11): out of service at once, with the
fault and the command for the technician on the screen; never a silent stop, never a traceback
on stderr only. Real SQLite files; the real SyncWorker and KioskApp."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.core import faults as core_faults
from kiosk.core.faults import Fault, FaultSource
from kiosk.ops.diagnostics import CheckId, State, database_check
from kiosk.shell.faults import Faults
from offline_cache import errors
from offline_cache.errors import DatabaseDamaged
from offline_cache.store import Store
from offline_cache.sync import SyncSettings
from offline_cache.worker import SyncWorker
from tests.ui.helpers import current_name

WAIT_MS = 15000
COUNTER = "镇便民服务中心3号窗口"


def _recorded_then_emptied(config: Any) -> Path:
    """A kiosk database with three transactions, then cut to 0 bytes."""
    store = Store.open(config.database_path, config.read_template_key())
    for score in (3, 4, 5):
        store.record("rating", {"service": "info", "score": score})
    store.close()
    os.truncate(config.database_path, 0)
    return Path(config.database_path)


def test_the_store_codes_are_one_vocabulary() -> None:
    assert core_faults.DATABASE_DAMAGED == errors.DATABASE_DAMAGED


def test_a_store_fault_puts_the_kiosk_out_of_service_at_once(qtbot: Any) -> None:
    faults = Faults()
    with qtbot.waitSignal(faults.out_of_service, timeout=WAIT_MS):
        faults.report(Fault(FaultSource.STORE, core_faults.DATABASE_DAMAGED))
    faults.forgive(FaultSource.CARD)  # the reader coming back does not bring service back
    assert faults.reached
    faults.forgive(FaultSource.STORE)
    assert not faults.reached


def test_a_damaged_database_at_start_is_shown(
    make_kiosk_app: Any, kiosk_config: Any, qtbot: Any
) -> None:
    db = _recorded_then_emptied(kiosk_config(terminal={"counter_location": COUNTER}))
    app = make_kiosk_app(terminal={"counter_location": COUNTER})
    qtbot.waitUntil(lambda: current_name(app) == "out_of_service", timeout=WAIT_MS)
    screen = app.screen("out_of_service")
    assert screen.detail.text() == f"请到{COUNTER}办理"
    hint = screen.technician_hint
    assert hint.isVisibleTo(screen)
    assert "database_damaged" in hint.text() and "kiosk-admin repair" in hint.text()
    assert app.faults.reached
    assert "empty" in app.store_faults.reason
    assert db.stat().st_size == 0  # never rebuilt over


def test_the_sync_worker_tells_why_it_stopped(kiosk_config: Any) -> None:
    config = kiosk_config()
    _recorded_then_emptied(config)
    stopped = threading.Event()
    seen: list[BaseException] = []

    def failed(error: BaseException) -> None:
        seen.append(error)
        stopped.set()

    worker = SyncWorker(
        lambda: Store.open(config.database_path, config.read_template_key()),
        SyncSettings(config.county.url, config.terminal.id, b"x" * 32),
        interval=3600,
        on_failure=failed,
    )
    worker.start()
    assert stopped.wait(WAIT_MS / 1000)
    worker.stop()
    assert len(seen) == 1 and isinstance(seen[0], DatabaseDamaged)
    assert seen[0].reason == "the database file is empty (0 bytes)"


def test_the_sync_service_signals_a_damaged_database(
    make_kiosk_app: Any, kiosk_config: Any, qtbot: Any
) -> None:
    config = kiosk_config()
    app = make_kiosk_app(start=False)
    _recorded_then_emptied(config)
    with qtbot.waitSignal(app.sync_service.store_failed, timeout=WAIT_MS) as signal:
        assert app.sync_service.start()
    code, reason = signal.args
    assert code == "database_damaged" and "empty" in reason
    qtbot.waitUntil(lambda: not app.sync_service.running, timeout=WAIT_MS)
    assert not app.sync_service.sync_now()  # "sync now" says it cannot, never a silent nothing


def test_diagnostics_show_the_database_check_as_fault(kiosk_config: Any) -> None:
    config = kiosk_config()
    healthy = database_check(config.database_path, config.read_template_key)
    assert (healthy.id, healthy.state, healthy.reason) == (CheckId.DATABASE, State.OK, "ok")
    _recorded_then_emptied(config)
    check = database_check(config.database_path, config.read_template_key)
    assert (check.state, check.reason) == (State.FAULT, "database_damaged")
    assert "empty" in check.text and "kiosk-admin repair" in check.text


def test_a_worker_that_meets_a_damaged_database_puts_the_kiosk_out_of_service(
    make_kiosk_app: Any, qtbot: Any
) -> None:
    """Healthy at start; the file is emptied while the kiosk runs; the info worker, opening its
    store on first use, meets it: shown at once, not a log line."""
    app = make_kiosk_app(county={"max_backoff": 0.01})
    assert app.store_faults.checked.wait(WAIT_MS / 1000)
    qtbot.waitUntil(lambda: app.sync_service.snapshot is not None, timeout=WAIT_MS)
    assert current_name(app) == "home" and not app.faults.reached
    os.truncate(app.config.database_path, 0)
    app.info_service.load_jobs(datetime.now(UTC))
    qtbot.waitUntil(lambda: current_name(app) == "out_of_service", timeout=WAIT_MS)
    assert "info worker" in app.store_faults.reason
    assert "database_damaged" in app.screen("out_of_service").technician_hint.text()
