"""The fingerprint sensor and the certification records, on their own thread.

`FingerprintWorker` opens and owns the sensor (drivers.fingerprint factory; a ZfmSensor belongs to
the thread that opened it) and its own `Store` connection (the store is one-connection-per-thread;
WAL lets the sync thread write meanwhile). It answers two queued requests:

- `lookup(person_id)`: the resident from the cache -> a `CertificationPlan`
  (kiosk.core.certification);
- `verify(person_id, benefit, fingers)`: for each enrolled finger in roster order, up to
  `[devices] fingerprint_attempts` attempts, counted once across the fingers (`AttemptTally`):
  wait for a finger, capture and compare 1:1 with that finger's template; a poor image is
  guidance and costs an attempt; between attempts the finger is lifted, and `next_finger` says
  when the next try is on another finger. After the last try no "tries left" is sent: the
  outcome follows. The outcome is recorded (`Store.record_certification`, one commit) BEFORE
  `finished` is emitted, so the screen never announces what is not stored;
- `identify(person_id, fingers)`: the same attempts, to prove who is at the kiosk for another
  service (a statement: "card + fingerprint" instead of the card PIN). It records NOTHING: the
  service that follows records its own transaction. Answers `identified(IdentifyResult)`.

A walk-away (card removed, idle timeout, 首页) sets the cancel event: the wait ends with
`Cancelled` and nothing is recorded — no verification was completed. `FingerprintService` is the
GUI-side facade.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from drivers.errors import (
    Cancelled,
    DeviceError,
    NotEnrolled,
    PoorImage,
    SensorTimeout,
    SensorUnavailable,
)
from drivers.fingerprint.api import EnrolledFinger, FingerprintSensor
from kiosk.config import Config
from kiosk.core import faults
from kiosk.core.certification import (
    AttemptTally,
    CertificationPlan,
    VerificationResult,
    VerifyOutcome,
    plan_for,
)
from kiosk.core.masking import mask_person_id
from kiosk.ops import devices
from kiosk.services.store_faults import report_store_error
from kiosk.services.threads import assert_in_thread, start_worker, stop_worker
from offline_cache.models import Resident
from offline_cache.store import Store

log = logging.getLogger(__name__)

LIFT_TIMEOUT = 10.0  # s per wait for a lifted finger; the wait repeats until lifted or cancelled


def open_configured_sensor(config: Config) -> Callable[[], FingerprintSensor]:
    """A factory the worker thread calls, so the thread that opens the sensor owns it."""
    return lambda: devices.open_configured_sensor(config)


@dataclass(frozen=True)
class IdentifyResult:
    """An identification's outcome: no transaction was written for it."""

    person_id: str
    matched: bool
    finger: str | None  # the matching finger, or the best-scoring one
    attempts: int
    score: int


class FingerprintWorker(QObject):
    plan_ready = Signal(int, object)  # request id, CertificationPlan
    place_finger = Signal(int, str, int)  # request id, finger, tries left in all (counted once)
    poor_image = Signal(int, int)  # request id, attempts left
    no_match = Signal(int, int)  # request id, attempts left
    lift_finger = Signal(int)
    next_finger = Signal(int, str)  # request id, the finger the next try is on (a switch)
    finished = Signal(int, object)  # request id, VerificationResult
    failed = Signal(int, str)  # request id, code (sensor_unavailable, not_enrolled, store_failed)
    cancelled = Signal(int)
    probed = Signal(object)  # what a `run_probe` function returned
    identified = Signal(int, object)  # request id, IdentifyResult
    identify_failed = Signal(int, str)  # request id, code (as `failed`)
    fingers_known = Signal(str, list)  # person id, enrolled fingers (roster order; [] unknown)

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
    @Slot(object)
    def run_probe(self, probe: Callable[[FingerprintSensor | None], object]) -> None:
        """Run `probe(sensor)` on this thread (maintenance diagnostics and test capture), with the
        sensor opened if it can be; None: it cannot. The sensor never leaves its own thread."""
        assert_in_thread(self)
        self._open()
        self.probed.emit(probe(self._sensor))

    @Slot(int, str)
    def lookup(self, request: int, person_id: str) -> None:
        assert_in_thread(self)
        try:
            resident = self._db().resident_by_person_id(person_id)
            plan = plan_for(resident, person_id, self._now())
        except Exception as e:  # the cache is unreadable: the counter, not a crash
            log.error("certification lookup failed: %s", type(e).__name__)
            report_store_error(e, "fingerprint")
            self.failed.emit(request, faults.STORE_FAILED)
            return
        self.plan_ready.emit(request, plan)

    @Slot(str)
    def enrolled_fingers(self, person_id: str) -> None:
        """Which fingers the resident has enrolled (to offer identification by finger at all)."""
        assert_in_thread(self)
        try:
            resident = self._db().resident_by_person_id(person_id)
        except Exception as e:
            log.error("fingerprint lookup failed: %s", type(e).__name__)
            report_store_error(e, "fingerprint")
            resident = None
        self.fingers_known.emit(person_id, [f.finger for f in _enrolled(resident, [])])

    @Slot(int, str, str, list, object)
    def verify(
        self, request: int, person_id: str, benefit: str, fingers: list[Any], cancel: Any
    ) -> None:
        assert_in_thread(self)
        outcome = self._run(request, person_id, fingers, cancel, self.failed)
        if outcome is not None:
            self._record(request, person_id, benefit, *outcome)

    @Slot(int, str, list, object)
    def identify(self, request: int, person_id: str, fingers: list[Any], cancel: Any) -> None:
        """Who is here, by finger: nothing is recorded (see the module docstring)."""
        assert_in_thread(self)
        outcome = self._run(request, person_id, fingers, cancel, self.identify_failed)
        if outcome is None:
            return
        if cancel.is_set():  # the resident left while the last comparison ran
            self.cancelled.emit(request)
            return
        tally, matched = outcome
        log.info(
            "identification by fingerprint %s for %s (%d attempts; nothing recorded)",
            "matched" if matched else "not matched", mask_person_id(person_id), tally.attempts,
            extra={"event": "fingerprint_identify"},
        )  # fmt: skip
        self.identified.emit(
            request,
            IdentifyResult(
                person_id, matched is not None, matched or tally.best_finger, tally.attempts,
                tally.best_score,
            ),
        )  # fmt: skip

    def _run(
        self, request: int, person_id: str, fingers: list[Any], cancel: Any, failed: Any
    ) -> tuple[AttemptTally, str | None] | None:
        """Look up the templates and run the attempts; None when it ended otherwise (failed or
        cancelled, already signalled)."""
        assert isinstance(cancel, threading.Event)
        self._cancel = cancel
        if cancel.is_set():  # superseded before it began
            self.cancelled.emit(request)
            return None
        try:
            resident = self._db().resident_by_person_id(person_id)
        except Exception as e:
            log.error("fingerprint lookup failed: %s", type(e).__name__)
            report_store_error(e, "fingerprint")
            failed.emit(request, faults.STORE_FAILED)
            return None
        enrolled = _enrolled(resident, [str(f) for f in fingers])
        if not enrolled:
            failed.emit(request, NotEnrolled.code)
            return None
        if not self._open():
            failed.emit(request, SensorUnavailable.code)
            return None
        try:
            return self._attempts(request, enrolled)
        except Cancelled:
            log.info("fingerprint wait cancelled (resident left); nothing recorded")
            self.cancelled.emit(request)
        except DeviceError as e:
            log.warning("fingerprint sensor failed: %s (%s)", e.code, e.detail)
            self._drop_sensor()
            failed.emit(request, SensorUnavailable.code)
        return None

    def _attempts(
        self, request: int, enrolled: list[EnrolledFinger]
    ) -> tuple[AttemptTally, str | None]:
        """Run the attempts; returns the tally and the matching finger (None: no match)."""
        assert self._sensor is not None
        sensor, d = self._sensor, self._config.devices
        # one count of tries across the fingers (kiosk.core.certification.AttemptTally)
        tally = AttemptTally(per_finger=d.fingerprint_attempts, fingers=len(enrolled))
        while not tally.exhausted:
            finger = enrolled[tally.finger_index]
            self.place_finger.emit(request, finger.finger, tally.left)
            self._wait(lambda: sensor.wait_for_finger(d.finger_timeout, self._cancel))
            try:
                result = sensor.capture_and_compare([finger], d.fingerprint_threshold)
            except PoorImage as e:
                log.info("poor image: %s", e.detail)
                tally.add(None, finger.finger)
                poor = True
            else:
                tally.add(result.score, finger.finger)
                if result.matched:
                    return tally, finger.finger
                poor = False
            if tally.exhausted:  # the last try: the result follows, never "0 tries left"
                break
            (self.poor_image if poor else self.no_match).emit(request, tally.left)
            if tally.switching:
                self.next_finger.emit(request, enrolled[tally.finger_index].finger)
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
            report_store_error(e, "fingerprint")
            self.failed.emit(request, faults.STORE_FAILED)
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


class _Relay(QObject):
    """Hands one worker answer, `(request id, *values)`, to `deliver(request, out, *values)` on
    this object's (the GUI) thread: the service checks the id and emits `out`."""

    def __init__(self, deliver: Callable[..., None], out: Any, parent: QObject) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._out = out

    def forward(self, request: int, *values: Any) -> None:
        self._deliver(request, self._out, *values)


class FingerprintService(QObject):
    """GUI-side facade. Each request gets an id; signals of a superseded request are dropped, so a
    late answer can never reach the next resident's screens."""

    plan_ready = Signal(CertificationPlan)
    place_finger = Signal(str, int)
    poor_image = Signal(int)
    no_match = Signal(int)
    lift_finger = Signal()
    next_finger = Signal(str)
    finished = Signal(VerificationResult)
    failed = Signal(str)
    cancelled = Signal()
    wait_ended = Signal()  # the worker stopped waiting on a cancelled or superseded request
    probe_done = Signal(object)  # what a `probe` function returned
    identified = Signal(IdentifyResult)  # nothing recorded
    identify_failed = Signal(str)  # code: sensor_unavailable, not_enrolled, store_failed
    fingers_known = Signal(str, list)  # person id, enrolled fingers: answers `request_fingers`

    _lookup_requested = Signal(int, str)
    _verify_requested = Signal(int, str, str, list, object)
    _identify_requested = Signal(int, str, list, object)
    _fingers_requested = Signal(str)
    _probe_requested = Signal(object)

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
        # Through bound methods of GUI-thread objects, never lambdas: a lambda would run on the
        # worker's thread (reading `_request` there, and emitting past `blockSignals` at
        # shutdown); a bound method runs here, on the GUI thread, when the answer is delivered.
        progress = (
            (w.plan_ready, self.plan_ready),
            (w.place_finger, self.place_finger),
            (w.poor_image, self.poor_image),
            (w.no_match, self.no_match),
            (w.lift_finger, self.lift_finger),
            (w.next_finger, self.next_finger),
        )
        endings = (
            (w.finished, self.finished),
            (w.failed, self.failed),
            (w.cancelled, self.cancelled),
            (w.identified, self.identified),
            (w.identify_failed, self.identify_failed),
        )
        self._relays = [_Relay(self._if_current, out, self) for _, out in progress]
        self._relays += [_Relay(self._done, out, self) for _, out in endings]
        for (answer, _), relay in zip((*progress, *endings), self._relays, strict=True):
            answer.connect(relay.forward)
        self._identify_requested.connect(w.identify)
        self._fingers_requested.connect(w.enrolled_fingers)
        w.fingers_known.connect(self.fingers_known)  # carries the person id: checked by the user
        w.cancelled.connect(self._worker_cancelled)  # bound: runs on the GUI thread
        self._lookup_requested.connect(w.lookup)
        self._verify_requested.connect(w.verify)
        self._probe_requested.connect(w.run_probe)
        w.probed.connect(self.probe_done)
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

    def request_fingers(self, person_id: str) -> None:
        """Which fingers `person_id` has enrolled; the answer is `fingers_known(person_id, list)`
        (the caller compares the person id: no request id, nothing running is superseded)."""
        self._fingers_requested.emit(person_id)

    def request_identify(self, person_id: str, fingers: list[str]) -> None:
        """Identify the card's owner by finger, recording nothing (e.g. for a statement). The
        progress signals are the same as a verification's; the answer is `identified` or
        `identify_failed` (or `cancelled`)."""
        self._request += 1
        self._cancel.set()  # never two sensor waits: a previous one stops
        self._cancel = threading.Event()
        self.busy = True
        self._identify_requested.emit(self._request, person_id, list(fingers), self._cancel)

    def probe(self, probe: Callable[[FingerprintSensor | None], object]) -> None:
        """Run `probe(sensor)` on the fingerprint thread, which owns the sensor (the port is
        never opened twice); its result arrives as `probe_done`. Like `CardService.probe`."""
        self._probe_requested.emit(probe)

    def cancel(self) -> None:
        """The resident left: end the wait on the sensor; later answers are dropped."""
        self._request += 1
        self.busy = False
        self._cancel.set()

    def _worker_cancelled(self, _request: int) -> None:
        """Every cancelled wait, also one whose `cancelled` is dropped as superseded: the sensor
        is free again (tests and diagnostics wait on this instead of a fixed time)."""
        self.wait_ended.emit()

    def _if_current(self, request: int, signal: Any, *args: Any) -> None:
        if request == self._request:
            signal.emit(*args)

    def _done(self, request: int, signal: Any, *args: Any) -> None:
        if request == self._request:
            self.busy = False
            signal.emit(*args)
