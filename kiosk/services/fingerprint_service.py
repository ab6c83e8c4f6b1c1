"""The fingerprint sensor and the certification records, on their own thread.

`FingerprintWorker` opens and owns the sensor (drivers.fingerprint factory; a ZfmSensor belongs to
the thread that opened it) and its own `Store` connection (the store is one-connection-per-thread;
WAL lets the sync thread write meanwhile). It answers two queued requests:

- `lookup(person_id)`: the resident from the cache -> a `CertificationPlan`
  (kiosk.core.certification);
- `verify(person_id, benefit, fingers)`: for each enrolled finger in roster order, up to
  `[devices] fingerprint_attempts` attempts: wait for a finger, capture and compare 1:1 with that
  finger's template; a poor image is guidance and costs an attempt; between attempts the finger is
  lifted. The outcome is recorded (`Store.record_certification`, one commit) BEFORE `finished` is
  emitted, so the screen never announces what is not stored.

A walk-away (card removed, idle timeout, 首页) sets the cancel event: the wait ends with
`Cancelled` and nothing is recorded — no verification was completed. `FingerprintService` is the
GUI-side facade.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from drivers.errors import Cancelled, DeviceError, PoorImage, SensorTimeout
from drivers.fingerprint.api import EnrolledFinger, FingerprintSensor
from kiosk.config import Config
from kiosk.core.certification import (
    AttemptTally,
    VerificationResult,
    VerifyOutcome,
    plan_for,
)
from kiosk.core.masking import mask_person_id
from kiosk.services.threads import assert_in_thread, start_worker, stop_worker
from offline_cache.models import Resident
from offline_cache.store import Store

log = logging.getLogger(__name__)

LIFT_TIMEOUT = 10.0  # s per wait for a lifted finger; the wait repeats until lifted or cancelled
SENSOR_UNAVAILABLE = "sensor_unavailable"
NOT_ENROLLED = "not_enrolled"
STORE_FAILED = "store_failed"


def open_configured_sensor(config: Config) -> Callable[[], FingerprintSensor]:
    d = config.devices

    def factory() -> FingerprintSensor:
        from drivers.fingerprint.factory import open_fingerprint_sensor

        return open_fingerprint_sensor(
            d.fingerprint, d.fingerprint_port, d.fingerprint_baud, d.fingerprint_address,
            d.fingerprint_password,
        )  # fmt: skip

    return factory


class FingerprintWorker(QObject):
    plan_ready = Signal(int, object)  # request id, CertificationPlan
    place_finger = Signal(int, str, int)  # request id, finger, attempts left
    poor_image = Signal(int, int)  # request id, attempts left
    no_match = Signal(int, int)  # request id, attempts left
    lift_finger = Signal(int)
    next_finger = Signal(int, str)
    finished = Signal(int, object)  # request id, VerificationResult
    failed = Signal(int, str)  # request id, code (sensor_unavailable, not_enrolled, store_failed)
    cancelled = Signal(int)

    def __init__(
        self,
        config: Config,
        open_sensor: Callable[[], FingerprintSensor],
        clock: Callable[[], datetime] | None,
    ) -> None:
        super().__init__()
        self._config = config
        self._open_sensor = open_sensor
        self._cancel = threading.Event()  # the running verification's own (set: walked away)
        self._clock = clock
        self._sensor: FingerprintSensor | None = None
        self._store: Store | None = None

    # --- life cycle ---------------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        assert_in_thread(self)
        self._open()

    @Slot()
    def stop(self) -> None:
        if self._sensor is not None:
            try:
                self._sensor.close()
            except DeviceError as e:
                log.warning("closing the fingerprint sensor: %s", e.detail)
            self._sensor = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def _open(self) -> bool:
        if self._sensor is not None:
            return True
        try:
            self._sensor = self._open_sensor()
        except DeviceError as e:
            log.warning("fingerprint sensor not available: %s", e.detail)
            return False
        return True

    def _db(self) -> Store:
        if self._store is None:
            c = self._config
            self._store = Store.open(c.database_path, c.read_template_key())
        return self._store

    def _now(self) -> datetime:
        return self._clock() if self._clock is not None else self._db().now()

    # --- requests -----------------------------------------------------------------------------
    @Slot(int, str)
    def lookup(self, request: int, person_id: str) -> None:
        assert_in_thread(self)
        try:
            resident = self._db().resident_by_person_id(person_id)
            plan = plan_for(resident, person_id, self._now())
        except Exception as e:  # the cache is unreadable: the counter, not a crash
            log.error("certification lookup failed: %s", type(e).__name__)
            self.failed.emit(request, STORE_FAILED)
            return
        self.plan_ready.emit(request, plan)

    @Slot(int, str, str, list, object)
    def verify(
        self, request: int, person_id: str, benefit: str, fingers: list[Any], cancel: Any
    ) -> None:
        assert_in_thread(self)
        assert isinstance(cancel, threading.Event)
        self._cancel = cancel
        if cancel.is_set():  # superseded before it began
            self.cancelled.emit(request)
            return
        try:
            resident = self._db().resident_by_person_id(person_id)
        except Exception as e:
            log.error("certification lookup failed: %s", type(e).__name__)
            self.failed.emit(request, STORE_FAILED)
            return
        enrolled = _enrolled(resident, [str(f) for f in fingers])
        if not enrolled:
            self.failed.emit(request, NOT_ENROLLED)
            return
        if not self._open():
            self.failed.emit(request, SENSOR_UNAVAILABLE)
            return
        try:
            tally, matched = self._attempts(request, enrolled)
        except Cancelled:
            log.info("verification cancelled (resident left); nothing recorded")
            self.cancelled.emit(request)
            return
        except DeviceError as e:
            log.warning("fingerprint sensor failed: %s (%s)", e.code, e.detail)
            self._drop_sensor()
            self.failed.emit(request, SENSOR_UNAVAILABLE)
            return
        self._record(request, person_id, benefit, tally, matched)

    def _attempts(
        self, request: int, enrolled: list[EnrolledFinger]
    ) -> tuple[AttemptTally, str | None]:
        """Run the attempts; returns the tally and the matching finger (None: no match)."""
        assert self._sensor is not None
        sensor, d = self._sensor, self._config.devices
        tally = AttemptTally()
        for index, finger in enumerate(enrolled):
            if index:
                self.next_finger.emit(request, finger.finger)
            left = d.fingerprint_attempts
            while left > 0:
                self.place_finger.emit(request, finger.finger, left)
                self._wait(lambda: sensor.wait_for_finger(d.finger_timeout, self._cancel))
                try:
                    result = sensor.capture_and_compare([finger], d.fingerprint_threshold)
                except PoorImage as e:
                    log.info("poor image: %s", e.detail)
                    tally.add(None, finger.finger)
                    left -= 1
                    self.poor_image.emit(request, left)
                else:
                    tally.add(result.score, finger.finger)
                    if result.matched:
                        return tally, finger.finger
                    left -= 1
                    self.no_match.emit(request, left)
                self.lift_finger.emit(request)
                self._wait(lambda: sensor.wait_for_lift(LIFT_TIMEOUT, self._cancel))
        return tally, None

    def _wait(self, wait: Callable[[], None]) -> None:
        """Repeat a sensor wait until it succeeds: nobody is hurried; a walk-away cancels it."""
        while True:
            try:
                wait()
                return
            except SensorTimeout:
                if self._cancel.is_set():
                    raise Cancelled("cancelled while waiting") from None

    def _record(
        self, request: int, person_id: str, benefit: str, tally: AttemptTally, matched: str | None
    ) -> None:
        if self._cancel.is_set():
            # the resident left while the last comparison ran: as if it had not completed
            self.cancelled.emit(request)
            return
        store = self._db()
        now = self._now()
        passed = matched is not None
        try:
            repeat = passed and store.certified_this_period(person_id, benefit, now)
            tx = store.record_certification(
                person_id, benefit, passed, tally.best_score, tally.attempts,
                matched or tally.best_finger, now,
            )  # fmt: skip
            after = store.resident_by_person_id(person_id)
        except Exception as e:
            log.error("recording the certification failed: %s", type(e).__name__)
            self.failed.emit(request, STORE_FAILED)
            return
        next_due = None
        if passed and after is not None:
            b = next((b for b in after.benefits if b.kind == benefit), None)
            next_due = b.certification.due_by if b is not None else None
        log.info(
            "certification %s for %s (%s, %d attempts)",
            "passed" if passed else "failed", mask_person_id(person_id), benefit, tally.attempts,
            extra={"event": "certification"},
        )  # fmt: skip
        self.finished.emit(
            request,
            VerificationResult(
                outcome=VerifyOutcome.PASSED if passed else VerifyOutcome.FAILED,
                benefit=benefit, person_id=person_id, tx_id=tx, attempts=tally.attempts,
                score=tally.best_score, finger=matched or tally.best_finger, at=now,
                next_due=next_due, repeat=repeat,
            ),
        )  # fmt: skip

    def _drop_sensor(self) -> None:
        if self._sensor is not None:
            with contextlib.suppress(DeviceError):
                self._sensor.close()
            self._sensor = None


def _enrolled(resident: Resident | None, fingers: list[str]) -> list[EnrolledFinger]:
    """The resident's templates for `fingers`, in roster order."""
    if resident is None:
        return []
    wanted = set(fingers) if fingers else None
    return [
        EnrolledFinger(f.finger, f.template)
        for f in resident.fingerprints
        if wanted is None or f.finger in wanted
    ]


class FingerprintService(QObject):
    """GUI-side facade. Each request gets an id; signals of a superseded request are dropped, so a
    late answer can never reach the next resident's screens."""

    plan_ready = Signal(object)
    place_finger = Signal(str, int)
    poor_image = Signal(int)
    no_match = Signal(int)
    lift_finger = Signal()
    next_finger = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    _lookup_requested = Signal(int, str)
    _verify_requested = Signal(int, str, str, list, object)

    def __init__(
        self,
        config: Config,
        open_sensor: Callable[[], FingerprintSensor] | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._request = 0
        self.busy = False
        self._worker = FingerprintWorker(
            config, open_sensor or open_configured_sensor(config), clock
        )
        w = self._worker
        w.plan_ready.connect(lambda r, p: self._if_current(r, self.plan_ready, p))
        w.place_finger.connect(lambda r, f, n: self._if_current(r, self.place_finger, f, n))
        w.poor_image.connect(lambda r, n: self._if_current(r, self.poor_image, n))
        w.no_match.connect(lambda r, n: self._if_current(r, self.no_match, n))
        w.lift_finger.connect(lambda r: self._if_current(r, self.lift_finger))
        w.next_finger.connect(lambda r, f: self._if_current(r, self.next_finger, f))
        w.finished.connect(lambda r, res: self._done(r, self.finished, res))
        w.failed.connect(lambda r, code: self._done(r, self.failed, code))
        w.cancelled.connect(lambda r: self._done(r, self.cancelled))
        self._lookup_requested.connect(w.lookup)
        self._verify_requested.connect(w.verify)
        self._thread: QThread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = start_worker(self._worker, "fingerprint-worker")

    def shutdown(self) -> None:
        self.cancel()
        if self._thread is not None:
            stop_worker(self._worker, self._thread)
            self._thread = None

    def request_plan(self, person_id: str) -> None:
        self._request += 1
        self._lookup_requested.emit(self._request, person_id)

    def request_verify(self, person_id: str, benefit: str, fingers: list[str]) -> None:
        self._request += 1
        self._cancel.set()  # never two verifications: a previous one stops
        self._cancel = threading.Event()
        self.busy = True
        self._verify_requested.emit(self._request, person_id, benefit, list(fingers), self._cancel)

    def cancel(self) -> None:
        """The resident left: end the wait on the sensor; later answers are dropped."""
        self._request += 1
        self.busy = False
        self._cancel.set()

    def _if_current(self, request: int, signal: Any, *args: Any) -> None:
        if request == self._request:
            signal.emit(*args)

    def _done(self, request: int, signal: Any, *args: Any) -> None:
        if request == self._request:
            self.busy = False
            signal.emit(*args)
