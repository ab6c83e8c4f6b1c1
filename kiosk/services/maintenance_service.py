"""Maintenance mode's worker: everything a technician's action needs that may block.

`MaintenanceWorker` lives on its own QThread with its own `Store` (audit entries, rejected list,
sync status) and does the slow work there: scrypt PIN checks (~0.1 s), the county health probe,
disk and log checks, exports to a USB stick. It opens no device: the sensor's one owner is the
fingerprint service, which the maintenance flow asks for the sensor check and the test capture
(`test_capture_with` runs on that service's thread); the printer's is the printer service, asked
for the printer check and the test page (`action_of_test_page` turns its answer into this
worker's `ActionResult`). `MaintenanceService` is the GUI-side facade.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from drivers.errors import DeviceError
from drivers.fingerprint.api import TEMPLATE_SIZE, EnrolledFinger, FingerprintSensor
from kiosk.config import Config
from kiosk.core.maintenance_audit import MaintenanceAction, audit_action
from kiosk.ops.bundle import export_bundle, export_rejected, rejected_entries
from kiosk.ops.diagnostics import (
    Check,
    DiagnosticsReport,
    database_check,
    disk_check,
    probe_county,
    software_check,
)
from kiosk.ops.diagnostics_logs import check_log_errors
from kiosk.ops.technician import AttemptResult, TechnicianGate
from kiosk.private_files import make_private_dir
from kiosk.services.printer_service import TestPageResult
from kiosk.services.store_faults import report_store_error
from kiosk.services.threads import assert_in_thread, start_worker, stop_worker
from offline_cache.store import Store

log = logging.getLogger(__name__)

MEDIA_ROOTS = (Path("/media"), Path("/mnt"))  # where USB sticks are mounted
EXPORTS_DIR = "exports"  # under the data directory: always offered
MAX_MEDIA_DEPTH = 2  # /media/<user>/<label>
# The test capture compares with this fixed pattern: a technician's finger is not enrolled, so
# the score only shows that the sensor captured and compared; the image quality is the result.
REFERENCE_TEMPLATE = bytes(range(256)) * (TEMPLATE_SIZE // 256)


@dataclass(frozen=True)
class ActionResult:
    """The outcome of one action, for the screen: `ok`, a short technical message, facts."""

    action: MaintenanceAction
    ok: bool
    message: str
    details: dict[str, Any]


def removable_folders(data_dir: Path, roots: tuple[Path, ...] = MEDIA_ROOTS) -> list[Path]:
    """Writable folders a bundle can go to: mounted media under /media and /mnt, then the data
    directory's exports folder (created)."""
    found: list[Path] = []
    for root in roots:
        level = [root]
        for _ in range(MAX_MEDIA_DEPTH):
            nxt: list[Path] = []
            for folder in level:
                try:
                    children = sorted(p for p in folder.iterdir() if p.is_dir())
                except OSError:
                    continue
                for child in children:
                    if child.is_mount():
                        found.append(child)
                    else:
                        nxt.append(child)
            level = nxt
    exports = data_dir / EXPORTS_DIR
    try:
        make_private_dir(exports)
        found.append(exports)
    except OSError as e:
        log.warning("exports folder %s unavailable: %s", exports, e)
    return found


def test_capture_with(
    sensor: FingerprintSensor | None, config: Config, cancel: threading.Event
) -> ActionResult:
    """Wait for a finger, capture and compare it; run on the thread that owns `sensor`.
    The result holds the image quality and the score, never a template."""
    action = MaintenanceAction.TEST_FINGERPRINT
    if sensor is None:
        return ActionResult(action, False, "sensor_unavailable: the sensor is not open", {})
    d = config.devices
    try:
        sensor.wait_for_finger(d.finger_timeout, cancel)
        result = sensor.capture_and_compare(
            [EnrolledFinger("reference", REFERENCE_TEMPLATE)], d.fingerprint_threshold
        )
    except DeviceError as e:
        quality = "poor" if e.code == "poor_image" else None
        return ActionResult(action, False, f"{e.code}: {e.detail}", {"quality": quality})
    return ActionResult(action, True, "quality good", {"quality": "good", "score": result.score})


def action_of_test_page(result: TestPageResult) -> ActionResult:
    """The printer service's answer to a test page, as the actions screen and the audit take it."""
    details: dict[str, Any] = {"job": result.job_id} if result.printed else {}
    return ActionResult(MaintenanceAction.TEST_PRINT, result.printed, result.message, details)


class MaintenanceWorker(QObject):
    pin_result = Signal(AttemptResult)
    check_done = Signal(Check)
    action_done = Signal(ActionResult)
    rejected_listed = Signal(list)  # rejected_entries(...)
    media_listed = Signal(list)  # list[str]
    audit_failed = Signal(str)

    def __init__(
        self,
        config: Config,
        gate: TechnicianGate,
        media_roots: tuple[Path, ...],
    ) -> None:
        super().__init__()
        self._config = config
        self._gate = gate
        self._media_roots = media_roots
        self._store: Store | None = None

    @Slot()
    def start(self) -> None:
        assert_in_thread(self)

    @Slot()
    def stop(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _open_store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self._config.database_path, self._config.read_template_key())
        return self._store

    # --- entry and audit ------------------------------------------------------------------------
    @Slot(str)
    def attempt_pin(self, pin: str) -> None:
        assert_in_thread(self)
        self.pin_result.emit(self._gate.attempt(pin))

    @Slot(str, str)
    def audit(self, action: str, detail: str) -> None:
        assert_in_thread(self)
        try:
            audit_action(self._open_store(), MaintenanceAction(action), detail)
        except Exception as e:  # the action happened; the screen must say the audit failed
            log.error("audit of %s failed: %s", action, e)
            report_store_error(e, "maintenance")
            self.audit_failed.emit(f"{action}: {type(e).__name__}")

    # --- diagnostics ----------------------------------------------------------------------------
    @Slot()
    def local_checks(self) -> None:
        """County platform, disk, software, log errors."""
        assert_in_thread(self)
        config = self._config
        self.check_done.emit(
            probe_county(config.county.url, lambda: self._open_store().sync_status())
        )
        self.check_done.emit(database_check(config.database_path, config.read_template_key))
        self.check_done.emit(disk_check(config.paths.data_dir))
        self.check_done.emit(software_check(config.source))
        self.check_done.emit(check_log_errors(config.log_dir, datetime.now().timestamp()))

    # --- actions --------------------------------------------------------------------------------
    def _done(self, action: MaintenanceAction, ok: bool, message: str, **details: Any) -> None:
        self.action_done.emit(ActionResult(action, ok, message, details))

    @Slot()
    def list_rejected(self) -> None:
        assert_in_thread(self)
        try:
            self.rejected_listed.emit(rejected_entries(self._open_store()))
        except Exception as e:
            log.error("rejected list unavailable: %s", e)
            self.rejected_listed.emit([])

    @Slot()
    def list_media(self) -> None:
        assert_in_thread(self)
        folders = removable_folders(self._config.paths.data_dir, self._media_roots)
        self.media_listed.emit([str(p) for p in folders])

    @Slot(str)
    def export_rejected(self, folder: str) -> None:
        assert_in_thread(self)
        action = MaintenanceAction.EXPORT_REJECTED
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        path = Path(folder) / f"kiosk-rejected-{self._config.terminal.id}-{stamp}.json"
        try:
            count = export_rejected(self._open_store(), path)
        except Exception as e:
            self._done(action, False, f"{type(e).__name__}: {e}")
            return
        self._done(action, True, f"{count} written to {path}", path=str(path), count=count)

    @Slot(str, object)
    def export_bundle(self, folder: str, report: object) -> None:
        assert_in_thread(self)
        action = MaintenanceAction.EXPORT_BUNDLE
        shown = report if isinstance(report, DiagnosticsReport) else None
        try:
            path = export_bundle(self._config, Path(folder), shown)
        except Exception as e:
            self._done(action, False, f"{type(e).__name__}: {e}")
            return
        self._done(action, True, f"written to {path}", path=str(path))


class MaintenanceService(QObject):
    """GUI-side facade: requests return at once; results come back as the worker's signals."""

    _pin = Signal(str)
    _audit = Signal(str, str)
    _local = Signal()
    _rejected = Signal()
    _media = Signal()
    _export_rejected = Signal(str)
    _export_bundle = Signal(str, object)

    def __init__(
        self,
        config: Config,
        gate: TechnicianGate,
        *,
        media_roots: tuple[Path, ...] = MEDIA_ROOTS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = MaintenanceWorker(config, gate, media_roots)
        w = self.worker
        pairs: list[tuple[Any, Any]] = [
            (self._pin, w.attempt_pin),
            (self._audit, w.audit),
            (self._local, w.local_checks),
            (self._rejected, w.list_rejected),
            (self._media, w.list_media),
            (self._export_rejected, w.export_rejected),
            (self._export_bundle, w.export_bundle),
        ]
        for signal, slot in pairs:
            signal.connect(slot)
        self._thread: QThread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = start_worker(self.worker, "maintenance-worker")

    def shutdown(self) -> None:
        if self._thread is not None:
            stop_worker(self.worker, self._thread)
            self._thread = None

    def attempt_pin(self, pin: str) -> None:
        self._pin.emit(pin)

    def audit(self, action: MaintenanceAction, detail: str = "") -> None:
        self._audit.emit(action.value, detail)

    def local_checks(self) -> None:
        self._local.emit()

    def list_rejected(self) -> None:
        self._rejected.emit()

    def list_media(self) -> None:
        self._media.emit()

    def export_rejected(self, folder: str) -> None:
        self._export_rejected.emit(folder)

    def export_bundle(self, folder: str, report: DiagnosticsReport | None) -> None:
        self._export_bundle.emit(folder, report)
