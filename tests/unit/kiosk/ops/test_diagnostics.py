"""The state word of each check, from the facts a device or the store reports."""

from __future__ import annotations

import threading
from pathlib import Path

from drivers.card.api import ReaderStatus
from drivers.errors import SensorUnavailable
from drivers.fingerprint.api import SensorInfo
from drivers.printer.api import PrinterState, PrinterStatus
from kiosk.ops.diagnostics import (
    CLOCK_WARNING_S,
    DISK_FAULT_FREE_BYTES,
    DISK_WARNING_FREE_BYTES,
    SYNC_STALE_FAULT_S,
    Check,
    CheckId,
    DiagnosticsReport,
    Health,
    State,
    card_reader_check,
    county_check,
    disk_check,
    printer_check,
    probe_fingerprint,
    software_check,
    with_deadline,
)
from offline_cache.store import SyncStatus

NOW = 1_800_000_000.0
GIB = 1024**3


def test_card_reader_states() -> None:
    assert card_reader_check(ReaderStatus(False, False, "", False)).reason == "pcscd_unreachable"
    assert card_reader_check(ReaderStatus(False, False, "", False)).state is State.FAULT
    no_reader = card_reader_check(ReaderStatus(True, False, "", False))
    assert (no_reader.state, no_reader.reason) == (State.FAULT, "no_reader")
    with_card = card_reader_check(ReaderStatus(True, True, "ACS ACR39U 00 00", True))
    assert with_card.state is State.OK and "card inserted" in with_card.text
    assert with_card.details["card_present"] is True
    simulated = card_reader_check(ReaderStatus(True, True, "sim", False), kind="simulated")
    assert (simulated.state, simulated.reason) == (State.WARNING, "simulated")


def test_fingerprint_probe_never_raises() -> None:
    def broken() -> SensorInfo:
        raise SensorUnavailable("no answer on /dev/ttyUSB0")

    check = probe_fingerprint(broken)
    assert (check.state, check.reason) == (State.FAULT, "sensor_unavailable")
    assert "/dev/ttyUSB0" in check.text
    ok = probe_fingerprint(lambda: SensorInfo(9, 1000, 3, 0xFFFFFFFF, 128, 57600))
    assert ok.state is State.OK and ok.details["capacity"] == 1000


def test_printer_states() -> None:
    def status(state: PrinterState, reasons: list[str] | None = None, jobs: int = 0) -> Check:
        return printer_check(PrinterStatus(state, "statement", reasons or [], "", jobs))

    assert status(PrinterState.READY).state is State.OK
    assert status(PrinterState.PRINTING, jobs=1).state is State.OK
    for state in (PrinterState.OUT_OF_PAPER, PrinterState.JAMMED, PrinterState.OFFLINE,
                  PrinterState.DISABLED, PrinterState.UNAVAILABLE):  # fmt: skip
        check = status(state)
        assert (check.state, check.reason) == (State.FAULT, state.value)
    assert "load paper" in status(PrinterState.OUT_OF_PAPER).text
    low = status(PrinterState.READY, ["media-low-warning"])
    assert (low.state, low.reason) == (State.WARNING, "printer_warning")
    assert status(PrinterState.READY, jobs=10).reason == "queue_long"


def _sync(**changes: object) -> SyncStatus:
    base: dict[str, object] = {
        "last_success_at": NOW - 60,
        "last_attempt_at": NOW - 60,
        "pending": 0,
        "rejected": 0,
        "oldest_pending_age_s": None,
        "feed_ages_s": {"roster": 60.0, "jobs": 60.0, "notices": 60.0},
        "clock_offset_s": 0.0,
    }
    return SyncStatus(**(base | changes))  # type: ignore[arg-type]


UP = Health(True, 200, 0.4)
DOWN = Health(False, error="connection refused")


def test_county_ok_when_reachable_and_synced() -> None:
    check = county_check(UP, _sync(), NOW)
    assert check.state is State.OK and "last sync 60 s ago" in check.text


def test_county_findings() -> None:
    down = county_check(DOWN, _sync(), NOW)
    assert (down.state, down.reason) == (State.WARNING, "unreachable")
    never = county_check(DOWN, _sync(last_success_at=None, feed_ages_s={"roster": None}), NOW)
    assert (never.state, never.reason) == (State.FAULT, "no_roster")
    stale = county_check(UP, _sync(last_success_at=NOW - SYNC_STALE_FAULT_S - 1), NOW)
    assert (stale.state, stale.reason) == (State.FAULT, "sync_stale")
    rejected = county_check(UP, _sync(rejected=2), NOW)
    assert (rejected.state, rejected.reason) == (State.WARNING, "rejected")
    skewed = county_check(Health(True, 200, CLOCK_WARNING_S + 100), _sync(), NOW)
    assert (skewed.state, skewed.reason) == (State.WARNING, "clock_offset")
    old_jobs = county_check(UP, _sync(feed_ages_s={"roster": 60.0, "jobs": 5 * 86400.0}), NOW)
    assert old_jobs.reason == "feed_stale" and "jobs" in old_jobs.text
    no_store = county_check(UP, None, NOW, "database is locked")
    assert (no_store.state, no_store.reason) == (State.FAULT, "no_store")


def test_disk_thresholds(tmp_path: Path) -> None:
    def with_free(free: int) -> Check:
        return disk_check(tmp_path, usage=lambda _p: (100 * GIB, 100 * GIB - free, free))

    assert with_free(50 * GIB).state is State.OK
    assert with_free(DISK_WARNING_FREE_BYTES - 1).state is State.WARNING
    assert with_free(DISK_FAULT_FREE_BYTES - 1).state is State.FAULT
    assert disk_check(tmp_path / "missing").reason == "no_data_dir"
    assert disk_check(tmp_path).state in (State.OK, State.WARNING, State.FAULT)  # the real disk


def test_a_hanging_probe_becomes_a_fault() -> None:
    release = threading.Event()

    def hangs() -> Check:
        release.wait(30)
        return software_check()

    check = with_deadline(CheckId.SOFTWARE, hangs, timeout=0.2)
    release.set()
    assert (check.state, check.reason) == (State.FAULT, "timeout")


def test_report_worst_and_fault() -> None:
    ok = software_check()
    warn = Check(CheckId.DISK, State.WARNING, "disk_low", "low")
    report = DiagnosticsReport((ok, warn), "2026-11-28T00:00:00+00:00")
    assert report.worst is State.WARNING and not report.has_fault
    fault = Check(CheckId.PRINTER, State.FAULT, "out_of_paper", "paper")
    report = DiagnosticsReport((ok, warn, fault), "2026-11-28T00:00:00+00:00")
    assert report.worst is State.FAULT and report.has_fault
    assert report.to_dict()["checks"][2]["state"] == "FAULT"
