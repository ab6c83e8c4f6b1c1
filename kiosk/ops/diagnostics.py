"""Diagnostics for technicians: the probes and state rules behind each `Check`.

Pure collection, no Qt. The model (`Check`, `CheckId`, `State`, `DiagnosticsReport`, `guarded`)
is in diagnostics_model.py and re-exported here. The probe functions take the device object's
method (or a callable) so the maintenance screen can run each on the worker thread that owns the
device; `diagnostics_devices.collect_from_config` opens the devices itself (for `kiosk-admin
devices`), each probe on its own thread with its own deadline (`collect`). No probe raises: a
failure, an exception or a deadline becomes a FAULT with the reason.
"""

from __future__ import annotations

import platform
import shutil
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests

from kiosk import __version__
from kiosk.ops.diagnostics_model import (
    SEVERITY,
    TITLES,
    Check,
    CheckId,
    DiagnosticsReport,
    State,
    describe,
    guarded,
    utc_now_iso,
)

if TYPE_CHECKING:
    from drivers.card.api import ReaderStatus
    from drivers.fingerprint.api import SensorInfo
    from drivers.printer.api import PrinterStatus
    from offline_cache.store import SyncStatus

__all__ = [
    "SEVERITY",
    "TITLES",
    "Check",
    "CheckId",
    "DiagnosticsReport",
    "State",
    "describe",
    "guarded",
    "utc_now_iso",
]

HEALTH_TIMEOUT_S = 3.0  # connect and read timeout of GET /api/v1/health

# Thresholds.
DISK_FAULT_FREE_BYTES = 200 * 1024**2  # below this SQLite and the logs may fail to write
DISK_WARNING_FREE_BYTES = 1024**3
PRINTER_QUEUE_WARNING = 3  # jobs waiting in a ready queue
CLOCK_WARNING_S = 300.0  # the platform refuses signatures further off than this
SYNC_STALE_WARNING_S = 24 * 3600.0
SYNC_STALE_FAULT_S = 7 * 24 * 3600.0
FEED_STALE_WARNING_S = 48 * 3600.0
PENDING_AGE_WARNING_S = 24 * 3600.0
HEALTH_PATH = "/api/v1/health"


def with_deadline(check_id: CheckId, probe: Callable[[], Check], timeout: float) -> Check:
    """Run `probe` on its own daemon thread; a FAULT if it has not answered within `timeout`.

    A probe stuck in a device library cannot be killed: its thread is left behind (daemon), which
    is acceptable for a command-line run and never happens on the device worker threads."""
    result: list[Check] = []
    thread = threading.Thread(
        target=lambda: result.append(guarded(check_id, probe)),
        name=f"diagnostics-{check_id.value}",
        daemon=True,
    )
    thread.start()
    thread.join(timeout)
    if result:
        return result[0]
    return Check(check_id, State.FAULT, "timeout", f"no answer within {timeout:g} s")


def _simulated(check: Check, kind: str, key: str) -> Check:
    """A simulated device on a kiosk is worth a warning: residents cannot really use it."""
    if kind != "simulated" or check.state is not State.OK:
        return check
    text = f'simulated device ([devices] {key} = "simulated"); {check.text}'
    return Check(check.id, State.WARNING, "simulated", text, check.details | {"simulated": True})


# --- devices -------------------------------------------------------------------------------------
def card_reader_check(status: ReaderStatus, kind: str = "pcsc") -> Check:
    details = {
        "service_reachable": status.service_reachable,
        "reader_present": status.reader_present,
        "reader_name": status.reader_name,
        "card_present": status.card_present,
    }
    cid = CheckId.CARD_READER
    if not status.service_reachable:
        text = "PC/SC service (pcscd) not reachable: start pcscd"
        return Check(cid, State.FAULT, "pcscd_unreachable", text, details)
    if not status.reader_present:
        text = "no card reader found: check the USB cable and [devices] card_reader"
        return Check(cid, State.FAULT, "no_reader", text, details)
    card = "card inserted" if status.card_present else "no card"
    ok = Check(cid, State.OK, "ok", f"{status.reader_name}: ready, {card}", details)
    return _simulated(ok, kind, "card")


def probe_card_reader(status: Callable[[], ReaderStatus], kind: str = "pcsc") -> Check:
    """Call on the card worker thread with the reader's `status` method."""
    return guarded(CheckId.CARD_READER, lambda: card_reader_check(status(), kind))


def fingerprint_check(info: SensorInfo, kind: str = "zfm") -> Check:
    details = {
        "system_id": info.system_id,
        "capacity": info.capacity,
        "security_level": info.security_level,
        "address": f"0x{info.address:08X}",
        "packet_size": info.packet_size,
        "baud_rate": info.baud_rate,
    }
    text = f"responding: capacity {info.capacity}, {info.baud_rate} baud"
    return _simulated(
        Check(CheckId.FINGERPRINT, State.OK, "ok", text, details), kind, "fingerprint"
    )


def probe_fingerprint(info: Callable[[], SensorInfo], kind: str = "zfm") -> Check:
    """Call on the fingerprint worker thread with the sensor's `info` method."""
    return guarded(CheckId.FINGERPRINT, lambda: fingerprint_check(info(), kind))


_PRINTER_FAULTS = {
    "out_of_paper": "out of paper: load paper",
    "paper_jam": "paper jam: open the printer and remove the paper",
    "offline": "printer offline: check its power and cable",
    "disabled": "queue disabled: enable it (cupsenable) after fixing the printer",
    "unavailable": "printer unavailable: check CUPS and [devices] printer_name",
}


def printer_check(status: PrinterStatus, kind: str = "cups") -> Check:
    details = {
        "name": status.name,
        "state": status.state.value,
        "reasons": list(status.reasons),
        "message": status.message,
        "queued_jobs": status.queued_jobs,
    }
    cid = CheckId.PRINTER
    state = status.state.value
    if state in _PRINTER_FAULTS:
        text = f"{status.name}: {_PRINTER_FAULTS[state]}"
        if status.message:
            text += f" ({status.message})"
        return Check(cid, State.FAULT, state, text, details)
    warnings = [r for r in status.reasons if r.endswith("-warning")]
    if warnings:
        text = f"{status.name}: {state}, but {', '.join(warnings)}"
        return Check(cid, State.WARNING, "printer_warning", text, details)
    if status.queued_jobs > PRINTER_QUEUE_WARNING:
        text = f"{status.name}: {status.queued_jobs} jobs waiting"
        return Check(cid, State.WARNING, "queue_long", text, details)
    ok = Check(cid, State.OK, "ok", f"{status.name}: {state}, {status.queued_jobs} queued", details)
    return _simulated(ok, kind, "printer")


def probe_printer(status: Callable[[], PrinterStatus], kind: str = "cups") -> Check:
    """Call on the printer worker thread with the printer's `status` method."""
    return guarded(CheckId.PRINTER, lambda: printer_check(status(), kind))


# --- the county platform -------------------------------------------------------------------------
@dataclass(frozen=True)
class Health:
    """The answer of GET /api/v1/health."""

    reachable: bool
    status_code: int | None = None
    clock_offset_s: float | None = None  # platform clock minus kiosk clock, measured now
    error: str = ""


def probe_health(base_url: str, timeout: float = HEALTH_TIMEOUT_S) -> Health:
    """Never raises. Offset = server_time - our clock at the answer (good to a second)."""
    try:
        response = requests.get(base_url.rstrip("/") + HEALTH_PATH, timeout=timeout)
    except requests.RequestException as e:
        return Health(False, error=_request_error(e, timeout))
    received = time.time()
    if response.status_code != 200:
        return Health(True, response.status_code, error=f"HTTP {response.status_code}")
    try:
        server_time = datetime.fromisoformat(str(response.json()["server_time"]))
        offset = round(server_time.timestamp() - received, 1)
    except (ValueError, KeyError, TypeError):
        return Health(True, 200, error="the health answer is not the expected JSON")
    return Health(True, 200, offset)


def _request_error(e: requests.RequestException, timeout: float) -> str:
    """A short reason instead of urllib3's paragraph."""
    text = str(e)
    if isinstance(e, requests.Timeout):
        return f"no answer within {timeout:g} s"
    for needle, reason in (
        ("Connection refused", "connection refused"),
        ("Name or service not known", "unknown host name"),
        ("Temporary failure in name resolution", "no DNS"),
        ("No route to host", "no route to host"),
        ("Network is unreachable", "network unreachable"),
        ("Connection reset", "connection reset"),
    ):
        if needle in text:
            return reason
    return type(e).__name__


@dataclass(frozen=True)
class _Finding:
    state: State
    reason: str
    text: str


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 172800:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} days ago"


def county_check(
    health: Health, sync: SyncStatus | None, now: float, sync_error: str = ""
) -> Check:
    """Reachability, clock, and what the local store says about synchronisation."""
    details: dict[str, Any] = {
        "reachable": health.reachable,
        "http_status": health.status_code,
        "health_error": health.error or None,
        "measured_clock_offset_s": health.clock_offset_s,
    }
    found: list[_Finding] = []
    if not health.reachable:
        found.append(_Finding(State.WARNING, "unreachable", f"not reachable ({health.error})"))
    elif health.error:
        found.append(_Finding(State.WARNING, "unhealthy", f"platform answers: {health.error}"))
    offset: float | None = health.clock_offset_s
    if sync is None:
        found.append(_Finding(State.FAULT, "no_store", f"local store unavailable: {sync_error}"))
    else:
        details |= {
            "last_success_at": _iso(sync.last_success_at),
            "last_attempt_at": _iso(sync.last_attempt_at),
            "pending": sync.pending,
            "rejected": sync.rejected,
            "oldest_pending_age_s": sync.oldest_pending_age_s,
            "feed_ages_s": dict(sync.feed_ages_s),
            "stored_clock_offset_s": sync.clock_offset_s,
        }
        offset = sync.clock_offset_s if offset is None else offset
        found.extend(_sync_findings(sync, now))
    if offset is not None and abs(offset) > CLOCK_WARNING_S:
        text = f"kiosk clock off by {offset:+.0f} s: set the system time"
        found.append(_Finding(State.WARNING, "clock_offset", text))
    details["clock_offset_s"] = offset
    if not found:
        last = sync.last_success_at if sync else None
        text = "reachable" + (f", last sync {_ago(now - last)}" if last else "")
        text += f", {sync.pending if sync else 0} pending"
        return Check(CheckId.COUNTY, State.OK, "ok", text, details)
    found.sort(key=lambda f: -SEVERITY[f.state])
    text = "; ".join(f.text for f in found)
    return Check(CheckId.COUNTY, found[0].state, found[0].reason, text, details)


def _sync_findings(sync: SyncStatus, now: float) -> list[_Finding]:
    found: list[_Finding] = []
    if sync.feed_ages_s.get("roster") is None:
        found.append(_Finding(State.FAULT, "no_roster", "no resident roster yet: run a sync"))
    if sync.last_success_at is None:
        found.append(_Finding(State.WARNING, "never_synced", "no complete sync round yet"))
    else:
        age = now - sync.last_success_at
        if age > SYNC_STALE_FAULT_S:
            found.append(_Finding(State.FAULT, "sync_stale", f"last sync {_ago(age)}"))
        elif age > SYNC_STALE_WARNING_S:
            found.append(_Finding(State.WARNING, "sync_stale", f"last sync {_ago(age)}"))
    if sync.rejected:
        text = f"{sync.rejected} transaction(s) rejected by the platform: see the list"
        found.append(_Finding(State.WARNING, "rejected", text))
    oldest = sync.oldest_pending_age_s
    if oldest is not None and oldest > PENDING_AGE_WARNING_S:
        text = f"{sync.pending} pending, oldest queued {_ago(oldest)}"
        found.append(_Finding(State.WARNING, "pending_old", text))
    for feed, feed_age in sync.feed_ages_s.items():
        if feed != "roster" and feed_age is not None and feed_age > FEED_STALE_WARNING_S:
            found.append(_Finding(State.WARNING, "feed_stale", f"{feed} pulled {_ago(feed_age)}"))
    return found


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds") if ts else None


def probe_county(
    base_url: str,
    sync_status: Callable[[], SyncStatus],
    clock: Callable[[], float] = time.time,
    timeout: float = HEALTH_TIMEOUT_S,
) -> Check:
    """Run on a thread that may block for `timeout` (never the GUI thread); `sync_status` is a
    Store's method on a store owned by that thread."""

    def probe() -> Check:
        health = probe_health(base_url, timeout)
        try:
            sync, error = sync_status(), ""
        except Exception as e:  # a damaged or locked database is a finding, not a crash
            sync, error = None, describe(e)
        return county_check(health, sync, clock(), error)

    return guarded(CheckId.COUNTY, probe)


# --- the database --------------------------------------------------------------------------------
def database_check(db_path: Path, template_key: Callable[[], bytes]) -> Check:
    """The database opened afresh and checked in full (offline_cache/integrity.py: quick_check,
    every outbox and audit row read, the ledger compared); FAULT `database_damaged` with the
    reason and what to run. Run on a worker thread: a large database takes a moment."""
    from offline_cache import integrity
    from offline_cache.errors import DATABASE_DAMAGED, REPAIR_HINT, DatabaseDamaged, damage_of
    from offline_cache.store import Store

    cid = CheckId.DATABASE

    def probe() -> Check:
        details: dict[str, Any] = {"path": str(db_path)}
        try:
            store = Store.open(db_path, template_key())
            try:
                integrity.check(store.connection, db_path)
                queue = store.queue_summary()
            finally:
                store.close()
        except Exception as e:
            damage = e if isinstance(e, DatabaseDamaged) else damage_of(e, db_path)
            if damage is None:
                raise
            text = f"database damaged: {damage.reason}; {REPAIR_HINT}"
            return Check(cid, State.FAULT, DATABASE_DAMAGED, text, details)
        details |= {"pending": queue.pending, "delivered": queue.delivered}
        text = f"intact: {queue.pending} pending, {queue.delivered} delivered"
        return Check(cid, State.OK, "ok", text, details)

    return guarded(cid, probe)


# --- the machine ---------------------------------------------------------------------------------
def disk_check(data_dir: Path, usage: Callable[[Path], Any] = shutil.disk_usage) -> Check:
    """Free space where the database and logs live. `usage` returns (total, used, free)."""

    def probe() -> Check:
        if not data_dir.is_dir():
            return Check(
                CheckId.DISK, State.FAULT, "no_data_dir", f"data directory {data_dir} missing"
            )
        total, _used, free = usage(data_dir)
        details = {"path": str(data_dir), "total_bytes": total, "free_bytes": free}
        text = f"{free / 1024**3:.1f} GiB free of {total / 1024**3:.1f} GiB"
        if free < DISK_FAULT_FREE_BYTES:
            return Check(CheckId.DISK, State.FAULT, "disk_full", f"{text}: free space now", details)
        if free < DISK_WARNING_FREE_BYTES:
            return Check(CheckId.DISK, State.WARNING, "disk_low", text, details)
        return Check(CheckId.DISK, State.OK, "ok", text, details)

    return guarded(CheckId.DISK, probe)


def software_check(config_source: Path | None = None) -> Check:
    details = {
        "kiosk_version": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "config": str(config_source) if config_source else None,
        "executable": sys.executable,
    }
    return Check(CheckId.SOFTWARE, State.OK, "ok", f"kiosk {__version__}", details)


# --- several probes at once (kiosk-admin) --------------------------------------------------------
def collect(probes: dict[CheckId, tuple[Callable[[], Check], float]]) -> DiagnosticsReport:
    """Run the probes concurrently, each with its deadline; the report keeps `CheckId` order."""
    results: dict[CheckId, Check] = {}
    threads = [
        threading.Thread(
            target=lambda cid=cid, p=p, t=t: results.__setitem__(cid, with_deadline(cid, p, t)),
            daemon=True,
        )
        for cid, (p, t) in probes.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = tuple(results[cid] for cid in CheckId if cid in results)
    return DiagnosticsReport(ordered, utc_now_iso())
